package io.rollcall.groups;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.filter.AttributePath;
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
import java.util.Map;

/**
 * {@code /Groups} (RFC 7644 §3). Only translates HTTP to {@link GroupService} calls and back. The
 * projection is read first, so that a bad {@code attributes} parameter fails before any write and
 * so that {@code excludedAttributes=members} loads no member at all.
 */
@Path("Groups")
@RolesAllowed(Roles.SCIM_CLIENT)
@Produces({"application/scim+json", "application/json"})
public class GroupsResource {

  static final AttributePath MEMBERS = AttributePath.of("members");

  @Inject GroupService groups;
  @Context UriInfo uriInfo;
  @Context Request request;

  @POST
  public Response create(
      InputStream body,
      @HeaderParam("Content-Type") MediaType contentType,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    AttributeProjection projection = projection(attributes, excludedAttributes);
    Group group =
        groups.create(ScimJson.readObject(body, contentType), projection.includes(MEMBERS));
    return Response.created(GroupRepresentation.location(uriInfo.getBaseUri(), group.id()))
        .tag(etag(group))
        .entity(GroupRepresentation.render(group, uriInfo.getBaseUri(), projection))
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    AttributeProjection projection = projection(attributes, excludedAttributes);
    Group group = groups.get(id, projection.includes(MEMBERS));
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag(group));
    if (notModified != null) {
      return notModified.build();
    }
    return ok(group, projection);
  }

  @GET
  public Map<String, Object> list(@BeanParam ListQuery query) {
    return search(query.request());
  }

  /**
   * RFC 7644 §3.4.3 defines only POST on {@code .search}: 405 with {@code Allow}. Without this
   * method a GET would look up a group whose id is ".search" and answer 404.
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
    AttributeProjection projection = projection(query.attributes(), query.excludedAttributes());
    return GroupRepresentation.list(
        groups.search(query, projection.includes(MEMBERS)),
        uriInfo.getBaseUri(),
        query,
        groups.groupType());
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
    AttributeProjection projection = projection(attributes, excludedAttributes);
    Group group =
        groups.replace(
            id, ScimJson.readObject(body, contentType), ifMatch, projection.includes(MEMBERS));
    return ok(group, projection);
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
    AttributeProjection projection = projection(attributes, excludedAttributes);
    boolean wantsBody = attributes != null || excludedAttributes != null;
    Group group =
        groups.patch(
            id,
            PatchRequests.parse(ScimJson.readObject(body, contentType)),
            ifMatch,
            wantsBody && projection.includes(MEMBERS));
    if (!wantsBody) {
      // RFC 7644 §3.5.2 allows 204; Okta and Entra ID expect it for groups. Echoing a group of
      // 100,000 members after adding one would undo the point of a cheap PATCH.
      return Response.noContent()
          .location(GroupRepresentation.location(uriInfo.getBaseUri(), group.id()))
          .tag(etag(group))
          .build();
    }
    return ok(group, projection);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    groups.delete(id, ifMatch);
    return Response.noContent().build();
  }

  /**
   * Every answer about one group names it in {@code Location}, as the POST does: some clients read
   * the resource's address from the header rather than from {@code meta.location}.
   */
  private Response ok(Group group, AttributeProjection projection) {
    return Response.ok(GroupRepresentation.render(group, uriInfo.getBaseUri(), projection))
        .location(GroupRepresentation.location(uriInfo.getBaseUri(), group.id()))
        .tag(etag(group))
        .build();
  }

  /** Also answers 404 for a tenant without groups, before anything is read. */
  private AttributeProjection projection(String attributes, String excludedAttributes) {
    return AttributeProjection.of(groups.groupType(), attributes, excludedAttributes);
  }

  private static EntityTag etag(Group group) {
    return new EntityTag(Long.toString(group.version()), true);
  }
}
