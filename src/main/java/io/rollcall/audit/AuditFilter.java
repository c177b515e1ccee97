package io.rollcall.audit;

import io.rollcall.security.ScimClient;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records each SCIM request of an authenticated client: the request side notes when it started, the
 * response side (which also runs for responses made by the exception mapper) hands the record to
 * the {@link AuditQueue}. The duration covers matching, the resource method and the mapping of
 * errors, not the writing of the response body.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = AuditFilter.class.getName() + ".started";
  private static final String STARTED_AT = AuditFilter.class.getName() + ".startedAt";

  /** Path segments that are operations, not resource ids ({@code /Users/.search}). */
  private static final List<String> COLLECTIONS = List.of("Users", "Groups");

  private final AuditQueue queue;
  private final Clock clock = Clock.systemUTC();

  public AuditFilter(AuditQueue queue) {
    this.queue = queue;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
    request.setProperty(STARTED_AT, clock.instant());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // The authentication mechanism leaves the client as a request attribute, which Jersey exposes
    // as a property; requests it refused never get this far.
    if (!(request.getProperty(ScimClient.class.getName()) instanceof ScimClient client)
        || !(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    String path = "/" + request.getUriInfo().getPath(false);
    queue.offer(
        new AuditRecord(
            client.tenantId(),
            (Instant) request.getProperty(STARTED_AT),
            client.tokenPrefix(),
            request.getMethod(),
            path,
            request.getUriInfo().getQueryParameters().getFirst("filter"),
            response.getStatus(),
            resourceId(path, response.getLocation()),
            durationMs));
  }

  /** The id in {@code /Users/{id}}, else the last segment of a created resource's Location. */
  static String resourceId(String path, URI location) {
    String[] segments = path.split("/");
    if (segments.length >= 3
        && COLLECTIONS.contains(segments[1])
        && !segments[2].isEmpty()
        && !segments[2].startsWith(".")) {
      return segments[2];
    }
    if (location != null && location.getPath() != null) {
      String where = location.getPath();
      return where.substring(where.lastIndexOf('/') + 1);
    }
    return null;
  }
}
