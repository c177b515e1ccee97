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

/** A tenant's audit log of SCIM requests, newest first, with filters and keyset paging. */
@Path("admin/tenants/{id}/audit")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
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

  public record EntryPage(List<EntryView> entries, String next) {}

  /**
   * @param status a code ({@code 404}) or a class ({@code 4xx})
   * @param path part of the request path, such as {@code /Users}
   * @param before the {@code next} of the previous page
   */
  @GET
  public EntryPage list(
      @PathParam("id") String tenantId,
      @QueryParam("method") String method,
      @QueryParam("status") String status,
      @QueryParam("path") String path,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit) {
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
