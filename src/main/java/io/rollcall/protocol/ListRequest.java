package io.rollcall.protocol;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query of a list or search request (RFC 7644 §3.4.2 and §3.4.3, RFC 9865), from either the
 * query string of a GET or the body of a POST {@code .search}.
 *
 * <p>{@code startIndex} below 1 is read as 1 and a negative {@code count} as 0 (RFC 7644 §3.4.2.4);
 * a {@code count} above the advertised maximum is reduced to it. A {@code startIndex} above {@link
 * ScimLimits#MAX_START_INDEX} is a 400 {@code invalidValue}: no tenant has that many resources, and
 * the bound keeps page arithmetic within an {@code int}.
 */
public record ListRequest(
    String filter,
    String sortBy,
    boolean descending,
    int startIndex,
    int count,
    String cursor,
    String attributes,
    String excludedAttributes) {

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,1000}");
  static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

  /** RFC 9865 §2.4 leaves a request naming both pagination methods undefined: refuse it. */
  private static void oneMethod(Object startIndex, String cursor) {
    if (startIndex != null && cursor != null) {
      throw ScimException.invalidValue("use either startIndex or cursor, not both");
    }
  }

  /**
   * Whether the client asked for cursor pagination (RFC 9865): a {@code cursor} was sent, even
   * empty.
   */
  public boolean usesCursor() {
    return cursor != null;
  }

  public static ListRequest fromQuery(
      String filter,
      String sortBy,
      String sortOrder,
      String startIndex,
      String count,
      String cursor,
      String attributes,
      String excludedAttributes) {
    oneMethod(blankToNull(startIndex), cursor);
    return new ListRequest(
        blankToNull(filter),
        blankToNull(sortBy),
        descending(sortOrder),
        startIndex(parseInt("startIndex", startIndex)),
        count(parseInt("count", count)),
        cursor,
        blankToNull(attributes),
        blankToNull(excludedAttributes));
  }

  /** RFC 7644 §3.4.3: the body of POST {@code .search}. */
  public static ListRequest fromSearchBody(Map<String, Object> body) {
    Object schemas = body.get("schemas");
    if (schemas instanceof List<?> list && !list.isEmpty() && !list.contains(SEARCH_REQUEST)) {
      throw ScimException.invalidValue("schemas must be [\"" + SEARCH_REQUEST + "\"]");
    }
    oneMethod(body.get("startIndex"), body.containsKey("cursor") ? "" : null);
    return new ListRequest(
        blankToNull(string(body, "filter")),
        blankToNull(string(body, "sortBy")),
        descending(string(body, "sortOrder")),
        startIndex(integer(body, "startIndex")),
        count(integer(body, "count")),
        body.containsKey("cursor") ? stringOrEmpty(body, "cursor") : null,
        joined(body, "attributes"),
        joined(body, "excludedAttributes"));
  }

  private static boolean descending(String sortOrder) {
    if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
      return false;
    }
    if (sortOrder.equalsIgnoreCase("descending")) {
      return true;
    }
    throw ScimException.invalidValue("sortOrder must be \"ascending\" or \"descending\"");
  }

  private static int startIndex(Long value) {
    if (value != null && value > ScimLimits.MAX_START_INDEX) {
      throw ScimException.invalidValue("startIndex must be at most " + ScimLimits.MAX_START_INDEX);
    }
    return value == null || value < 1 ? 1 : value.intValue();
  }

  private static int count(Long value) {
    if (value == null) {
      return ScimLimits.DEFAULT_PAGE_SIZE;
    }
    return (int) Math.max(0, Math.min(value, ScimLimits.MAX_PAGE_SIZE));
  }

  /**
   * An integer parameter, saturated to the {@code long} range: beyond it only the sign matters to
   * the bounds above, and "must be an integer" would be wrong for {@code 99999999999999999999}.
   */
  private static Long parseInt(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String digits = text.strip();
    if (!INTEGER.matcher(digits).matches()) {
      throw ScimException.invalidValue(name + " must be an integer");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static String string(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw ScimException.invalidValue(name + " must be a string");
  }

  private static String stringOrEmpty(Map<String, Object> body, String name) {
    String value = string(body, name);
    return value == null ? "" : value;
  }

  private static Long integer(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (d != Math.rint(d)) {
        throw ScimException.invalidValue(name + " must be an integer");
      }
      // A double beyond the long range saturates to it, as parseInt does.
      return (long) d;
    }
    if (value instanceof String s) {
      return parseInt(name, s);
    }
    throw ScimException.invalidValue(name + " must be an integer");
  }

  /** {@code attributes} in a search body is a JSON array of names (RFC 7644 §3.4.3). */
  private static String joined(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return blankToNull(s);
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.isEmpty()
          ? null
          : String.join(",", list.stream().map(String.class::cast).toList());
    }
    throw ScimException.invalidValue(name + " must be an array of attribute names");
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
