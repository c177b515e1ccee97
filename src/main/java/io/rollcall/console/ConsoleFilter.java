package io.rollcall.console;

import io.rollcall.security.ConsoleSessions;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What every console page gets: a CSRF check on each POST, a session (with its CSRF token) before
 * the page renders, and headers that keep pages out of caches and frames and scripts to our own.
 * Requests reach this filter only after the authentication mechanism let them through.
 */
@WebFilter(urlPatterns = "/console/*")
public class ConsoleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  @Inject ConsoleSessions sessions;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/console/assets/")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getCharacterEncoding() == null) {
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      if (!sessions.carriesCsrfToken(request)) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
    }
    // The session exists before rendering starts, so its cookie can still be set.
    sessions.ensureSession(request, response);
    chain.doFilter(request, response);
  }
}
