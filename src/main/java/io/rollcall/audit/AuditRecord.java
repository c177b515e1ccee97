package io.rollcall.audit;

import java.time.Instant;

/**
 * One SCIM request as the filter saw it, waiting in memory to be written.
 *
 * @param queryParams the query parameters other than {@code filter}, as sent (clipped)
 * @param userAgent the caller's {@code User-Agent} header (clipped)
 * @param scimType the error's code, for error answers: the {@code scimType} of the SCIM error body,
 *     a finer code of Rollcall's where that is too broad ({@code unknown_attribute}, {@code
 *     no_account}), or why a token of the tenant was refused ({@code token_revoked}, {@code
 *     token_expired}, {@code tenant_disabled}); null for successes and errors without one
 * @param droppedAttributes names of unknown attributes the tenant's IdP profile dropped, comma
 *     separated, never values ({@link io.rollcall.protocol.DroppedAttributes}); else null
 */
public record AuditRecord(
    String tenantId,
    Instant occurredAt,
    String tokenPrefix,
    String method,
    String path,
    String filter,
    int status,
    String resourceId,
    int durationMs,
    String queryParams,
    String userAgent,
    String scimType,
    String droppedAttributes) {

  static final int MAX_PATH = 1000;
  static final int MAX_FILTER = 1000;
  static final int MAX_RESOURCE_ID = 100;
  static final int MAX_QUERY_PARAMS = 200;
  static final int MAX_USER_AGENT = 200;
  static final int MAX_SCIM_TYPE = 40;
  static final int MAX_DROPPED_ATTRIBUTES = 400;

  /** A request that dropped nothing. */
  public AuditRecord(
      String tenantId,
      Instant occurredAt,
      String tokenPrefix,
      String method,
      String path,
      String filter,
      int status,
      String resourceId,
      int durationMs,
      String queryParams,
      String userAgent,
      String scimType) {
    this(
        tenantId,
        occurredAt,
        tokenPrefix,
        method,
        path,
        filter,
        status,
        resourceId,
        durationMs,
        queryParams,
        userAgent,
        scimType,
        null);
  }

  public AuditRecord {
    path = cut(path, MAX_PATH);
    filter = cut(filter, MAX_FILTER);
    resourceId = cut(resourceId, MAX_RESOURCE_ID);
    queryParams = cut(queryParams, MAX_QUERY_PARAMS);
    userAgent = cut(userAgent, MAX_USER_AGENT);
    scimType = cut(scimType, MAX_SCIM_TYPE);
    droppedAttributes = cut(droppedAttributes, MAX_DROPPED_ATTRIBUTES);
  }

  /**
   * At most {@code max} characters, never ending in half a surrogate pair, and without NUL, which
   * PostgreSQL refuses in text: one such value (a decoded {@code %00} in a filter) would otherwise
   * fail the whole batch of audit entries it is written with.
   */
  private static String cut(String value, int max) {
    if (value == null) {
      return null;
    }
    String clean = value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    if (clean.length() <= max) {
      return clean;
    }
    int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
    return clean.substring(0, end);
  }
}
