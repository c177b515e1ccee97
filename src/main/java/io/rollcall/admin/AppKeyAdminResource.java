package io.rollcall.admin;

import io.rollcall.access.AppKey;
import io.rollcall.access.AppKeyService;
import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Application keys for the access-check API: minted (shown once), listed, revoked. */
@Path("admin/app-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "app-keys")
public class AppKeyAdminResource {

  @Inject AppKeyService keys;
  @Inject AdminTrail trail;
  @Context UriInfo uriInfo;

  /** {@code tenantId} null: the key reads every tenant. */
  public record NewKey(
      String description,
      @Schema(description = "The one tenant the key may read; left out: every tenant")
          String tenantId,
      Integer expiresInDays) {}

  @Schema(description = "A new application key; `key` is its secret, shown this once.")
  public record MintedKeyView(
      String id,
      String key,
      String prefix,
      String tenantId,
      String description,
      Instant createdAt,
      Instant expiresAt) {}

  public record KeyView(
      String id,
      String prefix,
      String tenantId,
      String description,
      String status,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt) {}

  @POST
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "mintAppKey",
      summary = "Mint an application key; its secret is in this answer only")
  @APIResponse(
      responseCode = "201",
      description = "Minted; `key` is the secret.",
      content = @Content(schema = @Schema(ref = "MintedKeyView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response mint(NewKey body) {
    NewKey request = body == null ? new NewKey(null, null, null) : body;
    String scope = request.tenantId() == null ? "all tenants" : request.tenantId();
    AppKeyService.MintedKey minted =
        trail.run(
            AdminAction.of("app-key.mint", scope),
            () -> keys.mint(request.tenantId(), request.description(), request.expiresInDays()),
            m ->
                AdminAction.of("app-key.mint", scope)
                    .withDetail(TenantAdminResource.secretDetail(m.key())));
    AppKey k = minted.key();
    return Response.created(uriInfo.getAbsolutePathBuilder().path(k.id()).build())
        .entity(
            new MintedKeyView(
                k.id(),
                minted.secret(),
                k.prefix(),
                k.tenantId(),
                k.description(),
                k.createdAt(),
                k.expiresAt()))
        .build();
  }

  @GET
  @Operation(operationId = "listAppKeys", summary = "List the application keys (never secrets)")
  public List<KeyView> list() {
    Instant now = Clock.systemUTC().instant();
    return keys.list().stream()
        .map(
            k ->
                new KeyView(
                    k.id(),
                    k.prefix(),
                    k.tenantId(),
                    k.description(),
                    k.status(now).label(),
                    k.createdAt(),
                    k.expiresAt(),
                    k.revokedAt(),
                    k.lastUsedAt()))
        .toList();
  }

  @DELETE
  @Path("{keyId}")
  @RolesAllowed(Roles.OWNER)
  @Operation(operationId = "revokeAppKey", summary = "Revoke an application key")
  @APIResponse(responseCode = "204", description = "Revoked.")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response revoke(@PathParam("keyId") String keyId) {
    trail.run(
        AdminAction.of("app-key.revoke", keyId),
        () -> {
          keys.revoke(keyId);
          return keyId;
        });
    return Response.noContent().build();
  }
}
