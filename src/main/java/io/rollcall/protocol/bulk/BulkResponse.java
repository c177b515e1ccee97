package io.rollcall.protocol.bulk;

import io.rollcall.protocol.ScimException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code BulkResponse} message of RFC 7644 §3.7.3. */
public final class BulkResponse {

  public static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  private BulkResponse() {}

  /**
   * One element per processed operation: {@code method}, {@code bulkId}, {@code version}, {@code
   * location} where they apply, {@code status} as a string (as in every example of §3.7.3), and for
   * a failure the §3.12 error as {@code response}. A success carries no {@code response}: the RFC
   * lets the service provider omit it, and the client can read the resource at its {@code
   * location}.
   */
  public static Map<String, Object> render(List<BulkResult> results) {
    List<Map<String, Object>> operations = new ArrayList<>(results.size());
    for (BulkResult result : results) {
      Map<String, Object> operation = new LinkedHashMap<>();
      if (result.methodName() != null) {
        operation.put("method", result.methodName());
      }
      if (result.bulkId() != null) {
        operation.put("bulkId", result.bulkId());
      }
      if (result.version() != null) {
        operation.put("version", result.version());
      }
      if (result.location() != null) {
        operation.put("location", result.location());
      }
      operation.put("status", Integer.toString(result.status()));
      if (result.error() != null) {
        operation.put("response", error(result.error()));
      }
      operations.add(operation);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(BULK_RESPONSE));
    body.put("Operations", operations);
    return body;
  }

  /** The RFC 7644 §3.12 error body, as a single request would have answered it. */
  static Map<String, Object> error(ScimException error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(ERROR));
    body.put("status", Integer.toString(error.status()));
    if (error.scimType() != null) {
      body.put("scimType", error.scimType());
    }
    if (error.detail() != null) {
      body.put("detail", error.detail());
    }
    return body;
  }
}
