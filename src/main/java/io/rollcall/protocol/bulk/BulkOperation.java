package io.rollcall.protocol.bulk;

import io.rollcall.protocol.ScimException;
import java.util.Map;
import java.util.Set;

/**
 * One element of a bulk request's {@code Operations} (RFC 7644 §3.7), as read. An operation that
 * cannot run carries its {@code problem}: it is answered with that error and the others still run,
 * as RFC 7644 §3.7.3's "all operations failed" example shows for an unparsable POST.
 *
 * @param index position in the request, from 0
 * @param methodName the {@code method} as sent, when it is a string
 * @param method the method, or null when missing or not one of POST, PUT, PATCH, DELETE
 * @param bulkId the {@code bulkId}, when it is a string
 * @param endpoint {@code "Users"} or {@code "Groups"}, or null when the path is unusable
 * @param id the resource id of the path ({@code "bulkId:…"} for a reference); null for a POST
 * @param data the {@code data} object, or null
 * @param version the {@code version} (If-Match semantics), or null
 * @param references the bulkIds referenced by the path and the data
 * @param problem why the operation cannot run, or null
 */
public record BulkOperation(
    int index,
    String methodName,
    BulkMethod method,
    String bulkId,
    String endpoint,
    String id,
    Map<String, Object> data,
    String version,
    Set<String> references,
    ScimException problem) {

  /** Whether this operation, when it succeeds, gives its bulkId a resource id. */
  boolean declaresBulkId() {
    return method == BulkMethod.POST && bulkId != null;
  }

  /** The path as the single request would have it, with the id given; null when unusable. */
  String path(String resolvedId) {
    if (endpoint == null) {
      return null;
    }
    return resolvedId == null ? "/" + endpoint : "/" + endpoint + "/" + resolvedId;
  }
}
