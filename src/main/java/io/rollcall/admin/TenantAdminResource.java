package io.rollcall.admin;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.ratelimit.Rate;
import io.rollcall.ratelimit.ScimRateLimits;
import io.rollcall.security.BearerSecret;
import io.rollcall.security.Roles;
import io.rollcall.security.ScimToken;
import io.rollcall.security.TokenService;
import io.rollcall.tenant.IdpProfile;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import io.rollcall.web.PublicUrls;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tenants and their SCIM tokens, for admins: every admin reads, owners change. Thin: each change is
 * one service call inside the admin trail's transaction.
 */
@Path("admin/tenants")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tenants")
public class TenantAdminResource {

  @Inject TenantService tenants;
  @Inject TokenService tokens;
  @Inject PublicUrls urls;
  @Inject AdminTrail trail;
  @Inject ScimRateLimits rateLimits;
  @Context UriInfo uriInfo;

  public record NewTenant(@Schema(required = true, example = "Acme") String name) {}

  @Schema(description = "A tenant with its settings in force.")
  public record TenantView(
      String id,
      String name,
      boolean active,
      String scimBaseUrl,
      String customUserSchema,
      boolean groupsEnabled,
      String provisioningMode,
      String deletePolicy,
      Integer eraseDeactivatedAfterDays,
      String scimRateLimit,
      Integer scimRequestsPerSecond,
      Integer scimBurst,
      @Schema(
              enumeration = {
                "any",
                "okta",
                "entra-id",
                "google-workspace",
                "onelogin",
                "jumpcloud",
                "other"
              })
          String idpProfile,
      Instant createdAt) {}

  /**
   * The settings a PATCH may change; members left out stay as they are (only for the document: the
   * resource reads a map, to tell a missing member from an explicit null).
   */
  @Schema(name = "TenantChange", description = "Members left out keep their value.")
  public record TenantChangeDoc(
      String name,
      Boolean active,
      @Schema(description = "URN of the tenant's custom User extension", nullable = true)
          String customUserSchema,
      Boolean groupsEnabled,
      @Schema(enumeration = {"full", "access-only"}) String provisioningMode,
      @Schema(enumeration = {"deprovision", "erase"}) String deletePolicy,
      @Schema(description = "null: never", nullable = true) Integer eraseDeactivatedAfterDays,
      @Schema(enumeration = {"default", "custom", "unlimited"}) String scimRateLimit,
      Integer scimRequestsPerSecond,
      Integer scimBurst,
      @Schema(
              description = "The tenant's identity provider: decides the tolerances of the RFC",
              enumeration = {
                "any",
                "okta",
                "entra-id",
                "google-workspace",
                "onelogin",
                "jumpcloud",
                "other"
              })
          String idpProfile) {}

  public record NewToken(String description, Integer expiresInDays) {}

  @Schema(description = "A new SCIM token; `token` is its secret, shown this once.")
  public record MintedTokenView(
      String id,
      String token,
      String prefix,
      String description,
      Instant createdAt,
      Instant expiresAt) {}

  public record Rotate(
      @Schema(required = true, minimum = "0", maximum = "43200") Integer graceMinutes,
      String description,
      Integer expiresInDays) {}

  @Schema(description = "The replacement token with its secret, and when the old one stops.")
  public record RotatedTokenView(
      String id,
      String token,
      String prefix,
      String description,
      Instant createdAt,
      Instant expiresAt,
      String replacedTokenId,
      Instant replacedTokenRevokedAt) {}

  public record TokenView(
      String id,
      String prefix,
      String description,
      String status,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt) {}

  @POST
  @RolesAllowed(Roles.OWNER)
  @Operation(operationId = "createTenant", summary = "Create a tenant")
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` is the tenant's URL.",
      content = @Content(schema = @Schema(ref = "TenantView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response create(@RequestBody(required = true) NewTenant body) {
    if (body == null) {
      throw new InvalidInputException("a JSON body with \"name\" is required");
    }
    Tenant tenant =
        trail.run(
            AdminAction.of("tenant.create", null),
            () -> tenants.create(body.name()),
            t -> AdminAction.of("tenant.create", t.id()).withDetail("name=" + t.name()));
    return Response.created(uriInfo.getAbsolutePathBuilder().path(tenant.id()).build())
        .entity(view(tenant))
        .build();
  }

  @GET
  @Operation(operationId = "listTenants", summary = "List the tenants")
  public List<TenantView> list() {
    return tenants.list().stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getTenant", summary = "Read a tenant")
  public TenantView get(@PathParam("id") String id) {
    return view(tenants.get(id));
  }

  /**
   * Changes settings: {@code name}, {@code active}, {@code customUserSchema}, {@code
   * groupsEnabled}, {@code provisioningMode} ("full" / "access-only"), {@code deletePolicy}
   * ("deprovision" / "erase"), {@code eraseDeactivatedAfterDays} (a number, or null for never),
   * {@code scimRateLimit} ("default" / "custom" / "unlimited") with {@code scimRequestsPerSecond}
   * and {@code scimBurst} for a custom limit, {@code idpProfile} ("any" / "okta" / "entra-id" /
   * "google-workspace" / "onelogin" / "jumpcloud" / "other"; see {@link IdpProfile}).
   */
  @PATCH
  @Path("{id}")
  @RolesAllowed(Roles.OWNER)
  @Operation(operationId = "changeTenant", summary = "Change a tenant's settings")
  @APIResponse(
      responseCode = "200",
      description = "The tenant with its new settings.",
      content = @Content(schema = @Schema(ref = "TenantView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public TenantView change(
      @PathParam("id") String id,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(ref = "TenantChange")))
          Map<String, Object> body) {
    if (body == null) {
      throw new InvalidInputException("a JSON object is required");
    }
    return view(
        trail.run(
            AdminAction.of("tenant.change", id).withDetail(AdminJson.describe(body)),
            () -> tenants.change(id, AdminJson.tenantChange(body))));
  }

  @POST
  @Path("{id}/tokens")
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "mintScimToken",
      summary = "Mint a SCIM token; its secret is in this answer only")
  @APIResponse(
      responseCode = "201",
      description = "Minted; `token` is the secret.",
      content = @Content(schema = @Schema(ref = "MintedTokenView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response mint(@PathParam("id") String id, NewToken body) {
    NewToken request = body == null ? new NewToken(null, null) : body;
    TokenService.MintedToken minted =
        trail.run(
            AdminAction.of("scim-token.mint", id),
            () -> tokens.mint(id, request.description(), request.expiresInDays()),
            m -> AdminAction.of("scim-token.mint", id).withDetail(secretDetail(m.token())));
    ScimToken t = minted.token();
    return Response.created(uriInfo.getAbsolutePathBuilder().path(t.id()).build())
        .entity(
            new MintedTokenView(
                t.id(), minted.secret(), t.prefix(), t.description(), t.createdAt(), t.expiresAt()))
        .build();
  }

  @GET
  @Path("{id}/tokens")
  @Operation(
      operationId = "listScimTokens",
      summary = "List a tenant's SCIM tokens (never their secrets)")
  public List<TokenView> tokens(@PathParam("id") String id) {
    Instant now = Clock.systemUTC().instant();
    return tokens.list(id).stream()
        .map(
            t ->
                new TokenView(
                    t.id(),
                    t.prefix(),
                    t.description(),
                    t.status(now).label(),
                    t.createdAt(),
                    t.expiresAt(),
                    t.revokedAt(),
                    t.lastUsedAt()))
        .toList();
  }

  @DELETE
  @Path("{id}/tokens/{tokenId}")
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "revokeScimToken",
      summary = "Revoke a SCIM token; it fails its very next request")
  @APIResponse(responseCode = "204", description = "Revoked.")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response revoke(@PathParam("id") String id, @PathParam("tokenId") String tokenId) {
    trail.run(
        AdminAction.of("scim-token.revoke", id).withDetail("token " + tokenId),
        () -> {
          tokens.revoke(id, tokenId);
          return tokenId;
        });
    return Response.noContent().build();
  }

  /**
   * Zero-downtime rotation: a new token now, the old one revoked {@code graceMinutes} later. The
   * new secret is in this answer only.
   */
  @POST
  @Path("{id}/tokens/{tokenId}/rotate")
  @RolesAllowed(Roles.OWNER)
  @Operation(
      operationId = "rotateScimToken",
      summary = "Rotate a SCIM token: a new one now, the old one revoked later")
  @APIResponse(
      responseCode = "201",
      description = "The new token with its secret, and when the old one stops.",
      content = @Content(schema = @Schema(ref = "RotatedTokenView")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response rotate(
      @PathParam("id") String id,
      @PathParam("tokenId") String tokenId,
      @RequestBody(required = true) Rotate body) {
    if (body == null) {
      throw new InvalidInputException("a JSON body with \"graceMinutes\" is required");
    }
    TokenService.Rotation rotation =
        trail.run(
            AdminAction.of("scim-token.rotate", id).withDetail("token " + tokenId),
            () ->
                tokens.rotate(
                    id, tokenId, body.graceMinutes(), body.description(), body.expiresInDays()),
            r ->
                AdminAction.of("scim-token.rotate", id)
                    .withDetail(
                        "token "
                            + tokenId
                            + " revoked at "
                            + r.replaced().revokedAt()
                            + ", replaced by "
                            + secretDetail(r.replacement().token())));
    ScimToken t = rotation.replacement().token();
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("admin/tenants/{id}/tokens/{tokenId}")
                .build(id, t.id()))
        .entity(
            new RotatedTokenView(
                t.id(),
                rotation.replacement().secret(),
                t.prefix(),
                t.description(),
                t.createdAt(),
                t.expiresAt(),
                rotation.replaced().id(),
                rotation.replaced().revokedAt()))
        .build();
  }

  /**
   * A token as the trail names it: id and display prefix, which cannot be used to call Rollcall.
   */
  static String secretDetail(BearerSecret secret) {
    return "token " + secret.id() + " (" + secret.prefix() + "…)";
  }

  /** The rate limit numbers are the ones in force: the server's default for "default". */
  private TenantView view(Tenant t) {
    Optional<Rate> limit = rateLimits.effective(t.scimRateLimit());
    return new TenantView(
        t.id(),
        t.name(),
        t.isActive(),
        // The base is the public root followed by "api/"; the SCIM API sits beside it.
        urls.scimBaseUrlUnder(uriInfo.getBaseUri().resolve("..")),
        t.customUserSchema(),
        t.groupsEnabled(),
        t.provisioningMode().label(),
        t.deletePolicy().label(),
        t.eraseDeactivatedDays().orElse(null),
        t.scimRateLimit().mode().label(),
        limit.map(Rate::requestsPerSecond).orElse(null),
        limit.map(Rate::burst).orElse(null),
        t.idpProfile().label(),
        t.createdAt());
  }
}
