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
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * Refuses SCIM requests that announce a body far beyond the advertised {@code maxPayloadSize}
 * before reading any of it, and closes the connection. Bodies just over the limit are read and
 * discarded by {@link ScimJson} so that the client sees the 413 (RFC 7644 §3.12).
 *
 * <p>Also refuses, with an RFC 7644 §3.12 error body, request targets and header blocks beyond
 * {@link ScimLimits}: 414 and 431 (RFC 9110 §15.5.15, RFC 6585 §5). The container's own limit for
 * the request line and headers together is set higher in the pre-boot commands, because the
 * container answers a request beyond it with an empty 400 before any application code runs.
 */
@WebFilter("/scim/*")
public class RequestSizeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (targetBytes(request) > ScimLimits.MAX_REQUEST_TARGET_BYTES) {
      refuse(
          response,
          414,
          "The request target (path and query) is longer than "
              + ScimLimits.MAX_REQUEST_TARGET_BYTES
              + " bytes; send a long filter or attribute list in the body of POST .search"
              + " (RFC 7644 §3.4.3).");
      return;
    }
    if (headerBytes(request) > ScimLimits.MAX_HEADER_BYTES) {
      refuse(
          response,
          431,
          "The request headers are longer than " + ScimLimits.MAX_HEADER_BYTES + " bytes.");
      return;
    }
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

  private static void refuse(HttpServletResponse response, int status, String detail) {
    JsonErrors.write(
        response, status, JsonErrors.SCIM_MEDIA_TYPE, JsonErrors.scimBody(status, null, detail));
  }

  /** The target as sent: the URI is still percent-encoded, so its length is its length in bytes. */
  private static long targetBytes(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getRequestURI().length() + (query == null ? 0 : 1 + query.length());
  }

  /** Each header line as sent, {@code Name: value} and its line end. */
  private static long headerBytes(HttpServletRequest request) {
    long total = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        total += name.length() + 2 + value.getBytes(StandardCharsets.ISO_8859_1).length + 2;
      }
    }
    return total;
  }
}
