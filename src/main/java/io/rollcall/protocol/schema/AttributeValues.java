package io.rollcall.protocol.schema;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerance;
import io.rollcall.protocol.Tolerances;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * The one conversion of JSON values into the values of simple attributes (RFC 7643 §2.3), used by
 * the normaliser and the PATCH engine; filter literals are held to the same {@link DateTimes} and
 * {@link #inRange number range}: strings stay strings, booleans become {@link Boolean}, integers
 * and decimals {@link BigDecimal}, dateTimes stay the client's {@code xsd:dateTime} text once
 * {@link DateTimes} has read it. A value of the wrong type or out of range is a 400 {@code
 * invalidValue} naming the attribute. Lengths are the normaliser's to limit, as they depend on the
 * attribute's role.
 */
public final class AttributeValues {

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** Digits a number may have before its point: the value index stores {@code DECIMAL(38, 9)}. */
  public static final int MAX_DECIMAL_INTEGER_DIGITS = 29;

  private static final int MAX_DECIMAL_SCALE = 1000;

  private AttributeValues() {}

  /**
   * The canonical value of a simple attribute.
   *
   * @param path how the attribute is named in errors, e.g. {@code emails[0].primary}
   */
  public static Object simple(AttributeDefinition definition, Object raw, String path) {
    return simple(definition, raw, path, Tolerances.ANY_IDP);
  }

  /**
   * The canonical value of a simple attribute, bending RFC 7643 §2.3 only as far as {@code
   * tolerances} allow ({@link Tolerance#BOOLEAN_AS_STRING}).
   */
  public static Object simple(
      AttributeDefinition definition, Object raw, String path, Tolerances tolerances) {
    return switch (definition.type()) {
      case STRING, REFERENCE -> string(raw, path);
      case BINARY -> binary(raw, path);
      case BOOLEAN -> bool(raw, path, tolerances);
      case INTEGER -> integer(raw, path);
      case DECIMAL -> decimal(raw, path);
      case DATE_TIME -> dateTime(raw, path);
      case COMPLEX -> throw typeError(path, "a JSON object");
    };
  }

  /**
   * Whether a number is within what Rollcall stores and indexes: at most {@value
   * #MAX_DECIMAL_INTEGER_DIGITS} digits before the point and an exponent no smaller than -1000.
   * Exponents such as {@code 1E+999999999} are legal JSON, but no attribute means them.
   */
  public static boolean inRange(BigDecimal number) {
    return (long) number.precision() - number.scale() <= MAX_DECIMAL_INTEGER_DIGITS
        && Math.abs((long) number.scale()) <= MAX_DECIMAL_SCALE;
  }

  private static String string(Object raw, String path) {
    if (raw instanceof String text) {
      return text;
    }
    throw typeError(path, "a string");
  }

  /** RFC 7643 §2.3.6: base64 as in RFC 4648 §4, the standard alphabet with padding. */
  private static String binary(Object raw, String path) {
    if (raw instanceof String text) {
      try {
        Base64.getDecoder().decode(text);
        return text;
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw typeError(path, "a base64 string");
  }

  private static Boolean bool(Object raw, String path, Tolerances tolerances) {
    if (raw instanceof Boolean flag) {
      return flag;
    }
    // Tolerance BOOLEAN_AS_STRING (Entra ID sends "False" and "True"): boolean words as strings,
    // in any case.
    if (raw instanceof String word && tolerances.allows(Tolerance.BOOLEAN_AS_STRING)) {
      if (word.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (word.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    throw typeError(path, "a boolean");
  }

  /** RFC 7643 §2.3.4: no fractional part; Rollcall keeps integers within 64 bits. */
  private static BigDecimal integer(Object raw, String path) {
    BigDecimal number = number(raw);
    if (number == null) {
      throw typeError(path, "an integer");
    }
    try {
      return BigDecimal.valueOf(number.longValueExact());
    } catch (ArithmeticException e) {
      if (number.compareTo(LONG_MIN) < 0 || number.compareTo(LONG_MAX) > 0) {
        throw outOfRange(path);
      }
      throw typeError(path, "an integer");
    }
  }

  private static BigDecimal decimal(Object raw, String path) {
    BigDecimal number = number(raw);
    if (number == null) {
      throw typeError(path, "a number");
    }
    if (!inRange(number)) {
      throw outOfRange(path);
    }
    return number;
  }

  /** JSON-B yields BigDecimal; the other Number types are accepted from other callers. */
  private static BigDecimal number(Object raw) {
    if (raw instanceof BigDecimal decimal) {
      return decimal;
    }
    if (raw instanceof Integer
        || raw instanceof Long
        || raw instanceof Short
        || raw instanceof Byte) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (raw instanceof Double || raw instanceof Float) {
      double value = ((Number) raw).doubleValue();
      return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }
    return null;
  }

  private static String dateTime(Object raw, String path) {
    if (raw instanceof String text && DateTimes.parse(text).isPresent()) {
      return text;
    }
    throw typeError(path, "an xsd:dateTime such as 2008-01-23T04:56:22Z");
  }

  private static ScimException typeError(String path, String expected) {
    return ScimException.invalidValue("attribute '" + path + "' must be " + expected);
  }

  private static ScimException outOfRange(String path) {
    return ScimException.invalidValue("attribute '" + path + "' is out of range");
  }
}
