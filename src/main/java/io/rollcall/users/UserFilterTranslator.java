package io.rollcall.users;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.querying.Comparisons;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles a resolved SCIM filter into a JPA Criteria predicate over {@link ScimUser}.
 *
 * <p>Attribute names come only from the schema (the resolved filter has been checked against it)
 * and map either to a column of {@code scim_user} or to rows of the value index; every value is a
 * bind parameter. Each comparison on indexed attributes is an {@code id IN (subquery)} on the
 * (tenant, attribute, value) index; a value filter such as {@code emails[type eq "work" and value
 * co "x"]} ties its conditions to one element through the element number (RFC 7644 §3.4.2.2). The
 * caller wraps the result in the tenant condition.
 */
final class UserFilterTranslator {

  private final CriteriaBuilder cb;
  private final AbstractQuery<?> query;
  private final Root<ScimUser> root;
  private final ResourceTypeDefinition type;
  private final Expression<String> tenant;
  private final Comparisons comparisons;

  /**
   * @param parameters collects the bind values; apply them with {@link Comparisons#bind}
   */
  UserFilterTranslator(
      CriteriaBuilder cb,
      AbstractQuery<?> query,
      Root<ScimUser> root,
      ResourceTypeDefinition type,
      Expression<String> tenant,
      Map<ParameterExpression<?>, Object> parameters) {
    this.cb = cb;
    this.query = query;
    this.root = root;
    this.type = type;
    this.tenant = tenant;
    this.comparisons = new Comparisons(cb, parameters);
  }

  Predicate translate(Filter filter) {
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
    Filter.ValuePath valuePath = (Filter.ValuePath) filter;
    return valuePath(valuePath);
  }

  // ---- columns of scim_user ----

  private enum Column {
    ID("id", true),
    USER_NAME("userNameKey", false),
    EXTERNAL_ID("externalId", true),
    ACTIVE("active", true),
    CREATED("createdAt", true),
    LAST_MODIFIED("lastModified", true);

    final String field;
    final boolean exact;

    Column(String field, boolean exact) {
      this.field = field;
      this.exact = exact;
    }
  }

  /** The column a core attribute lives in, or null when it lives in the value index. */
  private static Column column(AttributePath path) {
    if (path.schemaUrn() != null) {
      return null;
    }
    String name = path.dotted();
    return switch (name) {
      case "id" -> Column.ID;
      case "userName" -> Column.USER_NAME;
      case "externalId" -> Column.EXTERNAL_ID;
      case "active" -> Column.ACTIVE;
      case "meta.created" -> Column.CREATED;
      case "meta.lastModified" -> Column.LAST_MODIFIED;
      default -> null;
    };
  }

  private Predicate present(AttributePath path) {
    if (isResourceType(path) || isSchemas(path)) {
      return cb.conjunction();
    }
    Column column = column(path);
    if (column != null) {
      return cb.isNotNull(root.get(column.field));
    }
    AttributeDefinition attribute = definition(path);
    if (attribute.isComplex() && !path.hasSubAttribute()) {
      List<String> keys = subKeys(path, attribute);
      Subquery<String> rows = userIds();
      Root<UserValue> v = rows.from(UserValue.class);
      rows.select(v.get("userId"))
          .where(cb.equal(v.get("tenantId"), tenant), v.get("attr").in(param(keys)));
      return root.get("id").in(rows);
    }
    Subquery<String> rows = userIds();
    Root<UserValue> v = rows.from(UserValue.class);
    rows.select(v.get("userId"))
        .where(cb.equal(v.get("tenantId"), tenant), cb.equal(v.get("attr"), param(key(path))));
    return root.get("id").in(rows);
  }

  private Predicate comparison(Filter.Comparison comparison) {
    AttributePath path = comparison.path();
    if (isResourceType(path)) {
      return comparisons.constant(comparison, type.name(), true);
    }
    if (isSchemas(path)) {
      return schemas(comparison);
    }
    if (comparison.value() == null) {
      // "eq null" asks for an unassigned attribute, "ne null" for an assigned one.
      Predicate present = present(path);
      return switch (comparison.operator()) {
        case EQ -> cb.not(present);
        case NE -> present;
        default -> throw ScimException.invalidFilter("null can only be compared with eq or ne");
      };
    }
    Column column = column(path);
    if (column != null) {
      return columnComparison(column, definition(path), comparison);
    }
    AttributeDefinition attribute = definition(path);
    if (comparison.operator() == ComparisonOperator.NE) {
      // ne matches resources where no value equals the operand, including those without any.
      return cb.not(indexed(path, attribute, ComparisonOperator.EQ, comparison.value()));
    }
    return indexed(path, attribute, comparison.operator(), comparison.value());
  }

  private Predicate indexed(
      AttributePath path, AttributeDefinition attribute, ComparisonOperator op, Object value) {
    Subquery<String> rows = userIds();
    Root<UserValue> v = rows.from(UserValue.class);
    rows.select(v.get("userId"))
        .where(
            cb.equal(v.get("tenantId"), tenant),
            cb.equal(v.get("attr"), param(key(path))),
            valueCondition(v, attribute, op, value));
    return root.get("id").in(rows);
  }

  /**
   * {@code attr[inner]}: the users having one element of {@code attr} that satisfies the whole
   * inner filter. Elements are enumerated by an anchor condition when the inner filter has one (a
   * comparison every match must satisfy), so the index narrows the search.
   */
  private Predicate valuePath(Filter.ValuePath valuePath) {
    AttributePath attributePath = valuePath.attribute();
    AttributeDefinition attribute = definition(attributePath);
    Subquery<String> rows = userIds();
    Root<UserValue> element = rows.from(UserValue.class);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(element.get("tenantId"), tenant));
    Filter.Comparison anchor = anchor(valuePath.filter());
    if (anchor != null && anchor.value() != null) {
      where.add(cb.equal(element.get("attr"), param(key(anchor.path()))));
      where.add(
          valueCondition(element, definition(anchor.path()), anchor.operator(), anchor.value()));
    } else {
      where.add(element.get("attr").in(param(subKeys(attributePath, attribute))));
    }
    where.add(new ElementScope(element).translate(valuePath.filter()));
    rows.select(element.get("userId")).where(where.toArray(Predicate[]::new));
    return root.get("id").in(rows);
  }

  /**
   * The comparison of the inner filter's top-level conjunction that narrows the elements most: an
   * equality on a free-form sub-attribute ({@code value}) beats one on a sub-attribute with a few
   * canonical values ({@code type}), which beats any other comparison.
   */
  private Filter.Comparison anchor(Filter filter) {
    List<Filter.Comparison> candidates = new ArrayList<>();
    collectConjuncts(filter, candidates);
    Filter.Comparison best = null;
    int bestScore = -1;
    for (Filter.Comparison c : candidates) {
      int score = selectivity(c);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  private static void collectConjuncts(Filter filter, List<Filter.Comparison> into) {
    if (filter instanceof Filter.And and) {
      collectConjuncts(and.left(), into);
      collectConjuncts(and.right(), into);
    } else if (filter instanceof Filter.Comparison c
        && c.operator() != ComparisonOperator.NE
        && c.value() != null) {
      into.add(c);
    }
  }

  private int selectivity(Filter.Comparison c) {
    if (c.operator() != ComparisonOperator.EQ) {
      return c.operator() == ComparisonOperator.SW ? 1 : 0;
    }
    return definition(c.path()).canonicalValues().isEmpty() ? 3 : 2;
  }

  /** Translates the filter inside brackets, each condition bound to the same element. */
  private final class ElementScope {
    private final Root<UserValue> element;

    ElementScope(Root<UserValue> element) {
      this.element = element;
    }

    Predicate translate(Filter filter) {
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
        return cb.exists(sibling(present.path(), null));
      }
      if (filter instanceof Filter.Comparison c) {
        if (c.value() == null) {
          Predicate present = cb.exists(sibling(c.path(), null));
          return c.operator() == ComparisonOperator.EQ ? cb.not(present) : present;
        }
        if (c.operator() == ComparisonOperator.NE) {
          return cb.not(
              cb.exists(
                  sibling(
                      c.path(),
                      new Filter.Comparison(c.path(), ComparisonOperator.EQ, c.value()))));
        }
        return cb.exists(sibling(c.path(), c));
      }
      throw ScimException.invalidFilter("value filters cannot be nested");
    }

    /** Rows of the same user and element for the given sub-attribute, matching the comparison. */
    private Subquery<Integer> sibling(AttributePath path, Filter.Comparison comparison) {
      Subquery<Integer> rows = query.subquery(Integer.class);
      Root<UserValue> x = rows.from(UserValue.class);
      List<Predicate> where = new ArrayList<>();
      where.add(cb.equal(x.get("userId"), element.get("userId")));
      where.add(cb.equal(x.get("element"), element.get("element")));
      where.add(cb.equal(x.get("attr"), param(key(path))));
      if (comparison != null) {
        where.add(valueCondition(x, definition(path), comparison.operator(), comparison.value()));
      }
      rows.select(x.get("element")).where(where.toArray(Predicate[]::new));
      return rows;
    }
  }

  // ---- typed comparisons ----

  private Predicate valueCondition(
      Root<UserValue> v, AttributeDefinition attribute, ComparisonOperator op, Object value) {
    return switch (attribute.type()) {
      case BOOLEAN -> booleanCondition(v.get("boolValue"), op, value);
      case INTEGER, DECIMAL -> comparisons.ordered(v.get("numberValue"), op, number(value));
      case DATE_TIME -> comparisons.ordered(v.get("timeValue"), op, Comparisons.instant(value));
      case COMPLEX ->
          throw ScimException.invalidFilter(
              "attribute '" + attribute.name() + "' is complex: compare one of its sub-attributes");
      default ->
          stringCondition(
              attribute.caseExact() ? v.get("textValue") : v.get("foldedValue"),
              attribute.caseExact(),
              op,
              value);
    };
  }

  private Predicate columnComparison(
      Column column, AttributeDefinition attribute, Filter.Comparison comparison) {
    Path<?> field = root.get(column.field);
    Object value = comparison.value();
    if (comparison.operator() == ComparisonOperator.NE) {
      // As for indexed attributes, ne also matches users that have no value at all.
      Filter.Comparison equal =
          new Filter.Comparison(comparison.path(), ComparisonOperator.EQ, value);
      return cb.or(cb.isNull(field), cb.not(columnComparison(column, attribute, equal)));
    }
    return switch (attribute.type()) {
      case BOOLEAN -> booleanCondition(field, comparison.operator(), value);
      case DATE_TIME ->
          comparisons.ordered(
              root.get(column.field), comparison.operator(), Comparisons.instant(value));
      default ->
          stringCondition(root.get(column.field), column.exact, comparison.operator(), value);
    };
  }

  private Predicate booleanCondition(Path<?> field, ComparisonOperator op, Object value) {
    if (!(value instanceof Boolean b)) {
      throw ScimException.invalidFilter("a boolean attribute must be compared with true or false");
    }
    Short flag = ScimUser.flag(b);
    return switch (op) {
      case EQ -> cb.equal(field, param(flag));
      case NE -> cb.notEqual(field, param(flag));
      default ->
          throw ScimException.invalidFilter(
              "operator '" + op.keyword() + "' does not apply to a boolean attribute");
    };
  }

  private Predicate stringCondition(
      Expression<String> field, boolean caseExact, ComparisonOperator op, Object value) {
    String text = Comparisons.text(value);
    return comparisons.string(
        field, op, AttributeIndex.clip(caseExact ? text : AttributeIndex.fold(text)));
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    throw ScimException.invalidFilter("a numeric attribute must be compared with a number");
  }

  // ---- meta.resourceType is the same for every user ----

  private static boolean isResourceType(AttributePath path) {
    return path.schemaUrn() == null && "meta.resourceType".equals(path.dotted());
  }

  // ---- schemas lists the core schema and the extensions a user has values in ----

  private static boolean isSchemas(AttributePath path) {
    return path.schemaUrn() == null
        && !path.hasSubAttribute()
        && "schemas".equals(path.attribute());
  }

  /**
   * {@code schemas eq "urn:…"} (RFC 7644 §3.4.2.2): true for the core URN, else "has that
   * extension".
   */
  private Predicate schemas(Filter.Comparison comparison) {
    if (!(comparison.value() instanceof String urn)
        || (comparison.operator() != ComparisonOperator.EQ
            && comparison.operator() != ComparisonOperator.NE)) {
      throw ScimException.invalidFilter("schemas can only be compared with eq or ne and a URN");
    }
    Predicate has;
    if (urn.equalsIgnoreCase(type.schema().id())) {
      has = cb.conjunction();
    } else {
      has =
          type.extension(urn)
              .map(
                  extension -> {
                    List<String> keys = new ArrayList<>();
                    extension.schema().attributes().stream()
                        .filter(AttributeIndex::isIndexed)
                        .forEach(
                            a -> {
                              if (a.isComplex()) {
                                keys.addAll(
                                    subKeys(
                                        new AttributePath(extension.schema().id(), a.name(), null),
                                        a));
                              } else {
                                keys.add(
                                    AttributeIndex.key(
                                        type, extension.schema().id(), a.name(), null));
                              }
                            });
                    Subquery<String> rows = userIds();
                    Root<UserValue> v = rows.from(UserValue.class);
                    rows.select(v.get("userId"))
                        .where(cb.equal(v.get("tenantId"), tenant), v.get("attr").in(param(keys)));
                    return root.get("id").in(rows);
                  })
              .orElse(cb.disjunction());
    }
    return comparison.operator() == ComparisonOperator.EQ ? has : cb.not(has);
  }

  // ---- helpers ----

  private Subquery<String> userIds() {
    return query.subquery(String.class);
  }

  private AttributeDefinition definition(AttributePath path) {
    AttributeDefinition attribute =
        type.attribute(path.schemaUrn(), path.attribute())
            .orElseThrow(() -> ScimException.invalidFilter("unknown attribute '" + path + "'"));
    if (path.hasSubAttribute()) {
      attribute =
          attribute
              .subAttribute(path.subAttribute())
              .orElseThrow(() -> ScimException.invalidFilter("unknown attribute '" + path + "'"));
    }
    if (!AttributeIndex.isIndexed(attribute)) {
      throw ScimException.invalidFilter("attribute '" + path + "' cannot be used in a filter");
    }
    if ("meta.location".equals(path.dotted()) || "meta.version".equals(path.dotted())) {
      throw ScimException.invalidFilter("attribute '" + path + "' cannot be used in a filter");
    }
    return attribute;
  }

  private String key(AttributePath path) {
    return AttributeIndex.key(type, path.schemaUrn(), path.attribute(), path.subAttribute());
  }

  private List<String> subKeys(AttributePath path, AttributeDefinition attribute) {
    return attribute.subAttributes().stream()
        .filter(AttributeIndex::isIndexed)
        .map(sub -> AttributeIndex.key(type, path.schemaUrn(), path.attribute(), sub.name()))
        .toList();
  }

  private <T> ParameterExpression<T> param(T value) {
    return comparisons.param(value);
  }

  private ParameterExpression<List<String>> param(List<String> values) {
    return comparisons.params(values);
  }
}
