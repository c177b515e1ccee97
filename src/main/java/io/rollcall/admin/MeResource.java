package io.rollcall.admin;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.AdminAccountService;
import io.rollcall.security.AdminCaller;
import io.rollcall.security.AdminToken;
import io.rollcall.security.AdminTokenService;
import io.rollcall.security.CurrentAdmin;
import io.rollcall.security.Roles;
import io.rollcall.web.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The calling admin's own account, whatever their role: who they are, their password, and their
 * admin API tokens.
 */
@Path("admin/me")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "me")
public class MeResource {

  @Inject CurrentAdmin current;
  @Inject AdminTokenService tokens;
  @Inject AdminAccountService accounts;
  @Inject AdminTrail trail;
  @Context UriInfo uriInfo;

  public record Me(
      String username,
      @Schema(enumeration = {"owner", "auditor"}) String role,
      @Schema(enumeration = {"password", "token"}) String via) {}

  public record PasswordChange(
      @Schema(required = true) String currentPassword,
      @Schema(required = true, minLength = 12) String newPassword) {}

  public record NewAdminToken(String description, Integer expiresInDays) {}

  @Schema(description = "A new admin API token; `token` is its secret, shown this once.")
  public record MintedAdminTokenView(
      String id,
      String token,
      String prefix,
      String username,
      String role,
      String description,
      Instant createdAt,
      Instant expiresAt) {}

  @GET
  @Operation(operationId = "whoAmI", summary = "Who the caller is, with which role and how")
  public Me me() {
    AdminCaller caller = current.required();
    return new Me(caller.username(), caller.role().label(), caller.via().label());
  }

  @PUT
  @Path("password")
  @Operation(operationId = "changeMyPassword", summary = "Change the caller's own password")
  @APIResponse(responseCode = "204", description = "Changed.")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response changePassword(@RequestBody(required = true) PasswordChange body) {
    if (body == null) {
      throw new InvalidInputException(
          "a JSON body with \"currentPassword\" and \"newPassword\" is required");
    }
    String username = current.required().username();
    trail.run(
        AdminAction.of("admin.password-change", username),
        () -> {
          accounts.changePassword(username, body.currentPassword(), body.newPassword());
          return username;
        });
    return Response.noContent().build();
  }

  /**
   * Mints an admin API token for the caller's own account; the secret is in this answer only. A
   * token cannot mint another: otherwise a leaked token could outlive its expiry and revocation.
   */
  @POST
  @Path("tokens")
  @Operation(
      operationId = "mintMyAdminToken",
      summary = "Mint an admin API token for the caller; its secret is in this answer only",
      description = "Only when signed in with a password: a token cannot mint another (403).")
  @APIResponse(
      responseCode = "201",
      description = "Minted; `token` is the secret.",
      content = @Content(schema = @Schema(ref = "MintedAdminTokenView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response mint(NewAdminToken body) {
    AdminCaller caller = current.required();
    if (caller.via() == AdminCaller.Via.TOKEN) {
      trail.record(
          AdminAction.of("admin-token.mint", caller.username()),
          "refused",
          "an admin token cannot mint admin tokens");
      throw new ForbiddenException();
    }
    NewAdminToken request = body == null ? new NewAdminToken(null, null) : body;
    AdminTokenService.MintedAdminToken minted =
        trail.run(
            AdminAction.of("admin-token.mint", caller.username()),
            () -> tokens.mint(caller.username(), request.description(), request.expiresInDays()),
            m ->
                AdminAction.of("admin-token.mint", caller.username())
                    .withDetail(TenantAdminResource.secretDetail(m.token())));
    AdminToken t = minted.token();
    return Response.created(uriInfo.getAbsolutePathBuilder().path(t.id()).build())
        .entity(
            new MintedAdminTokenView(
                t.id(),
                minted.secret(),
                t.prefix(),
                t.username(),
                caller.role().label(),
                t.description(),
                t.createdAt(),
                t.expiresAt()))
        .build();
  }

  @GET
  @Path("tokens")
  @Operation(operationId = "listMyAdminTokens", summary = "The caller's admin API tokens")
  public List<AdminAccountResource.AdminTokenView> tokens() {
    return tokens.list(current.required().username()).stream()
        .map(AdminAccountResource.AdminTokenView::of)
        .toList();
  }

  @DELETE
  @Path("tokens/{tokenId}")
  @Operation(operationId = "revokeMyAdminToken", summary = "Revoke one of the caller's tokens")
  @APIResponse(responseCode = "204", description = "Revoked.")
  public Response revoke(@PathParam("tokenId") String tokenId) {
    String username = current.required().username();
    trail.run(
        AdminAction.of("admin-token.revoke", username).withDetail("token " + tokenId),
        () -> tokens.revoke(username, tokenId));
    return Response.noContent().build();
  }
}
