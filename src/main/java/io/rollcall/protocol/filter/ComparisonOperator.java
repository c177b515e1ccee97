package io.rollcall.protocol.filter;

import java.util.Locale;
import java.util.Optional;

/**
 * The attribute operators of RFC 7644 §3.4.2.2, Table 3, except {@code pr} (see {@link
 * Filter.Present}).
 */
public enum ComparisonOperator {
  EQ,
  NE,
  CO,
  SW,
  EW,
  GT,
  GE,
  LT,
  LE;

  /** Operators are case-insensitive in the filter syntax. */
  public static Optional<ComparisonOperator> fromKeyword(String keyword) {
    for (ComparisonOperator op : values()) {
      if (op.name().equalsIgnoreCase(keyword)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isOrdering() {
    return this == GT || this == GE || this == LT || this == LE;
  }

  public boolean isSubstring() {
    return this == CO || this == SW || this == EW;
  }
}
