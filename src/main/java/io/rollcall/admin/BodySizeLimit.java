package io.rollcall.admin;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.ScimLimits;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Holds JSON bodies of the admin API to the SCIM API's {@link ScimLimits#MAX_PAYLOAD_BYTES}: 413
 * beyond it. The body is read into memory before JSON-B sees it, so an oversized one fails as such
 * rather than as malformed JSON. Bodies a resource takes as a stream (account uploads, up to
 * hundreds of thousands of rows) are left to that resource, which reads them row by row.
 */
public class BodySizeLimit implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (InputStream.class.isAssignableFrom(context.getType())) {
      return context.proceed();
    }
    if (announcedBeyondDrainLimit(context.getHeaders().getFirst("Content-Length"))) {
      throw tooLarge();
    }
    InputStream in = context.getInputStream();
    byte[] body = in.readNBytes(ScimLimits.MAX_PAYLOAD_BYTES + 1);
    if (body.length > ScimLimits.MAX_PAYLOAD_BYTES) {
      // Read on (up to a bound) so a client still sending sees the 413, not a reset connection.
      long drained = body.length;
      byte[] sink = new byte[8192];
      for (int n; drained < ScimLimits.DRAIN_LIMIT && (n = in.read(sink)) != -1; ) {
        drained += n;
      }
      throw tooLarge();
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private static boolean announcedBeyondDrainLimit(String contentLength) {
    if (contentLength == null) {
      return false;
    }
    try {
      return Long.parseLong(contentLength.strip()) > ScimLimits.DRAIN_LIMIT;
    } catch (NumberFormatException e) {
      // The container refuses a malformed length; what is left is beyond the range of a long.
      return true;
    }
  }

  private static ScimException tooLarge() {
    return ScimException.payloadTooLarge(
        "The request body exceeds " + ScimLimits.MAX_PAYLOAD_BYTES + " bytes.");
  }
}
