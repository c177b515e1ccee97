package io.rollcall.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** Answers a constant body; see {@link FloorApplication}. */
@Path("noop")
@ApplicationScoped
public class FloorResource {

  @GET
  @Produces({"application/json", "application/scim+json"})
  public Response noop() {
    return Response.ok("{\"floor\":true}").build();
  }
}
