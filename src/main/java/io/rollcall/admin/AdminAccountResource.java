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

/** The admin accounts, managed by owners: create, list, change role, disable, delete. */
@Path("admin/admins")
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminAccountResource {

  private static final Set<String> CHANGES = java.util.Set.of("role", "enabled");

  @Inject AdminAccountService accounts;
  @Inject AdminTokenService tokens;
  @Inject AdminTrail trail;
  @Inject CurrentAdmin current;
  @Context UriInfo uriInfo;

  /** Without {@code password} one is generated and returned once as {@code password}. */
  public record NewAdmin(String username, String role, String password) {}

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

  public record CreatedAdminView(AdminView admin, String password) {}

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
  public List<AdminView> list() {
    return accounts.list().stream().map(AdminView::of).toList();
  }

  @POST
  public Response create(NewAdmin body) {
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
  public AdminView get(@PathParam("username") String username) {
    return AdminView.of(accounts.get(username));
  }

  /** {@code role} ("owner" / "auditor") and/or {@code enabled}; never the last enabled owner. */
  @PATCH
  @Path("{username}")
  public AdminView change(@PathParam("username") String username, Map<String, Object> body) {
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
  public List<AdminTokenView> tokens(@PathParam("username") String username) {
    return tokens.list(username).stream().map(AdminTokenView::of).toList();
  }

  /** An owner revokes another admin's token, say when a script's secret leaked. */
  @DELETE
  @Path("{username}/tokens/{tokenId}")
  public Response revokeToken(
      @PathParam("username") String username, @PathParam("tokenId") String tokenId) {
    trail.run(
        AdminAction.of("admin-token.revoke", username).withDetail("token " + tokenId),
        () -> tokens.revoke(username, tokenId));
    return Response.noContent().build();
  }
}
