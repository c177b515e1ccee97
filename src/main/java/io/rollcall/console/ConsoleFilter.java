package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.ConsoleSessions;
import io.rollcall.security.Roles;
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
 *
 * <p>Auditors may only read: every POST of theirs is refused with 403 (and put in the admin trail)
 * except signing out and the forms of their own account page. Checking here, for every page, rather
 * than in each action, means a new form cannot forget it.
 */
@WebFilter(urlPatterns = "/console/*")
public class ConsoleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  /** The page where any admin changes their own password and admin tokens. */
  static final String OWN_ACCOUNT_PAGE = "/console/account.xhtml";

  /** The sign-out form's id, sent as a parameter by every submission of it. */
  static final String SIGN_OUT_FORM = "signout";

  @Inject ConsoleSessions sessions;
  @Inject AdminTrail trail;

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
      if (request.isUserInRole(Roles.ADMIN)
          && !request.isUserInRole(Roles.OWNER)
          && !path.equals(OWN_ACCOUNT_PAGE)
          && request.getParameter(SIGN_OUT_FORM) == null) {
        trail.record(
            AdminAction.of("forbidden", "POST " + path),
            "refused",
            "the role " + Roles.OWNER + " is required");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
    }
    // The session exists before rendering starts, so its cookie can still be set.
    sessions.ensureSession(request, response);
    chain.doFilter(request, response);
  }
}
