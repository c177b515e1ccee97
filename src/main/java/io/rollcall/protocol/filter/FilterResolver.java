package io.rollcall.protocol.filter;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.AttributeType;
import io.rollcall.protocol.schema.AttributeValues;
import io.rollcall.protocol.schema.CommonAttributes;
import io.rollcall.protocol.schema.DateTimes;
import io.rollcall.protocol.schema.Mutability;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.Returned;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a parsed filter against a resource type and returns it in canonical form, so that the
 * database translator and the in-memory evaluator never meet an unknown name or an ill-typed
 * comparison.
 *
 * <p>In the result:
 *
 * <ul>
 *   <li>Every {@link AttributePath} carries the schema's spelling; {@code schemaUrn} is set (in the
 *       schema's spelling) for extension attributes only, {@code null} for core and common
 *       attributes.
 *   <li>A comparison on a complex attribute that has a {@code value} sub-attribute compares that
 *       sub-attribute: {@code emails co "x"} becomes {@code emails.value co "x"}, as the RFC 7644
 *       §3.4.2.2 example {@code emails co "example.com"} intends. Other complex attributes can only
 *       be tested with {@code pr}.
 *   <li>{@code attr eq null} becomes {@code not (attr pr)} and {@code attr ne null} becomes {@code
 *       attr pr}: the grammar admits {@code null} and RFC 7643 §2.5 makes null equivalent to
 *       "unassigned". No other operator accepts {@code null}. Consumers therefore never see a null
 *       literal.
 * </ul>
 *
 * <p>Rejected, as RFC 7644 §3.4.2.2 asks ("the specified attribute and filter comparison
 * combination is not supported"): unknown attributes or sub-attributes; attributes that are never
 * returned, and {@code meta.location} and {@code meta.version}; value filters on attributes that
 * are not multi-valued and complex; nested value filters; {@code gt/ge/lt/le} on boolean and binary
 * attributes; {@code co/sw/ew} on anything but strings, references and binary; literals of the
 * wrong JSON type; {@code dateTime} literals that are not ISO-8601 date-times with an offset.
 */
public final class FilterResolver {

  private final ResourceTypeDefinition type;
  private final Function<String, ScimException> errors;
  private final Tolerances tolerances;

  private FilterResolver(
      ResourceTypeDefinition type, Function<String, ScimException> errors, Tolerances tolerances) {
    this.type = type;
    this.errors = errors;
    this.tolerances = tolerances;
  }

  /** Resolves a filter of a query; errors are {@code invalidFilter}. */
  public static Filter resolve(Filter filter, ResourceTypeDefinition type) {
    return resolve(filter, type, ScimException::invalidFilter);
  }

  /** Resolves with a caller-chosen error, e.g. {@code invalidPath} for a PATCH path's filter. */
  public static Filter resolve(
      Filter filter, ResourceTypeDefinition type, Function<String, ScimException> errors) {
    return resolve(filter, type, errors, Tolerances.ANY_IDP);
  }

  /** Resolves with the tolerances of the tenant's identity provider. */
  public static Filter resolve(
      Filter filter,
      ResourceTypeDefinition type,
      Function<String, ScimException> errors,
      Tolerances tolerances) {
    return new FilterResolver(type, errors, tolerances).visit(filter, null);
  }

  private Filter visit(Filter filter, ResolvedPath scope) {
    if (filter instanceof Filter.Comparison c) {
      return comparison(c, scope);
    }
    if (filter instanceof Filter.Present p) {
      return new Filter.Present(path(p.path(), scope).path());
    }
    if (filter instanceof Filter.And a) {
      return new Filter.And(visit(a.left(), scope), visit(a.right(), scope));
    }
    if (filter instanceof Filter.Or o) {
      return new Filter.Or(visit(o.left(), scope), visit(o.right(), scope));
    }
    if (filter instanceof Filter.Not n) {
      return new Filter.Not(visit(n.filter(), scope));
    }
    Filter.ValuePath v = (Filter.ValuePath) filter;
    if (scope != null) {
      throw errors.apply("value filters cannot be nested in '" + scope.path() + "'");
    }
    ResolvedPath attribute = AttributePaths.resolve(v.attribute(), type, errors, tolerances);
    AttributeDefinition definition = attribute.attribute();
    if (attribute.subAttribute() != null || !definition.multiValued() || !definition.isComplex()) {
      throw errors.apply(
          "'" + attribute.path() + "' is not a multi-valued complex attribute; it takes no filter");
    }
    return new Filter.ValuePath(attribute.path(), visit(v.filter(), attribute));
  }

  private ResolvedPath path(AttributePath path, ResolvedPath scope) {
    ResolvedPath resolved = AttributePaths.resolve(path, type, errors, tolerances);
    if (scope != null && !resolved.path().parent().equals(scope.path())) {
      throw errors.apply(
          "'" + resolved.path() + "' is not a sub-attribute of '" + scope.path() + "'");
    }
    if (!isFilterable(resolved)) {
      throw errors.apply("attribute '" + resolved.path() + "' cannot be used in a filter");
    }
    return resolved;
  }

  /**
   * Decided here, so the database and the evaluator refuse alike. A value that is never returned
   * (RFC 7643 §7: {@code returned: never}, {@code writeOnly}, such as the password) must not be
   * revealed by which resources a filter selects; {@code meta.location} and {@code meta.version}
   * are computed when a resource is served, not stored. RFC 7644 §3.4.2.2 answers such an
   * "attribute and filter comparison combination" with {@code invalidFilter}.
   */
  private static boolean isFilterable(ResolvedPath resolved) {
    for (AttributeDefinition definition :
        new AttributeDefinition[] {resolved.attribute(), resolved.target()}) {
      if (definition.returned() == Returned.NEVER
          || definition.mutability() == Mutability.WRITE_ONLY) {
        return false;
      }
    }
    String dotted = resolved.path().schemaUrn() == null ? resolved.path().dotted() : "";
    return !dotted.equals("meta.location") && !dotted.equals("meta.version");
  }

  private Filter comparison(Filter.Comparison comparison, ResolvedPath scope) {
    ResolvedPath resolved = path(comparison.path(), scope);
    AttributePath path = resolved.path();
    AttributeDefinition target = resolved.target();
    if (target.isComplex()) {
      Optional<AttributeDefinition> value = target.subAttribute("value");
      if (resolved.subAttribute() != null || value.isEmpty()) {
        throw errors.apply("'" + path + "' is complex; compare one of its sub-attributes");
      }
      target = value.get();
      path = path.child(target.name());
    }
    ComparisonOperator op = comparison.operator();
    Object literal = comparison.value();
    if (literal == null) {
      if (op == ComparisonOperator.EQ) {
        return new Filter.Not(new Filter.Present(path));
      }
      if (op == ComparisonOperator.NE) {
        return new Filter.Present(path);
      }
      throw errors.apply("'" + op.keyword() + " null' is not supported; use eq, ne or pr");
    }
    checkLiteral(path, target.type(), op, literal);
    // The database knows which schemas a resource has, not their URNs as text to search or order.
    if (target == CommonAttributes.SCHEMAS
        && op != ComparisonOperator.EQ
        && op != ComparisonOperator.NE) {
      throw errors.apply("schemas can only be compared with eq or ne");
    }
    return new Filter.Comparison(path, op, literal);
  }

  private void checkLiteral(
      AttributePath path, AttributeType attributeType, ComparisonOperator op, Object literal) {
    String name = "'" + path + "'";
    switch (attributeType) {
      case STRING:
      case REFERENCE:
        require(literal instanceof String, name + " expects a string");
        break;
      case BINARY:
        require(literal instanceof String, name + " expects a string");
        require(!op.isOrdering(), name + " is binary and cannot be compared with " + op.keyword());
        break;
      case BOOLEAN:
        require(literal instanceof Boolean, name + " expects true or false");
        require(
            op == ComparisonOperator.EQ || op == ComparisonOperator.NE,
            name + " is boolean and cannot be compared with " + op.keyword());
        break;
      case INTEGER:
      case DECIMAL:
        require(literal instanceof BigDecimal, name + " expects a number");
        require(AttributeValues.inRange((BigDecimal) literal), name + " is out of range");
        require(
            !op.isSubstring(), name + " is a number and cannot be compared with " + op.keyword());
        break;
      case DATE_TIME:
        require(
            literal instanceof String && DateTimes.parseWithOffset((String) literal).isPresent(),
            name + " expects a date-time such as \"2011-05-13T04:42:34Z\"");
        require(
            !op.isSubstring(),
            name + " is a date-time and cannot be compared with " + op.keyword());
        break;
      default:
        throw errors.apply(name + " cannot be compared");
    }
  }

  private void require(boolean condition, String message) {
    if (!condition) {
      throw errors.apply(message);
    }
  }
}
