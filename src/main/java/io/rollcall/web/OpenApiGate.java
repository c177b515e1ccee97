package io.rollcall.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Payara serves a generated OpenAPI document at {@code /openapi}, unauthenticated, listing every
 * endpoint of the admin plane; Payara Micro cannot switch it off from a post-boot file. It answers
 * 404 here unless {@code rollcall.openapi.enabled} is true ({@code ROLLCALL_OPENAPI_ENABLED}).
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"})
public class OpenApiGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean enabled =
        ConfigProvider.getConfig()
            .getOptionalValue("rollcall.openapi.enabled", Boolean.class)
            .orElse(false);
    if (!enabled) {
      JsonErrors.write(response, 404, "application/json", JsonErrors.apiBody(404, "Not Found"));
      return;
    }
    chain.doFilter(request, response);
  }
}
