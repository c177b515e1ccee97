package io.rollcall.connection;

import java.time.Instant;

/**
 * One SCIM request of the tenant as the audit log recorded it, reduced to what the check reads.
 *
 * @param path the path under the SCIM base URL, such as {@code /Users/2819c223}
 * @param queryParams the query parameters other than {@code filter}, or null
 * @param code the error's code (a {@code scimType}, {@code unknown_attribute}, {@code
 *     token_revoked} …), or null
 * @param droppedAttributes names of unknown attributes the tenant's profile dropped from this
 *     request, comma separated, or null
 */
public record ScimCall(
    Instant at,
    String method,
    String path,
    String filter,
    String queryParams,
    int status,
    String code,
    String userAgent,
    String droppedAttributes) {

  /** A request that dropped nothing. */
  public ScimCall(
      Instant at,
      String method,
      String path,
      String filter,
      String queryParams,
      int status,
      String code,
      String userAgent) {
    this(at, method, path, filter, queryParams, status, code, userAgent, null);
  }

  boolean succeeded() {
    return status >= 200 && status < 400;
  }

  /** The first path segment: {@code Users}, {@code Groups}, … or what the caller used instead. */
  String endpoint() {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int slash = trimmed.indexOf('/');
    return slash < 0 ? trimmed : trimmed.substring(0, slash);
  }

  /** Whether the path names one resource ({@code /Users/{id}}), not a collection or an action. */
  boolean namesOneResource() {
    String[] segments = path.split("/");
    return segments.length >= 3 && !segments[2].isEmpty() && !segments[2].startsWith(".");
  }

  /** The value of one query parameter among {@link #queryParams}, or null. */
  String parameter(String name) {
    if (queryParams == null) {
      return null;
    }
    for (String pair : queryParams.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (key.equalsIgnoreCase(name)) {
        return equals < 0 ? "" : pair.substring(equals + 1);
      }
    }
    return null;
  }
}
