package io.rollcall.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Gives each API request its public URL before anything reads it, so that every URL built from
 * {@link UriInfo} — {@code Location}, {@code meta.location}, {@code $ref}, discovery locations — is
 * public without each resource having to remember. Registered by both JAX-RS applications; it runs
 * before every other filter, matching included.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class PublicRequestUris implements ContainerRequestFilter {

  @Inject PublicUrls urls;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    // The base URI is the application's path under the context root: one level up for /api, two
    // for /scim/v2. The context path says where the context root is without knowing which.
    URI internalRoot =
        request.getUriInfo().getBaseUri().resolve(servletRequest.getContextPath() + "/");
    URI publicRoot =
        urls.root(internalRoot, servletRequest.getRemoteAddr(), request.getHeaders()::get);
    moveTo(request, internalRoot, publicRoot);
  }

  /**
   * Moves the request's base and request URIs from the context root the container saw to the public
   * root. The path under the base, and so matching, stays exactly the same.
   */
  static void moveTo(ContainerRequestContext request, URI internalRoot, URI publicRoot) {
    if (publicRoot.equals(internalRoot)) {
      return;
    }
    PublicRoot target = new PublicRoot(publicRoot);
    UriInfo info = request.getUriInfo();
    request.setRequestUri(
        target.rebase(internalRoot, info.getBaseUri()),
        target.rebase(internalRoot, info.getRequestUri()));
  }
}
