package io.rollcall.admin;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.AdminAccount;
import io.rollcall.security.AdminAccountService;
import io.rollcall.security.AdminToken;
import io.rollcall.security.AdminTokenService;
import io.rollcall.security.CurrentAdmin;
import io.rollcall.security.Roles;
import io.rollcall.web.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin accounts, managed by owners: create, list, change role, disable, delete. */
@Path("admin/admins")
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admins")
public class AdminAccountResource {

  private static final Set<String> CHANGES = java.util.Set.of("role", "enabled");

  @Inject AdminAccountService accounts;
  @Inject AdminTokenService tokens;
  @Inject AdminTrail trail;
  @Inject CurrentAdmin current;
  @Context UriInfo uriInfo;

  /** Without {@code password} one is generated and returned once as {@code password}. */
  public record NewAdmin(
      @Schema(required = true, pattern = "^[A-Za-z0-9._@-]+$") String username,
      @Schema(
              required = true,
              enumeration = {"owner", "auditor"})
          String role,
      @Schema(description = "At least 12 characters; generated when left out") String password) {}

  /** The members a PATCH may change (only for the document: the resource reads a map). */
  @Schema(name = "AdminChange", description = "Members left out keep their value.")
  public record AdminChangeDoc(
      @Schema(enumeration = {"owner", "auditor"}) String role, Boolean enabled) {}

  @JsonbPropertyOrder({
    "username",
    "role",
    "enabled",
    "createdAt",
    "createdBy",
    "passwordChangedAt"
  })
  public record AdminView(
      String username,
      String role,
      boolean enabled,
      Instant createdAt,
      String createdBy,
      Instant passwordChangedAt) {

    static AdminView of(AdminAccount a) {
      return new AdminView(
          a.username(),
          a.role().label(),
          a.isEnabled(),
          a.createdAt(),
          a.createdBy(),
          a.passwordChangedAt());
    }
  }

  @Schema(description = "The new account, and its generated password if one was generated.")
  public record CreatedAdminView(
      AdminView admin,
      @Schema(description = "The generated password, this once; absent when one was given")
          String password) {}

  public record AdminTokenView(
      String id,
      String prefix,
      String description,
      String status,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt) {

    static AdminTokenView of(AdminToken t) {
      return new AdminTokenView(
          t.id(),
          t.prefix(),
          t.description(),
          t.status(Clock.systemUTC().instant()).label(),
          t.createdAt(),
          t.expiresAt(),
          t.revokedAt(),
          t.lastUsedAt());
    }
  }

  @GET
  @Operation(operationId = "listAdmins", summary = "List the admin accounts")
  @APIResponse(
      responseCode = "200",
      description = "Every admin account.",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AdminView.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public List<AdminView> list() {
    return accounts.list().stream().map(AdminView::of).toList();
  }

  @POST
  @Operation(operationId = "createAdmin", summary = "Create an admin account")
  @APIResponse(
      responseCode = "201",
      description = "Created; a generated password is in this answer only.",
      content = @Content(schema = @Schema(ref = "CreatedAdminView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response create(@RequestBody(required = true) NewAdmin body) {
    if (body == null) {
      throw new InvalidInputException("a JSON body with \"username\" and \"role\" is required");
    }
    String creator = current.required().username();
    AdminAccountService.Created created =
        trail.run(
            AdminAction.of("admin.create", body.username()).withDetail("role=" + body.role()),
            () -> accounts.create(body.username(), body.role(), body.password(), creator),
            c ->
                AdminAction.of("admin.create", c.account().username())
                    .withDetail(
                        "role="
                            + c.account().role().label()
                            + (c.generatedPassword() == null ? "" : ", password generated")));
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(created.account().username()).build())
        .entity(new CreatedAdminView(AdminView.of(created.account()), created.generatedPassword()))
        .build();
  }

  @GET
  @Path("{username}")
  @Operation(operationId = "getAdmin", summary = "Read an admin account")
  @APIResponse(
      responseCode = "200",
      description = "The account.",
      content = @Content(schema = @Schema(ref = "AdminView")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public AdminView get(@PathParam("username") String username) {
    return AdminView.of(accounts.get(username));
  }

  /** {@code role} ("owner" / "auditor") and/or {@code enabled}; never the last enabled owner. */
  @PATCH
  @Path("{username}")
  @Operation(
      operationId = "changeAdmin",
      summary = "Change an admin's role, or disable or enable the account")
  @APIResponse(
      responseCode = "200",
      description = "The account as changed.",
      content = @Content(schema = @Schema(ref = "AdminView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public AdminView change(
      @PathParam("username") String username,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "AdminChange")))
          Map<String, Object> body) {
    if (body == null || body.isEmpty()) {
      throw new InvalidInputException("a JSON object with \"role\" and/or \"enabled\" is required");
    }
    for (String key : body.keySet()) {
      if (key == null || !CHANGES.contains(key)) {
        throw new InvalidInputException("unknown field \"" + key + "\"; known: " + CHANGES);
      }
    }
    String role = AdminJson.string(body, "role");
    Boolean enabled = AdminJson.bool(body, "enabled");
    return AdminView.of(
        trail.run(
            AdminAction.of("admin.change", username).withDetail(AdminJson.describe(body)),
            () -> accounts.change(username, role, enabled)));
  }

  /** Deletes the account and its admin tokens; its trail entries stay. */
  @DELETE
  @Path("{username}")
  @Operation(operationId = "deleteAdmin", summary = "Delete an admin account and its tokens")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response delete(@PathParam("username") String username) {
    trail.run(
        AdminAction.of("admin.delete", username),
        () -> {
          accounts.delete(username);
          return username;
        });
    return Response.noContent().build();
  }

  @GET
  @Path("{username}/tokens")
  @Operation(operationId = "listAdminTokens", summary = "Another admin's API tokens")
  @APIResponse(
      responseCode = "200",
      description = "The account's tokens, never their secrets.",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = AdminTokenView.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public List<AdminTokenView> tokens(@PathParam("username") String username) {
    return tokens.list(username).stream().map(AdminTokenView::of).toList();
  }

  /** An owner revokes another admin's token, say when a script's secret leaked. */
  @DELETE
  @Path("{username}/tokens/{tokenId}")
  @Operation(operationId = "revokeAdminToken", summary = "Revoke another admin's API token")
  @APIResponse(responseCode = "204", description = "Revoked.")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response revokeToken(
      @PathParam("username") String username, @PathParam("tokenId") String tokenId) {
    trail.run(
        AdminAction.of("admin-token.revoke", username).withDetail("token " + tokenId),
        () -> tokens.revoke(username, tokenId));
    return Response.noContent().build();
  }
}
