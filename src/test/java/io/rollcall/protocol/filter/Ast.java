package io.rollcall.protocol.filter;

import java.math.BigDecimal;

/** Short constructors for expected syntax trees in table-driven tests. */
final class Ast {

  static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private Ast() {}

  static AttributePath path(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0
        ? AttributePath.of(dotted)
        : AttributePath.of(dotted.substring(0, dot), dotted.substring(dot + 1));
  }

  static AttributePath ext(String dotted) {
    AttributePath p = path(dotted);
    return new AttributePath(ENTERPRISE, p.attribute(), p.subAttribute());
  }

  static Filter cmp(String path, ComparisonOperator op, Object value) {
    return new Filter.Comparison(path(path), op, value);
  }

  static Filter cmp(AttributePath path, ComparisonOperator op, Object value) {
    return new Filter.Comparison(path, op, value);
  }

  static Filter eq(String path, Object value) {
    return cmp(path, ComparisonOperator.EQ, value);
  }

  static Filter pr(String path) {
    return new Filter.Present(path(path));
  }

  static Filter pr(AttributePath path) {
    return new Filter.Present(path);
  }

  static Filter and(Filter left, Filter right) {
    return new Filter.And(left, right);
  }

  static Filter or(Filter left, Filter right) {
    return new Filter.Or(left, right);
  }

  static Filter not(Filter inner) {
    return new Filter.Not(inner);
  }

  static Filter vp(String attribute, Filter inner) {
    return new Filter.ValuePath(path(attribute), inner);
  }

  static BigDecimal num(String text) {
    return new BigDecimal(text);
  }
}
