package io.rollcall.admin;

import io.rollcall.audit.AdminTrail;
import io.rollcall.audit.AdminTrailEntry;
import io.rollcall.audit.AdminTrailQuery;
import io.rollcall.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** The admin trail, newest first, filtered by actor, action, outcome and time, paged by id. */
@Path("admin/trail")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AdminTrailResource {

  @Inject AdminTrail trail;

  @JsonbPropertyOrder({
    "id",
    "occurredAt",
    "actor",
    "actorRole",
    "via",
    "clientAddress",
    "action",
    "target",
    "detail",
    "outcome",
    "reason"
  })
  @Schema(name = "AdminTrailEntry")
  public record EntryView(
      String id,
      Instant occurredAt,
      String actor,
      String actorRole,
      String via,
      String clientAddress,
      String action,
      String target,
      String detail,
      String outcome,
      String reason) {

    static EntryView of(AdminTrailEntry e) {
      return new EntryView(
          Long.toString(e.id()),
          e.occurredAt(),
          e.actor(),
          e.actorRole(),
          e.via(),
          e.clientAddress(),
          e.action(),
          e.target(),
          e.detail(),
          e.outcome(),
          e.reason());
    }
  }

  @Schema(name = "AdminTrailPage")
  public record EntryPage(
      List<EntryView> entries,
      @Schema(description = "Pass as `before` for the next page; absent on the last")
          String next) {}

  @GET
  @Operation(
      operationId = "listAdminTrail",
      summary = "The admin trail: every admin action, newest first")
  @APIResponse(
      responseCode = "200",
      description = "One page of entries.",
      content = @Content(schema = @Schema(ref = "AdminTrailPage")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public EntryPage list(
      @QueryParam("actor") String actor,
      @Parameter(description = "An action or its prefix, such as `tenant`") @QueryParam("action")
          String action,
      @Parameter(example = "refused") @QueryParam("outcome") String outcome,
      @Parameter(description = "ISO-8601 instant or date") @QueryParam("from") String from,
      @Parameter(description = "ISO-8601 instant or date") @QueryParam("to") String to,
      @Parameter(description = "The `next` of the previous page") @QueryParam("before")
          String before,
      @Parameter(description = "1 to 1000; 100 when left out") @QueryParam("limit") String limit) {
    AdminTrail.Page page =
        trail.page(AdminTrailQuery.of(actor, action, outcome, from, to, before, limit));
    return new EntryPage(
        page.entries().stream().map(EntryView::of).toList(),
        page.next() == null ? null : page.next().toString());
  }
}
