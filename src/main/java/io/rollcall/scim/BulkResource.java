package io.rollcall.scim;

import io.rollcall.protocol.ScimException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * RFC 7644 §3.7 and the §3.12 table: without bulk support ({@code bulk.supported} is false in
 * {@code /ServiceProviderConfig}) {@code POST /Bulk} answers 501, not 404.
 */
@Path("Bulk")
public class BulkResource {

  @POST
  public void post() {
    throw ScimException.notImplemented(
        "Bulk operations are not supported (see bulk.supported in /ServiceProviderConfig).");
  }
}
