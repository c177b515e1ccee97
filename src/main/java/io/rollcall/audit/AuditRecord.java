package io.rollcall.audit;

import java.time.Instant;

/** One SCIM request as the filter saw it, waiting in memory to be written. */
public record AuditRecord(
    String tenantId,
    Instant occurredAt,
    String tokenPrefix,
    String method,
    String path,
    String filter,
    int status,
    String resourceId,
    int durationMs) {

  static final int MAX_PATH = 1000;
  static final int MAX_FILTER = 1000;
  static final int MAX_RESOURCE_ID = 100;

  public AuditRecord {
    path = cut(path, MAX_PATH);
    filter = cut(filter, MAX_FILTER);
    resourceId = cut(resourceId, MAX_RESOURCE_ID);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
