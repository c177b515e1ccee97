package io.rollcall.scim;

import io.rollcall.protocol.ScimLimits;
import io.rollcall.web.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses SCIM requests that announce a body far beyond the advertised {@code maxPayloadSize}
 * before reading any of it, and closes the connection. Bodies just over the limit are read and
 * discarded by {@link ScimJson} so that the client sees the 413 (RFC 7644 §3.12).
 */
@WebFilter("/scim/*")
public class RequestSizeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getContentLengthLong() > ScimLimits.DRAIN_LIMIT) {
      response.setHeader("Connection", "close");
      JsonErrors.write(
          response,
          413,
          JsonErrors.SCIM_MEDIA_TYPE,
          JsonErrors.scimBody(
              413, null, "The request body exceeds " + ScimLimits.MAX_PAYLOAD_BYTES + " bytes."));
      return;
    }
    chain.doFilter(request, response);
  }
}
