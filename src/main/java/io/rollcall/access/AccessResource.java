package io.rollcall.access;

import io.rollcall.events.EventOutbox;
import io.rollcall.security.AppClient;
import io.rollcall.security.Roles;
import io.rollcall.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The access-check API for the host application, authenticated with an application key. A key
 * scoped to another tenant gets the same 404 as an unknown tenant, so it learns nothing. Each
 * answer carries {@code Server-Timing: app;dur=…} (milliseconds spent in Rollcall).
 */
@Path("app/v1/tenants/{tenantId}")
@RolesAllowed(Roles.APP_CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "access")
@SecurityRequirement(name = "appKey")
public class AccessResource {

  @Inject AccessService access;
  @Inject EventOutbox events;
  @Context HttpServletRequest request;

  @Schema(description = "People with access, by email.")
  public record PeoplePage(
      List<Access> people,
      @Schema(description = "Pass as `after` for the next page; absent on the last") String next) {}

  /** One provisioning event; {@code changes} is the JSON object of what changed. */
  @Schema(description = "One provisioning event.")
  public record EventView(
      long seq,
      String id,
      Instant occurredAt,
      String kind,
      String scimUserId,
      String email,
      @Schema(type = SchemaType.OBJECT, description = "What changed, by attribute")
          JsonObject changes) {}

  /**
   * Events in order; resume with {@code after=next}. {@code next} is the last seq served (or the
   * given one).
   */
  @Schema(description = "Events in order; resume with `after=next`.")
  public record EventPage(List<EventView> events, long next) {}

  @GET
  @Path("access")
  @Operation(operationId = "checkAccess", summary = "Whether a person has access, and since when")
  @APIResponse(
      responseCode = "200",
      description = "The answer, also for people Rollcall has never seen (`hasAccess: false`).",
      content = @Content(schema = @Schema(ref = "Access")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response access(
      @PathParam("tenantId") String tenantId,
      @Parameter(required = true, example = "ann@example.com") @QueryParam("email") String email) {
    long start = System.nanoTime();
    checkScope(tenantId);
    if (email == null || email.isBlank() || email.length() > 512) {
      throw new io.rollcall.web.InvalidInputException("query parameter email is required");
    }
    Access answer = access.lookup(tenantId, email.strip());
    return timed(Response.ok(answer), start);
  }

  @GET
  @Path("people")
  @Operation(operationId = "listPeopleWithAccess", summary = "The people who have access, by email")
  @APIResponse(
      responseCode = "200",
      description = "One page of people.",
      content = @Content(schema = @Schema(ref = "PeoplePage")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response people(
      @PathParam("tenantId") String tenantId,
      @Parameter(description = "The `next` of the previous page") @QueryParam("after") String after,
      @Parameter(description = "1 to 1000; 100 when left out") @QueryParam("limit") String limit) {
    long start = System.nanoTime();
    checkScope(tenantId);
    int size = (int) QueryParameters.number("limit", limit, 100, 1, 1000);
    List<Access> page = access.withAccess(tenantId, after, size);
    String next = page.size() == size ? page.get(page.size() - 1).email() : null;
    return timed(Response.ok(new PeoplePage(page, next)), start);
  }

  /**
   * The tenant's provisioning events after {@code after} (a sequence number; 0 for the beginning),
   * in order, so a host app can poll and resume without gaps or duplicates.
   */
  @GET
  @Path("events")
  @Operation(
      operationId = "listEvents",
      summary = "The tenant's provisioning events after a sequence number, in order")
  @APIResponse(
      responseCode = "200",
      description = "One page of events; resume with `after=next`.",
      content = @Content(schema = @Schema(ref = "EventPage")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response events(
      @PathParam("tenantId") String tenantId,
      @Parameter(
              description = "A sequence number; 0 (the default) for the beginning",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
          @QueryParam("after")
          String afterText,
      @Parameter(description = "1 to 1000; 100 when left out") @QueryParam("limit") String limit) {
    long start = System.nanoTime();
    checkScope(tenantId);
    long after = QueryParameters.number("after", afterText, 0, 0, Long.MAX_VALUE);
    int size = (int) QueryParameters.number("limit", limit, 100, 1, 1000);
    List<EventView> page =
        events.after(tenantId, Math.max(0, after), size).stream()
            .map(
                e ->
                    new EventView(
                        e.seq(),
                        e.id(),
                        e.occurredAt(),
                        e.kind(),
                        e.scimUserId(),
                        e.email(),
                        Json.createReader(new StringReader(e.changes())).readObject()))
            .toList();
    long next = page.isEmpty() ? Math.max(0, after) : page.get(page.size() - 1).seq();
    return timed(Response.ok(new EventPage(page, next)), start);
  }

  private void checkScope(String tenantId) {
    Object client = request.getAttribute(AppClient.class.getName());
    if (!(client instanceof AppClient app) || !app.covers(tenantId)) {
      throw new NotFoundException();
    }
  }

  private static Response timed(Response.ResponseBuilder response, long start) {
    double millis = (System.nanoTime() - start) / 1e6;
    return response
        .header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.3f", millis))
        .header("Cache-Control", "no-store")
        .build();
  }
}
