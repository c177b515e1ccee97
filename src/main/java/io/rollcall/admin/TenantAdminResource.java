package io.rollcall.admin;

import io.rollcall.platform.InvalidInputException;
import io.rollcall.platform.PublicUrls;
import io.rollcall.security.Roles;
import io.rollcall.security.ScimToken;
import io.rollcall.security.TokenService;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
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

/** Tenants and their SCIM tokens, for admins. Thin: each call is one service call. */
@Path("admin/tenants")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

  @Inject TenantService tenants;
  @Inject TokenService tokens;
  @Inject PublicUrls urls;
  @Context UriInfo uriInfo;

  public record NewTenant(String name) {}

  public record TenantChange(
      String name, Boolean active, String customUserSchema, Boolean groupsEnabled) {}

  public record TenantView(
      String id,
      String name,
      boolean active,
      String scimBaseUrl,
      String customUserSchema,
      boolean groupsEnabled,
      Instant createdAt) {}

  public record NewToken(String description, Integer expiresInDays) {}

  public record MintedTokenView(
      String id, String token, String prefix, String description, Instant createdAt, Instant expiresAt) {}

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
  public Response create(NewTenant body) {
    if (body == null) {
      throw new InvalidInputException("a JSON body with \"name\" is required");
    }
    Tenant tenant = tenants.create(body.name());
    return Response.created(uriInfo.getAbsolutePathBuilder().path(tenant.id()).build())
        .entity(view(tenant))
        .build();
  }

  @GET
  public List<TenantView> list() {
    return tenants.list().stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  public TenantView get(@PathParam("id") String id) {
    return view(tenants.get(id));
  }

  @PATCH
  @Path("{id}")
  public TenantView change(@PathParam("id") String id, TenantChange body) {
    if (body == null) {
      throw new InvalidInputException("a JSON body is required");
    }
    return view(
        tenants.change(
            id, body.name(), body.active(), body.customUserSchema(), body.groupsEnabled()));
  }

  @POST
  @Path("{id}/tokens")
  public Response mint(@PathParam("id") String id, NewToken body) {
    NewToken request = body == null ? new NewToken(null, null) : body;
    TokenService.MintedToken minted = tokens.mint(id, request.description(), request.expiresInDays());
    ScimToken t = minted.token();
    return Response.created(uriInfo.getAbsolutePathBuilder().path(t.id()).build())
        .header("Cache-Control", "no-store")
        .entity(
            new MintedTokenView(
                t.id(), minted.secret(), t.prefix(), t.description(), t.createdAt(), t.expiresAt()))
        .build();
  }

  @GET
  @Path("{id}/tokens")
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
  public Response revoke(@PathParam("id") String id, @PathParam("tokenId") String tokenId) {
    tokens.revoke(id, tokenId);
    return Response.noContent().build();
  }

  private TenantView view(Tenant t) {
    return new TenantView(
        t.id(),
        t.name(),
        t.isActive(),
        urls.scimBaseUrl(uriInfo.getBaseUri()),
        t.customUserSchema(),
        t.groupsEnabled(),
        t.createdAt());
  }
}
