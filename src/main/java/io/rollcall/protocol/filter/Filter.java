package io.rollcall.protocol.filter;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The syntax tree of an RFC 7644 §3.4.2.2 filter. Immutable; shared by the database translator and
 * the in-memory evaluator.
 *
 * <p>Inside a {@link ValuePath} the inner filter's paths are fully qualified: for {@code
 * emails[type eq "work"]} the inner comparison's path is {@code emails.type}, so consumers never
 * need to carry the parent around.
 */
public sealed interface Filter {

  /**
   * {@code path op value}. The value is a {@link String}, {@link Boolean}, {@link BigDecimal} or
   * {@code null} (the JSON literal {@code null}), exactly as the filter text spelled it.
   */
  record Comparison(AttributePath path, ComparisonOperator operator, Object value)
      implements Filter {
    public Comparison {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(operator, "operator");
      if (value != null
          && !(value instanceof String)
          && !(value instanceof Boolean)
          && !(value instanceof BigDecimal)) {
        throw new IllegalArgumentException("unsupported literal type " + value.getClass());
      }
    }
  }

  /** {@code path pr}. */
  record Present(AttributePath path) implements Filter {
    public Present {
      Objects.requireNonNull(path, "path");
    }
  }

  record And(Filter left, Filter right) implements Filter {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  record Or(Filter left, Filter right) implements Filter {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  record Not(Filter filter) implements Filter {
    public Not {
      Objects.requireNonNull(filter, "filter");
    }
  }

  /**
   * {@code attribute[filter]}: matches when one element of the multi-valued {@code attribute}
   * satisfies the whole inner filter.
   */
  record ValuePath(AttributePath attribute, Filter filter) implements Filter {
    public ValuePath {
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(filter, "filter");
    }
  }
}
