package io.rollcall.audit;

import io.rollcall.protocol.DroppedAttributes;
import io.rollcall.security.ScimClient;
import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records each SCIM request of an authenticated client: the request side notes when it started, the
 * response side (which also runs for responses made by the exception mapper) hands the record to
 * the {@link AuditQueue}. The duration covers matching, the resource method and the mapping of
 * errors, not the writing of the response body.
 *
 * <p>An error's code comes from the request property {@link #ERROR_CODE} when whoever answered left
 * one there (the SCIM exception mapper leaves finer codes than {@code scimType}), else from the
 * {@code scimType} of the error body itself, so refusals made by other filters are covered too.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = AuditFilter.class.getName() + ".started";
  private static final String STARTED_AT = AuditFilter.class.getName() + ".startedAt";

  /** Request property (servlet request attribute) holding the error's code for the audit log. */
  public static final String ERROR_CODE = AuditFilter.class.getName() + ".errorCode";

  /**
   * Request property (servlet request attribute) holding the {@link DroppedAttributes} of the
   * request, left by {@link DroppedAttributeNotes}.
   */
  public static final String DROPPED_ATTRIBUTES = AuditFilter.class.getName() + ".dropped";

  /** Error bodies longer than this are not read for their {@code scimType}. */
  private static final int MAX_ERROR_BODY = 8192;

  /** Path segments that are operations, not resource ids ({@code /Users/.search}). */
  private static final List<String> COLLECTIONS = List.of("Users", "Groups");

  private final AuditQueue queue;
  private final Clock clock = Clock.systemUTC();

  public AuditFilter(AuditQueue queue) {
    this.queue = queue;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
    request.setProperty(STARTED_AT, clock.instant());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // The authentication mechanism leaves the client as a request attribute, which Jersey exposes
    // as a property; requests it refused never get this far.
    if (!(request.getProperty(ScimClient.class.getName()) instanceof ScimClient client)
        || !(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    String path = "/" + request.getUriInfo().getPath(false);
    queue.offer(
        new AuditRecord(
            client.tenantId(),
            (Instant) request.getProperty(STARTED_AT),
            client.tokenPrefix(),
            request.getMethod(),
            path,
            request.getUriInfo().getQueryParameters().getFirst("filter"),
            response.getStatus(),
            resourceId(path, response.getLocation()),
            durationMs,
            otherParameters(request.getUriInfo().getRequestUri().getRawQuery()),
            request.getHeaderString("User-Agent"),
            errorCode(request.getProperty(ERROR_CODE), response.getStatus(), response.getEntity()),
            dropped(request.getProperty(DROPPED_ATTRIBUTES), response.getStatus())));
  }

  /** What a successful request dropped; a failed one stored nothing, so dropped nothing. */
  static String dropped(Object noted, int status) {
    return status < 400 && noted instanceof DroppedAttributes names && !names.isEmpty()
        ? names.toString()
        : null;
  }

  /**
   * The query parameters except {@code filter} (which has its own column), decoded, in the order
   * sent: {@code startIndex=1&count=2}, {@code aadOptscim062020}.
   */
  static String otherParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String decoded = decode(pair);
      int equals = decoded.indexOf('=');
      String name = equals < 0 ? decoded : decoded.substring(0, equals);
      if (!name.equals("filter")) {
        kept.add(decoded);
      }
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /** The code left by the exception mapper, else the error body's {@code scimType}, else null. */
  static String errorCode(Object noted, int status, Object entity) {
    if (status < 400) {
      return null;
    }
    if (noted instanceof String code && !code.isBlank()) {
      return code;
    }
    String body = entity instanceof String text ? text : null;
    if (entity instanceof JsonObject json) {
      return scimType(json);
    }
    if (body == null || body.length() > MAX_ERROR_BODY || !body.startsWith("{")) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return scimType(reader.readObject());
    } catch (JsonException | ClassCastException notAnObject) {
      return null;
    }
  }

  private static String scimType(JsonObject body) {
    JsonValue type = body.get("scimType");
    return type instanceof JsonString text ? text.getString() : null;
  }

  /** The id in {@code /Users/{id}}, else the last segment of a created resource's Location. */
  static String resourceId(String path, URI location) {
    String[] segments = path.split("/");
    if (segments.length >= 3
        && COLLECTIONS.contains(segments[1])
        && !segments[2].isEmpty()
        && !segments[2].startsWith(".")) {
      return segments[2];
    }
    if (location != null && location.getPath() != null) {
      String where = location.getPath();
      return where.substring(where.lastIndexOf('/') + 1);
    }
    return null;
  }
}
