package io.rollcall.scim;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.ScimLimits;
import io.rollcall.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7). Reads the body and hands it to {@link BulkDispatch}; the
 * answer is 200 with a {@code BulkResponse} whenever the request itself is well formed, whatever
 * its operations answered. A malformed request is a 400, one beyond {@code maxOperations} or {@code
 * maxPayloadSize} a 413 (§3.7.4), and then nothing has run.
 */
@Path("Bulk")
@RolesAllowed(Roles.SCIM_CLIENT)
@Produces({"application/scim+json", "application/json"})
public class BulkResource {

  @Inject BulkDispatch bulk;
  @Context UriInfo uriInfo;

  @POST
  public Map<String, Object> post(
      InputStream body, @HeaderParam("Content-Type") MediaType contentType) {
    return bulk.run(read(body, contentType), uriInfo.getBaseUri());
  }

  /** RFC 7644 §3.7.4: the 413 names the limit that was exceeded. */
  private static Map<String, Object> read(InputStream body, MediaType contentType) {
    try {
      return ScimJson.readObject(body, contentType);
    } catch (ScimException e) {
      if (e.status() == 413) {
        throw ScimException.payloadTooLarge(
            "The bulk request is larger than maxPayloadSize ("
                + ScimLimits.MAX_PAYLOAD_BYTES
                + " bytes).");
      }
      throw e;
    }
  }
}
