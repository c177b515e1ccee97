package io.rollcall.bench;

import io.rollcall.security.CurrentClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** Answers the caller's tenant id and nothing else. */
@Path("noop")
@RequestScoped
public class NoopResource {

  @Inject CurrentClient client;

  @GET
  @Produces("application/scim+json")
  public Response noop() {
    return Response.ok("{\"tenant\":\"" + client.tenantId() + "\"}").build();
  }
}
