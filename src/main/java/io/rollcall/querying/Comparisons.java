package io.rollcall.querying;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.schema.AttributeValues;
import io.rollcall.protocol.schema.DateTimes;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed comparisons that the SCIM filter translators of every resource type share: each SCIM
 * operator as a JPA Criteria predicate whose operand is always a bind parameter, with {@code %},
 * {@code _} and {@code \} escaped for {@code co}/{@code sw}/{@code ew}.
 */
public final class Comparisons {

  public static final char LIKE_ESCAPE = '\\';

  private final CriteriaBuilder cb;
  private final Map<ParameterExpression<?>, Object> parameters;

  /**
   * @param parameters collects the bind values; apply them with {@link #bind}
   */
  public Comparisons(CriteriaBuilder cb, Map<ParameterExpression<?>, Object> parameters) {
    this.cb = cb;
    this.parameters = parameters;
  }

  public static Map<ParameterExpression<?>, Object> newParameters() {
    return new LinkedHashMap<>();
  }

  /**
   * Sets the bind values on a query. A condition that is constant false may make the JPA provider
   * drop a whole branch, its parameters included; those are skipped.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void bind(TypedQuery<?> typed, Map<ParameterExpression<?>, Object> parameters) {
    parameters.forEach(
        (p, v) -> {
          try {
            typed.setParameter((ParameterExpression) p, v);
          } catch (IllegalArgumentException notInQuery) {
            // Dropped along with a constant condition.
          }
        });
  }

  public <T> ParameterExpression<T> param(T value) {
    @SuppressWarnings("unchecked")
    Class<T> javaType = (Class<T>) value.getClass();
    ParameterExpression<T> parameter = cb.parameter(javaType, "p" + parameters.size());
    parameters.put(parameter, value);
    return parameter;
  }

  @SuppressWarnings("unchecked")
  public ParameterExpression<List<String>> params(List<String> values) {
    ParameterExpression<List<String>> parameter =
        (ParameterExpression<List<String>>)
            (ParameterExpression<?>) cb.parameter(List.class, "p" + parameters.size());
    parameters.put(parameter, values);
    return parameter;
  }

  /** The string literal of a comparison, or a 400 {@code invalidFilter}. */
  public static String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw ScimException.invalidFilter("a string attribute must be compared with a string");
  }

  /** The number literal of a comparison, or a 400 {@code invalidFilter}. */
  public static BigDecimal number(Object value) {
    if (value instanceof BigDecimal number && AttributeValues.inRange(number)) {
      return number;
    }
    throw ScimException.invalidFilter(
        "a numeric attribute must be compared with a number in the range Rollcall stores");
  }

  /**
   * How a boolean is stored: 1 or 0 in a SMALLINT column, which compares the same on every database
   * (JPA providers bind booleans as integers on some).
   */
  public static short flag(boolean value) {
    return value ? (short) 1 : (short) 0;
  }

  /** {@code field eq/ne true/false} on a column written by {@link #flag(boolean)}. */
  public Predicate flag(Expression<?> field, ComparisonOperator op, Object value) {
    if (!(value instanceof Boolean b)) {
      throw ScimException.invalidFilter("a boolean attribute must be compared with true or false");
    }
    Short flag = flag(b);
    return switch (op) {
      case EQ -> cb.equal(field, param(flag));
      case NE -> cb.notEqual(field, param(flag));
      default ->
          throw ScimException.invalidFilter(
              "operator '" + op.keyword() + "' does not apply to a boolean attribute");
    };
  }

  /** The dateTime literal of a comparison, or a 400 {@code invalidFilter}. */
  public static Instant instant(Object value) {
    Instant instant = value instanceof String s ? DateTimes.parseWithOffset(s).orElse(null) : null;
    if (instant == null) {
      throw ScimException.invalidFilter(
          "a dateTime attribute must be compared with an xsd:dateTime string");
    }
    return instant;
  }

  /** {@code field op operand} for strings; the caller has already folded the operand if needed. */
  public Predicate string(Expression<String> field, ComparisonOperator op, String operand) {
    return switch (op) {
      case EQ -> cb.equal(field, param(operand));
      case NE -> cb.notEqual(field, param(operand));
      case CO -> cb.like(field, param("%" + escapeLike(operand) + "%"), LIKE_ESCAPE);
      case SW -> cb.like(field, param(escapeLike(operand) + "%"), LIKE_ESCAPE);
      case EW -> cb.like(field, param("%" + escapeLike(operand)), LIKE_ESCAPE);
      case GT -> cb.greaterThan(field, param(operand));
      case GE -> cb.greaterThanOrEqualTo(field, param(operand));
      case LT -> cb.lessThan(field, param(operand));
      case LE -> cb.lessThanOrEqualTo(field, param(operand));
    };
  }

  /**
   * {@code value op operand} on a string kept whole and indexed by its first {@code length}
   * characters: {@code eq} and {@code sw} also compare the prefix, which the index serves, and the
   * whole value decides, so a long value never matches another that merely shares its start.
   */
  public Predicate byPrefix(
      Expression<String> prefix,
      int length,
      Expression<String> value,
      ComparisonOperator op,
      String operand) {
    String start = operand.length() <= length ? operand : operand.substring(0, length);
    return switch (op) {
      case EQ -> cb.and(cb.equal(prefix, param(start)), string(value, op, operand));
      case SW ->
          cb.and(
              cb.like(prefix, param(escapeLike(start) + "%"), LIKE_ESCAPE),
              string(value, op, operand));
      default -> string(value, op, operand);
    };
  }

  /** {@code field op operand} for numbers and times: no substring operators. */
  public <T extends Comparable<? super T>> Predicate ordered(
      Expression<T> field, ComparisonOperator op, T operand) {
    return switch (op) {
      case EQ -> cb.equal(field, param(operand));
      case NE -> cb.notEqual(field, param(operand));
      case GT -> cb.greaterThan(field, param(operand));
      case GE -> cb.greaterThanOrEqualTo(field, param(operand));
      case LT -> cb.lessThan(field, param(operand));
      case LE -> cb.lessThanOrEqualTo(field, param(operand));
      default ->
          throw ScimException.invalidFilter(
              "operator '" + op.keyword() + "' applies to strings only");
    };
  }

  /**
   * A comparison whose attribute has the same value on every resource of the type (such as {@code
   * meta.resourceType}), decided here rather than in the database.
   */
  public Predicate constant(Filter.Comparison comparison, String actual, boolean caseExact) {
    boolean matches =
        comparison.value() instanceof String s
            && switch (comparison.operator()) {
              case EQ -> caseExact ? actual.equals(s) : actual.equalsIgnoreCase(s);
              case NE -> caseExact ? !actual.equals(s) : !actual.equalsIgnoreCase(s);
              case CO -> actual.contains(s);
              case SW -> actual.startsWith(s);
              case EW -> actual.endsWith(s);
              case GT -> actual.compareTo(s) > 0;
              case GE -> actual.compareTo(s) >= 0;
              case LT -> actual.compareTo(s) < 0;
              case LE -> actual.compareTo(s) <= 0;
            };
    return matches ? cb.conjunction() : cb.disjunction();
  }

  /** {@code %}, {@code _} and the escape character itself lose their LIKE meaning. */
  public static String escapeLike(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
        escaped.append(LIKE_ESCAPE);
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
