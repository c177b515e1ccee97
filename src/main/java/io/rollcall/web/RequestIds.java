package io.rollcall.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * One id per request, in the {@code X-Request-Id} response header and in every log line about the
 * request, so that an operator can match a client's report to the server's log. A proxy's own id is
 * kept when it looks like one; anything else a client sends is replaced, since it ends up in logs.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

  private RequestIds() {}

  /** Gives the request its id (once) and names it in the response. */
  public static String assign(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(ATTRIBUTE) instanceof String id) {
      return id;
    }
    String sent = request.getHeader(HEADER);
    String id = sent != null && ACCEPTED.matcher(sent).matches() ? sent : generate();
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    return id;
  }

  /** The request's id, or null before {@link #assign} ran. */
  public static String of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
  }

  /** Not a secret, only unique enough to find one request among a day's. */
  static String generate() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
