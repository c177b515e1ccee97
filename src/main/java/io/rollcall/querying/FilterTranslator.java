package io.rollcall.querying;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.schema.CaseFolding;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;

/**
 * Compiles a resolved SCIM filter (RFC 7644 §3.4.2.2) into a JPA Criteria predicate over one
 * resource type, for every resource type alike. The logic and the meta attributes are handled here;
 * where an attribute lives comes from the type's {@link ResourceMapping}: a column of its row, or
 * rows of another table. The caller adds the tenant condition around the result.
 *
 * <p>Semantics shared by every type: {@code ne} matches the resources where some value differs from
 * the operand (any value decides, as for every operator on a multi-valued attribute), and those
 * without any value; {@code eq null} asks for an unassigned attribute and {@code ne null} for an
 * assigned one; {@code meta.resourceType} is the same on every resource and decided here; {@code
 * schemas eq "urn:…"} holds for the core schema, and for an extension when the resource has a value
 * in it.
 */
public final class FilterTranslator {

  private final QueryScope scope;
  private final ResourceMapping<?> mapping;
  private final CriteriaBuilder cb;

  public FilterTranslator(QueryScope scope, ResourceMapping<?> mapping) {
    this.scope = scope;
    this.mapping = mapping;
    this.cb = scope.cb();
  }

  public Predicate translate(Filter filter) {
    if (filter instanceof Filter.And and) {
      return cb.and(translate(and.left()), translate(and.right()));
    }
    if (filter instanceof Filter.Or or) {
      return cb.or(translate(or.left()), translate(or.right()));
    }
    if (filter instanceof Filter.Not not) {
      return cb.not(translate(not.filter()));
    }
    if (filter instanceof Filter.Present present) {
      return present(present.path());
    }
    if (filter instanceof Filter.Comparison comparison) {
      return comparison(comparison);
    }
    return mapping.valuePath(scope, (Filter.ValuePath) filter);
  }

  private Predicate present(AttributePath path) {
    if (isResourceType(path) || isSchemas(path)) {
      return cb.conjunction();
    }
    return mapping
        .column(path)
        .map(this::columnPresent)
        .orElseGet(() -> mapping.present(scope, path));
  }

  /** RFC 7644 §3.4.2.2 {@code pr}: a non-empty value; an empty string is kept, but not present. */
  private Predicate columnPresent(ResourceMapping.Column column) {
    Path<?> field = scope.root().get(column.field());
    Predicate set = cb.isNotNull(field);
    return column.kind() == ResourceMapping.Kind.EXACT
            || column.kind() == ResourceMapping.Kind.FOLDED
        ? cb.and(set, cb.notEqual(field, scope.comparisons().param("")))
        : set;
  }

  private Predicate comparison(Filter.Comparison comparison) {
    AttributePath path = comparison.path();
    if (isResourceType(path)) {
      return scope.comparisons().constant(comparison, scope.type().name(), true);
    }
    if (isSchemas(path)) {
      return schemas(comparison);
    }
    if (comparison.value() == null) {
      Predicate present = present(path);
      return switch (comparison.operator()) {
        case EQ -> cb.not(present);
        case NE -> present;
        default -> throw ScimException.invalidFilter("null can only be compared with eq or ne");
      };
    }
    ResourceMapping.Column column = mapping.column(path).orElse(null);
    if (comparison.operator() == ComparisonOperator.NE) {
      Filter.Comparison equal =
          new Filter.Comparison(path, ComparisonOperator.EQ, comparison.value());
      // RFC 7644 §3.4.2.2: a filter on a multi-valued attribute matches when any value satisfies
      // it, so ne holds when some value differs, not only when none is equal; and it holds without
      // any value. Outside the row an attribute may be multi-valued; for a single value this is
      // the same as not eq.
      return column == null
          ? cb.or(
              cb.not(mapping.compare(scope, path, ComparisonOperator.EQ, comparison.value())),
              mapping.compare(scope, path, ComparisonOperator.NE, comparison.value()))
          : cb.or(
              cb.isNull(scope.root().get(column.field())), cb.not(columnComparison(column, equal)));
    }
    return column == null
        ? mapping.compare(scope, path, comparison.operator(), comparison.value())
        : columnComparison(column, comparison);
  }

  private Predicate columnComparison(ResourceMapping.Column column, Filter.Comparison comparison) {
    Path<?> field = scope.root().get(column.field());
    ComparisonOperator op = comparison.operator();
    Object value = comparison.value();
    Comparisons comparisons = scope.comparisons();
    Predicate compared =
        switch (column.kind()) {
          case EXACT -> comparisons.string(typed(field), op, Comparisons.text(value));
          case FOLDED ->
              comparisons.string(typed(field), op, CaseFolding.fold(Comparisons.text(value)));
          case FLAG -> comparisons.flag(field, op, value);
          case TIME -> comparisons.<Instant>ordered(typed(field), op, Comparisons.instant(value));
        };
    // SQL compares NULL as unknown, and NOT unknown is unknown; a SCIM filter on an unassigned
    // attribute is false, so "not (externalId eq ...)" must hold for a user without one.
    return column.alwaysSet() ? compared : cb.and(cb.isNotNull(field), compared);
  }

  /**
   * {@code schemas eq "urn:…"} (RFC 7644 §3.4.2.2): true for the core URN, "has a value in that
   * extension" for an extension of the type, false for any other URN; {@code ne} as below.
   */
  private Predicate schemas(Filter.Comparison comparison) {
    if (!(comparison.value() instanceof String urn)
        || (comparison.operator() != ComparisonOperator.EQ
            && comparison.operator() != ComparisonOperator.NE)) {
      throw ScimException.invalidFilter("schemas can only be compared with eq or ne and a URN");
    }
    boolean core = urn.equalsIgnoreCase(scope.type().schema().id());
    if (comparison.operator() == ComparisonOperator.NE) {
      // Any value decides on a multi-valued attribute (RFC 7644 §3.4.2.2): every resource has the
      // core URN, so ne holds for any other URN, and for the core one when an extension is there.
      return core
          ? cb.or(
              scope.type().extensions().stream()
                  .map(extension -> mapping.hasExtension(scope, extension))
                  .toArray(Predicate[]::new))
          : cb.conjunction();
    }
    return core
        ? cb.conjunction()
        : scope
            .type()
            .extension(urn)
            .map(extension -> mapping.hasExtension(scope, extension))
            .orElse(cb.disjunction());
  }

  /** The sort value of a page: a column of the row, or what the mapping finds elsewhere. */
  public Expression<?> sortValue(Sort sort) {
    return mapping
        .column(sort.path())
        .<Expression<?>>map(column -> scope.root().get(column.field()))
        .orElseGet(() -> mapping.sortValue(scope, sort));
  }

  /** The column's Java type is known from its {@link ResourceMapping.Kind}. */
  @SuppressWarnings("unchecked")
  private static <T> Expression<T> typed(Path<?> field) {
    return (Expression<T>) field;
  }

  private static boolean isResourceType(AttributePath path) {
    return path.schemaUrn() == null && "meta.resourceType".equals(path.dotted());
  }

  private static boolean isSchemas(AttributePath path) {
    return path.schemaUrn() == null
        && !path.hasSubAttribute()
        && "schemas".equals(path.attribute());
  }
}
