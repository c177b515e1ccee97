package io.rollcall.protocol.bulk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bulkId:} references (RFC 7644 §3.7.2): a string value {@code "bulkId:qwerty"} anywhere in
 * an operation's {@code data}, or as the id in its {@code path}, stands for the id of the resource
 * that the request's POST with {@code "bulkId": "qwerty"} creates.
 *
 * <p>Only whole values are references. A reference inside a longer string, such as a PATCH value
 * filter {@code members[value eq "bulkId:qwerty"]}, is left as it is: the RFC's examples only place
 * references as values, and rewriting filter text would mean parsing it here.
 */
final class BulkIds {

  static final String PREFIX = "bulkId:";

  private BulkIds() {}

  /** The bulkId a value refers to, or null when it is not a reference. */
  static String referenced(Object value) {
    return value instanceof String text && text.startsWith(PREFIX)
        ? text.substring(PREFIX.length())
        : null;
  }

  /**
   * Adds every bulkId the JSON value refers to. Recursion is bounded by the parser's nesting limit.
   */
  static void collect(Object value, Set<String> into) {
    String reference = referenced(value);
    if (reference != null) {
      into.add(reference);
    } else if (value instanceof Map<?, ?> object) {
      object.values().forEach(member -> collect(member, into));
    } else if (value instanceof List<?> array) {
      array.forEach(element -> collect(element, into));
    }
  }

  /**
   * A copy of the JSON value with every reference replaced by the id it stands for. Every reference
   * must be in {@code ids}.
   */
  static Object substitute(Object value, Map<String, String> ids) {
    String reference = referenced(value);
    if (reference != null) {
      return ids.get(reference);
    }
    if (value instanceof Map<?, ?> object) {
      Map<String, Object> copy = new LinkedHashMap<>();
      object.forEach((key, member) -> copy.put((String) key, substitute(member, ids)));
      return copy;
    }
    if (value instanceof List<?> array) {
      List<Object> copy = new ArrayList<>(array.size());
      array.forEach(element -> copy.add(substitute(element, ids)));
      return copy;
    }
    return value;
  }
}
