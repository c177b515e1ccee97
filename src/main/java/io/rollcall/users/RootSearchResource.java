package io.rollcall.users;

import io.rollcall.scim.ListRequest;
import io.rollcall.scim.ScimJson;
import io.rollcall.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code POST /.search} at the server root (RFC 7644 §3.4.3). Users are the only resource type a
 * tenant without groups has, so a root search is a search of {@code /Users}.
 */
@Path(".search")
@RolesAllowed(Roles.SCIM_CLIENT)
@Produces({"application/scim+json", "application/json"})
public class RootSearchResource {

  @Inject UserService users;
  @Context UriInfo uriInfo;

  @POST
  public Response search(InputStream body, @HeaderParam("Content-Type") MediaType contentType) {
    ListRequest query = ListRequest.fromSearchBody(ScimJson.readObject(body, contentType));
    return Response.ok(
            UserRepresentation.list(users.search(query), uriInfo.getBaseUri(), query, users.userType()))
        .header("Cache-Control", "no-store")
        .build();
  }
}
