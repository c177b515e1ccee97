package io.rollcall.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two JSON error shapes Rollcall answers with: the SCIM error of RFC 7644 §3.12 under {@code
 * /scim/v2}, and a plain {@code {"status", "message"}} object under {@code /api}.
 */
public final class JsonErrors {

  public static final String SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  public static final String SCIM_MEDIA_TYPE = "application/scim+json";

  private JsonErrors() {}

  /** RFC 7644 §3.12: {@code status} is a string; {@code scimType} only where the RFC has one. */
  public static JsonObject scimBody(int status, String scimType, String detail) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("schemas", Json.createArrayBuilder().add(SCIM_ERROR_SCHEMA))
            .add("status", Integer.toString(status));
    if (scimType != null) {
      body.add("scimType", scimType);
    }
    if (detail != null) {
      body.add("detail", detail);
    }
    return body.build();
  }

  public static JsonObject apiBody(int status, String message) {
    return Json.createObjectBuilder().add("status", status).add("message", message).build();
  }

  public static AuthenticationStatus sendScimUnauthorized(
      HttpServletResponse response, String challenge, String detail) {
    response.setHeader("WWW-Authenticate", challenge);
    write(response, 401, SCIM_MEDIA_TYPE, scimBody(401, null, detail));
    return AuthenticationStatus.SEND_FAILURE;
  }

  public static AuthenticationStatus sendApiUnauthorized(
      HttpServletResponse response, String challenge, String message) {
    response.setHeader("WWW-Authenticate", challenge);
    write(response, 401, "application/json", apiBody(401, message));
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** Writes and commits a JSON response on the raw servlet API (outside JAX-RS). */
  public static void write(
      HttpServletResponse response, int status, String mediaType, JsonObject body) {
    try {
      response.setStatus(status);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentType(mediaType + ";charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.getWriter().write(body.toString());
      response.flushBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
