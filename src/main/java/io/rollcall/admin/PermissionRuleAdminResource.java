package io.rollcall.admin;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.permissions.PermissionRule;
import io.rollcall.permissions.PermissionService;
import io.rollcall.protocol.ScimException;
import io.rollcall.security.Roles;
import io.rollcall.users.UserLifecycle;
import io.rollcall.web.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's permission rules: read, replace as a whole (order matters), preview a filter. */
@Path("admin/tenants/{id}/permission-rules")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "permission-rules")
public class PermissionRuleAdminResource {

  @Inject PermissionService permissions;
  @Inject UserLifecycle users;
  @Inject AdminTrail trail;

  public record RuleView(String id, int position, String filter, String group) {}

  public record Preview(
      @Schema(required = true, example = "department eq \"Sales\"") String filter) {}

  public record PreviewResult(long matches, List<String> sample) {}

  @GET
  @Operation(operationId = "listPermissionRules", summary = "The tenant's rules, in order")
  public List<RuleView> list(@PathParam("id") String tenantId) {
    return views(permissions.list(tenantId));
  }

  @PUT
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "replacePermissionRules",
      summary = "Replace the tenant's rules as a whole; order matters")
  @APIResponse(
      responseCode = "200",
      description = "The rules as stored.",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RuleView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public List<RuleView> replace(
      @PathParam("id") String tenantId,
      @RequestBody(
              required = true,
              description = "Each rule: a SCIM filter on the user and the group it gives.")
          List<PermissionService.RuleInput> rules) {
    if (rules == null) {
      throw new InvalidInputException("a JSON array of {\"filter\", \"group\"} rules is required");
    }
    return views(
        trail.run(
            AdminAction.of("permission-rules.replace", tenantId),
            () -> permissions.replace(tenantId, rules),
            saved ->
                AdminAction.of("permission-rules.replace", tenantId)
                    .withDetail(
                        saved.size()
                            + " rule(s): "
                            + String.join(
                                "; ",
                                saved.stream()
                                    .map(r -> r.groupName() + " <- " + r.filter())
                                    .toList()))));
  }

  /** "This rule matches these N people now." Reads only, so every admin may preview. */
  @POST
  @Path("preview")
  @Operation(
      operationId = "previewPermissionRule",
      summary = "How many people a filter matches now, with a sample")
  @APIResponse(
      responseCode = "200",
      description = "The count and up to a few matching emails.",
      content = @Content(schema = @Schema(ref = "PreviewResult")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public PreviewResult preview(
      @PathParam("id") String tenantId, @RequestBody(required = true) Preview body) {
    if (body == null || body.filter() == null || body.filter().isBlank()) {
      throw new InvalidInputException("a filter is required");
    }
    try {
      UserLifecycle.Matches matches = users.matching(tenantId, body.filter());
      return new PreviewResult(matches.total(), matches.sample());
    } catch (ScimException e) {
      throw new InvalidInputException("invalid filter: " + e.detail());
    }
  }

  private static List<RuleView> views(List<PermissionRule> rules) {
    return rules.stream()
        .map(r -> new RuleView(r.id(), r.position(), r.filter(), r.groupName()))
        .toList();
  }
}
