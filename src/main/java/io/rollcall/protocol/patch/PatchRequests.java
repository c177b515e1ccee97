package io.rollcall.protocol.patch;

import io.rollcall.protocol.ScimException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a PATCH request (RFC 7644 §3.5.2): a {@code PatchOp} message with a non-empty
 * {@code Operations} array of {@code {op, path?, value?}} objects.
 *
 * <p>Tolerance in every IdP profile (not one of the named {@link io.rollcall.protocol.Tolerance}s,
 * which bend the RFC for one provider): a missing {@code schemas} member is accepted, and member
 * names are matched case-insensitively ({@code "operations"}, {@code "Op"}), as some IdPs vary
 * them.
 */
public final class PatchRequests {

  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final int MAX_OPERATIONS = 1000;

  private PatchRequests() {}

  public static List<PatchOperation> parse(Map<String, Object> body) {
    Object schemas = member(body, "schemas");
    if (schemas != null
        && !(schemas instanceof List<?> list && list.stream().anyMatch(PATCH_OP::equals))) {
      throw ScimException.invalidSyntax("schemas must contain \"" + PATCH_OP + "\"");
    }
    Object operations = member(body, "Operations");
    if (!(operations instanceof List<?> list) || list.isEmpty()) {
      throw ScimException.invalidSyntax("Operations must be a non-empty array");
    }
    if (list.size() > MAX_OPERATIONS) {
      throw ScimException.invalidSyntax("at most " + MAX_OPERATIONS + " operations per request");
    }
    List<PatchOperation> parsed = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> raw)) {
        throw ScimException.invalidSyntax("each operation must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> operation = (Map<String, Object>) raw;
      Object op = member(operation, "op");
      if (!(op instanceof String opName)) {
        throw ScimException.invalidSyntax("each operation needs an \"op\" string");
      }
      Object path = member(operation, "path");
      if (path != null && !(path instanceof String)) {
        throw ScimException.invalidPath("\"path\" must be a string");
      }
      parsed.add(new PatchOperation(opName, (String) path, member(operation, "value")));
    }
    return parsed;
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
}
