package io.rollcall.protocol.bulk;

import io.rollcall.protocol.ScimException;
import java.time.Instant;

/**
 * What one processed operation answered, for the {@code BulkResponse} (RFC 7644 §3.7.3) and for the
 * audit log.
 *
 * @param index the operation's position in the request, from 0
 * @param method the method, or null when the operation named none of POST, PUT, PATCH, DELETE
 * @param methodName the method as the response echoes it: upper case when known, else as sent
 * @param bulkId the operation's bulkId, or null
 * @param path the path the single request would have had, ids resolved; null when unusable
 * @param resourceId the id of the resource the operation acted on or created, or null
 * @param location the resource's URL; null for a failed POST (§3.7.3) or when there is none
 * @param version the resource's ETag after a success, or null
 * @param status the HTTP status of the operation
 * @param error the SCIM error when the operation failed, or null
 * @param startedAt when the operation started
 * @param durationMs how long it took
 */
public record BulkResult(
    int index,
    BulkMethod method,
    String methodName,
    String bulkId,
    String path,
    String resourceId,
    String location,
    String version,
    int status,
    ScimException error,
    Instant startedAt,
    int durationMs) {

  public boolean failed() {
    return status >= 400;
  }
}
