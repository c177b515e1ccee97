package io.rollcall.protocol.bulk;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.patch.PatchRequests;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /Bulk} (RFC 7644 §3.7): a {@code BulkRequest} message with {@code
 * Operations} and an optional {@code failOnErrors}.
 *
 * <p>Two kinds of error. A malformed request as a whole — not a bulk request, {@code Operations}
 * missing or not an array of objects, a bad {@code failOnErrors}, a {@code bulkId} used twice — is
 * refused with a 400 before anything runs, and more operations than {@code maxOperations} with a
 * 413 (§3.7.4). A malformed operation is refused on its own, in its place in the response, and the
 * others still run (§3.7.3).
 *
 * <p>Tolerance in every IdP profile, as for PATCH requests: a missing {@code schemas} is accepted,
 * and member names are matched case-insensitively ({@code "operations"}, {@code "BulkId"}). A PATCH
 * whose {@code data} is the bare array of PATCH operations, as in RFC 7644 §3.7.3's own example, is
 * read as the PatchOp message holding them.
 *
 * @param failOnErrors the number of errors after which processing stops; {@link Integer#MAX_VALUE}
 *     when the client sets none
 */
public record BulkRequest(List<BulkOperation> operations, int failOnErrors) {

  public static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

  private static final Set<String> ENDPOINTS = Set.of("Users", "Groups");

  public static BulkRequest parse(Map<String, Object> body, int maxOperations) {
    Object schemas = member(body, "schemas");
    if (schemas != null
        && !(schemas instanceof List<?> list && list.stream().anyMatch(BULK_REQUEST::equals))) {
      throw ScimException.invalidSyntax("schemas must contain \"" + BULK_REQUEST + "\"");
    }
    Object operations = member(body, "Operations");
    if (!(operations instanceof List<?> list) || list.isEmpty()) {
      throw ScimException.invalidSyntax("Operations must be a non-empty array");
    }
    if (list.size() > maxOperations) {
      // RFC 7644 §3.7.4: 413, and the body names the limit.
      throw ScimException.payloadTooLarge(
          "The bulk request has "
              + list.size()
              + " operations; maxOperations is "
              + maxOperations
              + ".");
    }
    int failOnErrors = failOnErrors(member(body, "failOnErrors"));
    List<BulkOperation> parsed = new ArrayList<>(list.size());
    Map<String, Integer> bulkIds = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> raw)) {
        throw ScimException.invalidSyntax("Operations[" + i + "] must be an object");
      }
      @SuppressWarnings("unchecked")
      BulkOperation operation = operation(i, (Map<String, Object>) raw);
      if (operation.bulkId() != null) {
        Integer earlier = bulkIds.putIfAbsent(operation.bulkId(), i);
        if (earlier != null) {
          throw ScimException.invalidValue(
              "bulkId \""
                  + clip(operation.bulkId())
                  + "\" is used by Operations["
                  + earlier
                  + "] and Operations["
                  + i
                  + "]; a bulkId must be unique within a bulk request (RFC 7644 §3.7)");
        }
      }
      parsed.add(operation);
    }
    return new BulkRequest(List.copyOf(parsed), failOnErrors);
  }

  private static int failOnErrors(Object value) {
    if (value == null) {
      return Integer.MAX_VALUE;
    }
    if (value instanceof BigDecimal number) {
      try {
        int count = number.intValueExact();
        if (count >= 1) {
          return count;
        }
      } catch (ArithmeticException e) {
        // Not an integer, or beyond an int: refused below.
      }
    }
    throw ScimException.invalidValue("failOnErrors must be a positive integer");
  }

  private static BulkOperation operation(int index, Map<String, Object> raw) {
    Object methodValue = member(raw, "method");
    Object bulkIdValue = member(raw, "bulkId");
    Object pathValue = member(raw, "path");
    Object dataValue = member(raw, "data");
    Object versionValue = member(raw, "version");
    String methodName = methodValue instanceof String s ? s : null;
    BulkMethod method = methodName == null ? null : BulkMethod.of(methodName).orElse(null);
    String bulkId = bulkIdValue instanceof String s ? s : null;
    @SuppressWarnings("unchecked")
    Map<String, Object> data = dataValue instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    if (method == BulkMethod.PATCH && dataValue instanceof List<?> patchOperations) {
      // Deliberate tolerance: RFC 7644 §3.7.3's own example sends a PATCH's data as the bare
      // array of operations rather than as a PatchOp message.
      data = new LinkedHashMap<>();
      data.put("schemas", List.of(PatchRequests.PATCH_OP));
      data.put("Operations", patchOperations);
    }
    String version = versionValue instanceof String s ? s : null;
    String endpoint = null;
    String id = null;
    ScimException problem = null;
    if (methodName == null) {
      problem = ScimException.invalidSyntax("method is required: POST, PUT, PATCH or DELETE");
    } else if (method == null) {
      problem =
          ScimException.invalidValue(
              "method \"" + clip(methodName) + "\" is not one of POST, PUT, PATCH, DELETE");
    } else if (bulkIdValue != null && bulkId == null) {
      problem = ScimException.invalidSyntax("bulkId must be a string");
    } else if (bulkId != null && bulkId.isEmpty()) {
      problem = ScimException.invalidValue("bulkId must not be empty");
    } else if (method == BulkMethod.POST && bulkId == null) {
      problem = ScimException.invalidSyntax("bulkId is required for a POST (RFC 7644 §3.7)");
    } else if (versionValue != null && version == null) {
      problem = ScimException.invalidSyntax("version must be a string");
    } else if (!(pathValue instanceof String path)) {
      problem = ScimException.invalidSyntax("path is required and must be a string");
    } else {
      String[] target = target(path);
      if (target == null || (method == BulkMethod.POST) != (target[1] == null)) {
        problem =
            ScimException.invalidValue(
                "path \""
                    + clip(path)
                    + "\" must be "
                    + (method == BulkMethod.POST
                        ? "/Users or /Groups for a POST"
                        : "/Users/{id} or /Groups/{id} for a " + method));
      } else {
        endpoint = target[0];
        id = target[1];
        if (method != BulkMethod.DELETE && data == null) {
          problem =
              ScimException.invalidSyntax(
                  dataValue == null
                      ? "data is required for a " + method
                      : "data must be an object (the body of the single " + method + ")");
        }
      }
    }
    Set<String> references = new LinkedHashSet<>();
    if (problem == null) {
      String pathReference = BulkIds.referenced(id);
      if (pathReference != null) {
        references.add(pathReference);
      }
      if (method != BulkMethod.DELETE) {
        BulkIds.collect(data, references);
      }
    }
    return new BulkOperation(
        index,
        methodName,
        method,
        bulkId,
        endpoint,
        id,
        data,
        version,
        Collections.unmodifiableSet(references),
        problem);
  }

  /**
   * {endpoint, id} of a path such as {@code /Users} or {@code /Groups/{id}}, or null when it names
   * no resource type of this server. A missing leading slash is accepted (deliberate tolerance).
   */
  private static String[] target(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    String[] segments = relative.split("/", -1);
    if (!ENDPOINTS.contains(segments[0]) || segments.length > 2) {
      return null;
    }
    if (segments.length == 1) {
      return new String[] {segments[0], null};
    }
    return segments[1].isEmpty() ? null : new String[] {segments[0], segments[1]};
  }

  private static Object member(Map<String, Object> object, String name) {
    Object exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Object> entry : object.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
