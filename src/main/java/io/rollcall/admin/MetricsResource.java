package io.rollcall.admin;

import io.rollcall.metrics.Metrics;
import io.rollcall.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * This node's metrics for Prometheus, behind admin credentials (an admin API token with any role is
 * what a scraper uses). Payara's own public {@code /metrics} is switched off in the post-boot
 * files.
 */
@Path("admin/metrics")
@RolesAllowed(Roles.ADMIN)
public class MetricsResource {

  @Inject Metrics metrics;

  @GET
  public Response scrape() {
    return Response.ok(metrics.scrape(), Metrics.CONTENT_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }
}
