package io.rollcall.scim;

import io.rollcall.protocol.ScimException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * RFC 7644 §3.11: a service provider that does not support {@code /Me} answers 501. Rollcall's
 * clients are identity providers, not the people they provision. A 404 would tell a client its base
 * URL is wrong.
 */
@Path("Me")
public class MeResource {

  private static ScimException unsupported() {
    return ScimException.notImplemented(
        "/Me is not supported: Rollcall authenticates identity providers, not people.");
  }

  @GET
  public void get() {
    throw unsupported();
  }

  @POST
  public void post() {
    throw unsupported();
  }

  @PUT
  public void put() {
    throw unsupported();
  }

  @PATCH
  public void patch() {
    throw unsupported();
  }

  @DELETE
  public void delete() {
    throw unsupported();
  }
}
