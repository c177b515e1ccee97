package io.rollcall.users;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.patch.PatchRequests;
import io.rollcall.protocol.resource.AttributeProjection;
import io.rollcall.security.Roles;
import io.rollcall.web.ListQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * {@code /Users} (RFC 7644 §3). Only translates HTTP to {@link UserService} calls and back: status,
 * {@code Location}, {@code ETag}, projection. Unknown query parameters such as Entra ID's {@code
 * aadOptscim062020} are ignored, as RFC 7644 §3.4.2 asks.
 */
@Path("Users")
@RolesAllowed(Roles.SCIM_CLIENT)
@Produces({"application/scim+json", "application/json"})
public class UsersResource {

  @Inject UserService users;
  @Context UriInfo uriInfo;
  @Context Request request;

  @POST
  public Response create(
      InputStream body,
      @HeaderParam("Content-Type") MediaType contentType,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    User user = users.create(ScimJson.readObject(body, contentType));
    URI location = location(user.id());
    return Response.created(location)
        .tag(etag(user))
        .entity(render(user, attributes, excludedAttributes))
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    boolean withGroups =
        AttributeProjection.of(users.userType(), attributes, excludedAttributes)
            .includes(UserService.GROUPS);
    User user = users.get(id, withGroups);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag(user));
    if (notModified != null) {
      return notModified.build();
    }
    return ok(user, attributes, excludedAttributes);
  }

  @GET
  public Map<String, Object> list(@BeanParam ListQuery query) {
    return search(query.request());
  }

  /**
   * RFC 7644 §3.4.3 defines only POST on {@code .search}: 405 with {@code Allow}. Without this
   * method a GET would look up a user whose id is ".search" and answer 404.
   */
  @GET
  @Path(".search")
  public Response searchByGet() {
    throw new NotAllowedException("POST");
  }

  @POST
  @Path(".search")
  public Response searchByPost(
      InputStream body, @HeaderParam("Content-Type") MediaType contentType) {
    // RFC 7644 §3.4.3: results of a POST search are not to be cached.
    return Response.ok(search(ListRequest.fromSearchBody(ScimJson.readObject(body, contentType))))
        .header("Cache-Control", "no-store")
        .build();
  }

  private Map<String, Object> search(ListRequest query) {
    return UserRepresentation.list(
        users.search(query), uriInfo.getBaseUri(), query, users.userType());
  }

  @PUT
  @Path("{id}")
  public Response replace(
      @PathParam("id") String id,
      InputStream body,
      @HeaderParam("Content-Type") MediaType contentType,
      @HeaderParam("If-Match") String ifMatch,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    User user = users.replace(id, ScimJson.readObject(body, contentType), ifMatch);
    return ok(user, attributes, excludedAttributes);
  }

  @PATCH
  @Path("{id}")
  public Response patch(
      @PathParam("id") String id,
      InputStream body,
      @HeaderParam("Content-Type") MediaType contentType,
      @HeaderParam("If-Match") String ifMatch,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    User user =
        users.patch(id, PatchRequests.parse(ScimJson.readObject(body, contentType)), ifMatch);
    return ok(user, attributes, excludedAttributes);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    users.delete(id, ifMatch);
    return Response.noContent().build();
  }

  /**
   * Every answer that carries one user also names it in {@code Location}, as the POST does: some
   * clients read the resource's address from the header rather than from {@code meta.location}.
   */
  private Response ok(User user, String attributes, String excludedAttributes) {
    return Response.ok(render(user, attributes, excludedAttributes))
        .location(location(user.id()))
        .tag(etag(user))
        .build();
  }

  private Map<String, Object> render(User user, String attributes, String excluded) {
    return UserRepresentation.render(
        user,
        location(user.id()).toString(),
        AttributeProjection.of(users.userType(), attributes, excluded));
  }

  private URI location(String id) {
    return UserRepresentation.location(uriInfo.getBaseUri(), id);
  }

  private static EntityTag etag(User user) {
    return new EntityTag(Long.toString(user.version()), true);
  }
}
