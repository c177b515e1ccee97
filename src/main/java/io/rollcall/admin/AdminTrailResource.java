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

/** The admin trail, newest first, filtered by actor, action, outcome and time, paged by id. */
@Path("admin/trail")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
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

  public record EntryPage(List<EntryView> entries, String next) {}

  @GET
  public EntryPage list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit) {
    AdminTrail.Page page =
        trail.page(AdminTrailQuery.of(actor, action, outcome, from, to, before, limit));
    return new EntryPage(
        page.entries().stream().map(EntryView::of).toList(),
        page.next() == null ? null : page.next().toString());
  }
}
