package io.rollcall.admin;

import io.rollcall.metrics.Metrics;
import io.rollcall.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * This node's metrics for Prometheus, behind admin credentials (an admin API token with any role is
 * what a scraper uses). Payara's own public {@code /metrics} is switched off in the post-boot
 * files.
 */
@Path("admin/metrics")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "metrics")
public class MetricsResource {

  @Inject Metrics metrics;

  @GET
  @Operation(operationId = "scrapeMetrics", summary = "This node's metrics for Prometheus")
  @APIResponse(
      responseCode = "200",
      description = "Prometheus text format.",
      content =
          @Content(
              mediaType = "text/plain; version=0.0.4",
              schema = @Schema(type = SchemaType.STRING)))
  public Response scrape() {
    return Response.ok(metrics.scrape(), Metrics.CONTENT_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }
}
