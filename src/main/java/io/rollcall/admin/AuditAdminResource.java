package io.rollcall.admin;

import io.rollcall.audit.AuditEntry;
import io.rollcall.audit.AuditLog;
import io.rollcall.audit.AuditQuery;
import io.rollcall.security.Roles;
import io.rollcall.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's audit log of SCIM requests, newest first, with filters and keyset paging. */
@Path("admin/tenants/{id}/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditAdminResource {

  @Inject AuditLog audit;

  @JsonbPropertyOrder({
    "id",
    "occurredAt",
    "tokenPrefix",
    "method",
    "path",
    "filter",
    "queryParams",
    "status",
    "scimType",
    "resourceId",
    "durationMs",
    "userAgent"
  })
  @Schema(name = "AuditEntry")
  public record EntryView(
      String id,
      Instant occurredAt,
      String tokenPrefix,
      String method,
      String path,
      String filter,
      String queryParams,
      int status,
      String scimType,
      String resourceId,
      int durationMs,
      String userAgent) {}

  @Schema(name = "AuditPage")
  public record EntryPage(
      List<EntryView> entries,
      @Schema(description = "Pass as `before` for the next page; absent on the last")
          String next) {}

  /**
   * @param status a code ({@code 404}) or a class ({@code 4xx})
   * @param path part of the request path, such as {@code /Users}
   * @param before the {@code next} of the previous page
   */
  @GET
  @Operation(
      operationId = "listAuditEntries",
      summary = "The tenant's SCIM audit log, newest first")
  @APIResponse(
      responseCode = "200",
      description = "One page of entries.",
      content = @Content(schema = @Schema(ref = "AuditPage")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public EntryPage list(
      @PathParam("id") String tenantId,
      @Parameter(example = "PATCH") @QueryParam("method") String method,
      @Parameter(description = "A code (`404`) or a class (`4xx`)") @QueryParam("status")
          String status,
      @Parameter(description = "Part of the request path, such as `/Users`") @QueryParam("path")
          String path,
      @Parameter(description = "The `next` of the previous page") @QueryParam("before")
          String before,
      @Parameter(description = "1 to 1000; 100 when left out") @QueryParam("limit") String limit) {
    Integer size =
        limit == null ? null : (int) QueryParameters.number("limit", limit, 100, 1, 1000);
    AuditLog.Page page = audit.page(tenantId, AuditQuery.of(method, status, path, before, size));
    return new EntryPage(
        page.entries().stream().map(AuditAdminResource::view).toList(),
        page.next() == null ? null : page.next().toString());
  }

  private static EntryView view(AuditEntry e) {
    return new EntryView(
        Long.toString(e.id()),
        e.occurredAt(),
        e.tokenPrefix(),
        e.method(),
        e.path(),
        e.filter(),
        e.queryParams(),
        e.status(),
        e.scimType(),
        e.resourceId(),
        e.durationMs(),
        e.userAgent());
  }
}
