package io.rollcall.scim;

import io.rollcall.metrics.Metrics;
import io.rollcall.security.ScimClient;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Set;

/**
 * Counts and times every SCIM request of an authenticated client, by tenant, endpoint, method and
 * status. Requests refused before they reach JAX-RS (a bad token) are counted by the authentication
 * mechanism instead, by reason.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";

  /** First path segments that name an endpoint; anything else is counted as "other". */
  private static final Set<String> ENDPOINTS =
      Set.of(
          "Users",
          "Groups",
          "Schemas",
          "ResourceTypes",
          "ServiceProviderConfig",
          "Bulk",
          "Me",
          ".search");

  /** Methods counted by name; a client can send any token as a method, so the rest are "other". */
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /** Second segments that are operations rather than ids. */
  private static final Set<String> OPERATIONS = Set.of(".search");

  @Inject Metrics metrics;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(ScimClient.class.getName()) instanceof ScimClient client)
        || !(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    metrics.scimRequest(
        client.tenantId(),
        endpoint(request.getUriInfo().getPath(false)),
        method(request.getMethod()),
        response.getStatus(),
        System.nanoTime() - started);
  }

  static String method(String method) {
    return METHODS.contains(method) ? method : "other";
  }

  /**
   * The endpoint a path addresses, with ids replaced so the number of values stays fixed: {@code
   * Users/2819c223} → {@code Users/{id}}, {@code Schemas/urn:…} → {@code Schemas/{id}}, {@code
   * Users/.search} stays, anything unknown → {@code other}.
   */
  static String endpoint(String path) {
    String[] segments = path.replaceAll("^/+", "").split("/", -1);
    String first = segments[0];
    if (!ENDPOINTS.contains(first)) {
      return "other";
    }
    if (segments.length == 1 || (segments.length == 2 && segments[1].isEmpty())) {
      return first;
    }
    String second = OPERATIONS.contains(segments[1]) ? segments[1] : "{id}";
    return segments.length == 2 ? first + "/" + second : first + "/" + second + "/…";
  }
}
