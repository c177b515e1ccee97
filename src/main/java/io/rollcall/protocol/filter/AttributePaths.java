package io.rollcall.protocol.filter;

import io.rollcall.protocol.ScimException;
import java.util.function.Function;

/**
 * Parsing of bare attribute paths (RFC 7644 §3.10), as used by {@code sortBy}, {@code attributes},
 * {@code excludedAttributes} and the keys of PATCH values.
 *
 * <p>The caller picks the error each use of a path calls for, e.g. {@code ScimException::invalidPath}
 * for PATCH, {@code ScimException::invalidValue} for query parameters. Error positions are 0-based.
 */
public final class AttributePaths {

  private AttributePaths() {}

  /**
   * Parses {@code [URI ":"] ATTRNAME ["." ATTRNAME]} without consulting a schema.
   *
   * @param errors makes the exception to throw from a message such as {@code "invalid character
   *     '!' in attribute name at 4"}
   */
  public static AttributePath parse(String text, Function<String, ScimException> errors) {
    return FilterParser.parseAttributePath(text, errors);
  }
}
