package io.rollcall.ratelimit;

import io.rollcall.security.ScimClient;
import io.rollcall.web.JsonErrors;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Refuses a SCIM request over its tenant's or the server's limit with {@code 429 Too Many Requests}
 * (RFC 6585 §4), {@code Retry-After} in whole seconds and the RFC 7644 §3.12 error body. It runs
 * after the audit filter's request side, so the refusal is in the tenant's audit log with status
 * 429, and before matching, so every SCIM endpoint counts — discovery included, since it is
 * authenticated like the rest. ({@code Cache-Control: no-store} comes from {@code ApiNoStore}, as
 * for every API answer.)
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ScimRateLimitFilter implements ContainerRequestFilter {

  private final ScimRateLimits limits;

  public ScimRateLimitFilter(ScimRateLimits limits) {
    this.limits = limits;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    // Set by the authentication mechanism; a request without it was already refused (401).
    if (!(request.getProperty(ScimClient.class.getName()) instanceof ScimClient client)) {
      return;
    }
    Optional<Refusal> refusal = limits.admit(client);
    if (refusal.isPresent()) {
      request.abortWith(
          Response.status(429)
              .header("Retry-After", refusal.get().retryAfterSeconds())
              .type(JsonErrors.SCIM_MEDIA_TYPE + ";charset=UTF-8")
              .entity(JsonErrors.scimBody(429, null, refusal.get().detail()).toString())
              .build());
    }
  }
}
