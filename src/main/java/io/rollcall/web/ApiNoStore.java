package io.rollcall.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps every API answer out of shared and browser caches: they carry personal data, secrets shown
 * once and tenant configuration, each behind a credential. One filter on the API paths rather than
 * a header on each resource, so a new endpoint cannot forget it. Answers the authentication
 * mechanism writes itself (401, 429, 503) never reach this filter and set the header in {@link
 * JsonErrors}.
 */
@WebFilter(urlPatterns = {"/scim/*", "/api/*"})
public class ApiNoStore extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, response);
  }
}
