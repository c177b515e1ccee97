package io.rollcall.admin;

import io.rollcall.connection.ConnectionService;
import io.rollcall.connection.ConnectionVerdict;
import io.rollcall.security.Roles;
import io.rollcall.web.PublicUrls;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's connection check: is its identity provider reaching Rollcall, and if not, why (see
 * {@link io.rollcall.connection}).
 */
@Path("admin/tenants/{id}/connection")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "connection")
public class ConnectionAdminResource {

  @Inject ConnectionService connections;
  @Inject PublicUrls urls;
  @Context UriInfo uriInfo;

  @GET
  @Operation(
      operationId = "checkConnection",
      summary = "Whether the tenant's identity provider reaches Rollcall, and if not, why")
  public ConnectionVerdict check(@PathParam("id") String tenantId) {
    // The base is the public root followed by "api/"; the SCIM API sits beside it.
    return connections.check(tenantId, urls.scimBaseUrlUnder(uriInfo.getBaseUri().resolve("..")));
  }
}
