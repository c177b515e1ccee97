package io.rollcall.protocol.filter;

import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.AttributeType;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.DateTimes;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a resolved filter (see {@link FilterResolver}) against one resource held in memory, as
 * a canonical {@code Map} whose extension attributes sit under their schema URN.
 *
 * <p>Semantics of RFC 7644 §3.4.2.2:
 *
 * <ul>
 *   <li>Strings compare case-insensitively (lower-cased with {@link Locale#ROOT}) unless the
 *       attribute is {@code caseExact}; binary values always compare exactly (RFC 7643 §2.3.6).
 *       {@code gt/ge/lt/le} on strings are lexicographic by code point.
 *   <li>{@code dateTime} values compare as instants, numbers numerically, booleans by {@code eq} /
 *       {@code ne} only.
 *   <li>A multi-valued attribute matches when any of its values matches; a value filter matches
 *       when one element satisfies the whole inner filter.
 *   <li>{@code pr} matches a non-empty value: not an empty string, list or object, and an object
 *       only when one of its sub-attributes is itself present.
 *   <li>{@code ne} matches when the attribute has no value at all, or has a value that is not
 *       equal. The RFC does not say what {@code ne} does on an unassigned attribute; an unassigned
 *       attribute is certainly "not equal" to a given value, so {@code ne} is {@code not eq} for
 *       single-valued attributes and stays "any value differs" for multi-valued ones.
 *   <li>Every other operator is false on an unassigned attribute, and a stored value of the wrong
 *       type never matches; evaluation itself never fails.
 * </ul>
 */
public final class FilterEvaluator {

  private final ResourceTypeDefinition type;

  private FilterEvaluator(ResourceTypeDefinition type) {
    this.type = type;
  }

  /** Whether the resource matches the filter. */
  public static boolean matches(
      Filter filter, Map<String, Object> resource, ResourceTypeDefinition type) {
    return new FilterEvaluator(type).evaluate(filter, resource, null);
  }

  /**
   * Whether one element of a multi-valued attribute satisfies the inner filter of a value path,
   * e.g. one {@code emails} object against {@code emails.type eq "work"}. Paths of the filter are
   * read as sub-attributes of the element; a path without sub-attribute means the element itself
   * (for multi-valued attributes of simple values).
   */
  public static boolean matchesElement(Filter filter, Object element, ResourceTypeDefinition type) {
    return new FilterEvaluator(type).evaluate(filter, Map.of(), element);
  }

  private boolean evaluate(Filter filter, Map<String, Object> resource, Object element) {
    if (filter instanceof Filter.Comparison c) {
      return compare(c, values(c.path(), resource, element));
    }
    if (filter instanceof Filter.Present p) {
      return values(p.path(), resource, element).stream().anyMatch(FilterEvaluator::isPresent);
    }
    if (filter instanceof Filter.And a) {
      return evaluate(a.left(), resource, element) && evaluate(a.right(), resource, element);
    }
    if (filter instanceof Filter.Or o) {
      return evaluate(o.left(), resource, element) || evaluate(o.right(), resource, element);
    }
    if (filter instanceof Filter.Not n) {
      return !evaluate(n.filter(), resource, element);
    }
    Filter.ValuePath v = (Filter.ValuePath) filter;
    if (element != null) {
      return false;
    }
    for (Object item : values(v.attribute(), resource, null)) {
      if (evaluate(v.filter(), resource, item)) {
        return true;
      }
    }
    return false;
  }

  private List<Object> values(AttributePath path, Map<String, Object> resource, Object element) {
    List<Object> out = new ArrayList<>();
    if (element != null) {
      if (!path.hasSubAttribute()) {
        flatten(element, out);
      } else if (element instanceof Map<?, ?> map) {
        flatten(get(map, path.subAttribute()), out);
      }
      return out;
    }
    Object container = path.schemaUrn() == null ? resource : get(resource, path.schemaUrn());
    if (!(container instanceof Map<?, ?> map)) {
      return out;
    }
    List<Object> attribute = new ArrayList<>();
    flatten(get(map, path.attribute()), attribute);
    if (!path.hasSubAttribute()) {
      return attribute;
    }
    for (Object item : attribute) {
      if (item instanceof Map<?, ?> complex) {
        flatten(get(complex, path.subAttribute()), out);
      }
    }
    return out;
  }

  private boolean compare(Filter.Comparison comparison, List<Object> values) {
    ComparisonOperator op = comparison.operator();
    Object literal = comparison.value();
    if (literal == null) {
      // Only unresolved filters carry null; read it as RFC 7643 §2.5 "unassigned".
      boolean present = values.stream().anyMatch(FilterEvaluator::isPresent);
      return op == ComparisonOperator.EQ ? !present : op == ComparisonOperator.NE && present;
    }
    Optional<AttributeDefinition> definition = definition(comparison.path());
    if (op == ComparisonOperator.NE) {
      if (values.isEmpty()) {
        return true;
      }
      for (Object value : values) {
        if (!test(value, ComparisonOperator.EQ, literal, definition)) {
          return true;
        }
      }
      return false;
    }
    for (Object value : values) {
      if (test(value, op, literal, definition)) {
        return true;
      }
    }
    return false;
  }

  private boolean test(
      Object value,
      ComparisonOperator op,
      Object literal,
      Optional<AttributeDefinition> definition) {
    AttributeType attributeType = definition.map(AttributeDefinition::type).orElse(null);
    if (literal instanceof Boolean) {
      return value instanceof Boolean && op == ComparisonOperator.EQ && value.equals(literal);
    }
    if (literal instanceof BigDecimal number) {
      BigDecimal actual = toDecimal(value);
      return actual != null && order(op, actual.compareTo(number));
    }
    if (!(literal instanceof String text) || !(value instanceof String actual)) {
      return false;
    }
    if (attributeType == AttributeType.DATE_TIME) {
      Optional<Instant> left = DateTimes.parse(actual);
      Optional<Instant> right = DateTimes.parse(text);
      return left.isPresent() && right.isPresent() && order(op, left.get().compareTo(right.get()));
    }
    boolean exact =
        attributeType == AttributeType.BINARY
            || definition.map(AttributeDefinition::caseExact).orElse(false);
    String a = exact ? actual : CaseFolding.fold(actual);
    String b = exact ? text : CaseFolding.fold(text);
    switch (op) {
      case CO:
        return a.contains(b);
      case SW:
        return a.startsWith(b);
      case EW:
        return a.endsWith(b);
      default:
        return order(op, compareCodePoints(a, b));
    }
  }

  /**
   * Lexicographic order (RFC 7644 §3.4.2.2) over Unicode characters (RFC 7643 §2.3.1), as the
   * database's "C" collation orders UTF-8: {@link String#compareTo} orders UTF-16 units instead,
   * and puts a character beyond U+FFFF before one from U+E000 to U+FFFF.
   */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static boolean order(ComparisonOperator op, int cmp) {
    switch (op) {
      case EQ:
        return cmp == 0;
      case NE:
        return cmp != 0;
      case GT:
        return cmp > 0;
      case GE:
        return cmp >= 0;
      case LT:
        return cmp < 0;
      case LE:
        return cmp <= 0;
      default:
        return false;
    }
  }

  private Optional<AttributeDefinition> definition(AttributePath path) {
    Optional<AttributeDefinition> attribute = type.attribute(path.schemaUrn(), path.attribute());
    return path.hasSubAttribute()
        ? attribute.flatMap(a -> a.subAttribute(path.subAttribute()))
        : attribute;
  }

  private static BigDecimal toDecimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      try {
        return new BigDecimal(number.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** RFC 7644 §3.4.2.2 {@code pr}: a non-empty value, or a non-empty node of a complex value. */
  static boolean isPresent(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Collection<?> list) {
      return list.stream().anyMatch(FilterEvaluator::isPresent);
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(FilterEvaluator::isPresent);
    }
    return true;
  }

  private static void flatten(Object value, List<Object> out) {
    if (value instanceof Collection<?> list) {
      for (Object item : list) {
        if (item != null) {
          out.add(item);
        }
      }
    } else if (value != null) {
      out.add(value);
    }
  }

  /** Canonical resources use the schema's spelling; other spellings are found too. */
  private static Object get(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value != null) {
      return value;
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() instanceof String k && k.equalsIgnoreCase(key)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
