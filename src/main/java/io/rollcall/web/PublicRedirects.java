package io.rollcall.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Sends the console's redirects (after a form, to the sign-in page, after signing in) to the public
 * URL, by the same rule as the APIs' {@link PublicRequestUris}. Jakarta Faces and the pages hand
 * the container a path; the container would make it absolute with the scheme and host it saw.
 */
@WebFilter(urlPatterns = "/console/*")
public class PublicRedirects extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject PublicUrls urls;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(
        request,
        new HttpServletResponseWrapper(response) {
          @Override
          public void sendRedirect(String location) throws IOException {
            super.sendRedirect(urls.redirect(request, location));
          }
        });
  }
}
