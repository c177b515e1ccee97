package io.rollcall.users;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.AttributeType;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.SchemaExtension;
import io.rollcall.querying.Comparisons;
import io.rollcall.querying.QueryScope;
import io.rollcall.querying.ResourceMapping;
import io.rollcall.querying.Sort;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a user's attributes live: a few core attributes are columns of {@code scim_user}; every
 * other filterable value is a row of the value index ({@link UserValue}, keyed by tenant, attribute
 * key and value). A comparison on the index is an {@code id IN (subquery)} on that key; a value
 * filter such as {@code emails[type eq "work" and value co "x"]} ties its conditions to one element
 * through the element number (RFC 7644 §3.4.2.2).
 */
final class UserMapping implements ResourceMapping<UserRow> {

  static final UserMapping INSTANCE = new UserMapping();

  private UserMapping() {}

  @Override
  public Class<UserRow> entity() {
    return UserRow.class;
  }

  @Override
  public String idOf(UserRow row) {
    return row.id();
  }

  /**
   * {@code active} is not among the columns: the column holds the access status, true when the
   * attribute is unassigned, whereas a filter compares the representation (RFC 7644 §3.4.2.2), in
   * which an unassigned {@code active} has no value (RFC 7643 §2.5) and matches neither {@code eq
   * true} nor {@code pr}. The value index holds it exactly when the representation does.
   */
  @Override
  public Optional<Column> column(AttributePath path) {
    if (path.schemaUrn() != null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (path.dotted()) {
          case "id" -> new Column("id", Kind.EXACT, true);
          case "userName" -> new Column("userNameKey", Kind.FOLDED, true);
          case "externalId" -> new Column("externalId", Kind.EXACT, false);
          case "meta.created" -> new Column("createdAt", Kind.TIME, true);
          case "meta.lastModified" -> new Column("lastModified", Kind.TIME, true);
          default -> null;
        });
  }

  @Override
  public Predicate present(QueryScope scope, AttributePath path) {
    AttributeDefinition attribute = definition(scope, path);
    List<String> keys =
        attribute.isComplex() && !path.hasSubAttribute()
            ? subKeys(scope, path, attribute)
            : List.of(key(scope, path));
    return usersWithKeys(scope, keys, true);
  }

  @Override
  public Predicate compare(
      QueryScope scope, AttributePath path, ComparisonOperator op, Object value) {
    CriteriaBuilder cb = scope.cb();
    Subquery<String> rows = scope.query().subquery(String.class);
    Root<UserValue> v = rows.from(UserValue.class);
    rows.select(v.get("userId"))
        .where(
            cb.equal(v.get("tenantId"), scope.tenant()),
            cb.equal(v.get("attr"), scope.comparisons().param(key(scope, path))),
            valueCondition(scope, v, definition(scope, path), op, value));
    return scope.id().in(rows);
  }

  /**
   * The users having one element of the attribute that satisfies the whole inner filter. Elements
   * are enumerated by an anchor condition when the inner filter has one (a comparison every match
   * must satisfy), so the index narrows the search.
   */
  @Override
  public Predicate valuePath(QueryScope scope, Filter.ValuePath valuePath) {
    CriteriaBuilder cb = scope.cb();
    AttributePath attributePath = valuePath.attribute();
    AttributeDefinition attribute = definition(scope, attributePath);
    Subquery<String> rows = scope.query().subquery(String.class);
    Root<UserValue> element = rows.from(UserValue.class);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(element.get("tenantId"), scope.tenant()));
    Filter.Comparison anchor = anchor(scope, valuePath.filter());
    if (anchor != null) {
      where.add(
          cb.equal(element.get("attr"), scope.comparisons().param(key(scope, anchor.path()))));
      where.add(
          valueCondition(
              scope, element, definition(scope, anchor.path()), anchor.operator(), anchor.value()));
    } else {
      where.add(
          element
              .get("attr")
              .in(scope.comparisons().params(subKeys(scope, attributePath, attribute))));
    }
    where.add(new ElementScope(scope, element).translate(valuePath.filter()));
    rows.select(element.get("userId")).where(where.toArray(Predicate[]::new));
    return scope.id().in(rows);
  }

  /**
   * An equality on a free-form string held in the value index, at the top level of the filter or as
   * the anchor of a top-level value filter — {@code emails[type eq "work"].value eq "…"}, {@code
   * title eq "…"}: a user matching the filter has that value row, so the query can start from its
   * index entry.
   */
  @Override
  public Optional<Predicate> anchorJoin(QueryScope scope, Filter filter) {
    Filter.Comparison anchor = topLevelAnchor(scope, filter);
    if (anchor == null) {
      return Optional.empty();
    }
    CriteriaBuilder cb = scope.cb();
    @SuppressWarnings("unchecked")
    Root<UserRow> root = (Root<UserRow>) scope.root();
    Join<UserRow, UserValue> value = root.join("values");
    return Optional.of(
        cb.and(
            cb.equal(value.get("tenantId"), scope.tenant()),
            cb.equal(value.get("attr"), scope.comparisons().param(key(scope, anchor.path()))),
            valueCondition(
                scope,
                value,
                definition(scope, anchor.path()),
                anchor.operator(),
                anchor.value())));
  }

  private static Filter.Comparison topLevelAnchor(QueryScope scope, Filter filter) {
    if (filter instanceof Filter.And and) {
      Filter.Comparison left = topLevelAnchor(scope, and.left());
      return left != null ? left : topLevelAnchor(scope, and.right());
    }
    Filter.Comparison candidate =
        filter instanceof Filter.ValuePath valuePath
            ? anchor(scope, valuePath.filter())
            : filter instanceof Filter.Comparison comparison ? comparison : null;
    return candidate != null && isSelective(scope, candidate) ? candidate : null;
  }

  /** {@code meta} and {@code schemas}: answered from columns and the schema, not the index. */
  private static boolean isCommon(AttributePath path) {
    return path.schemaUrn() == null
        && (path.attribute().equalsIgnoreCase("meta")
            || path.attribute().equalsIgnoreCase("schemas"));
  }

  /** An equality with a free-form string of the value index (not a column, not a flag or code). */
  private static boolean isSelective(QueryScope scope, Filter.Comparison c) {
    if (c.operator() != ComparisonOperator.EQ
        || c.value() == null
        || INSTANCE.column(c.path()).isPresent()
        || isCommon(c.path())) {
      return false;
    }
    try {
      AttributeDefinition attribute = definition(scope, c.path());
      return (attribute.type() == AttributeType.STRING
              || attribute.type() == AttributeType.REFERENCE)
          && attribute.canonicalValues().isEmpty();
    } catch (ScimException notInTheIndex) {
      return false;
    }
  }

  @Override
  public Predicate hasExtension(QueryScope scope, SchemaExtension extension) {
    String urn = extension.schema().id();
    List<String> keys = new ArrayList<>();
    for (AttributeDefinition a : extension.schema().attributes()) {
      if (!AttributeIndex.isIndexed(a)) {
        continue;
      }
      if (a.isComplex()) {
        keys.addAll(subKeys(scope, new AttributePath(urn, a.name(), null), a));
      } else {
        keys.add(AttributeIndex.key(scope.type(), urn, a.name(), null));
      }
    }
    // An extension holding only empty strings is still in the representation's schemas.
    return usersWithKeys(scope, keys, false);
  }

  @Override
  public Expression<?> sortValue(QueryScope scope, Sort sort) {
    if (!AttributeIndex.isIndexed(sort.attribute())) {
      throw ScimException.invalidValue("sortBy cannot use '" + sort.path() + "'");
    }
    CriteriaBuilder cb = scope.cb();
    @SuppressWarnings("unchecked")
    Root<UserRow> root = (Root<UserRow>) scope.root();
    Join<UserRow, UserValue> value = root.join("values", JoinType.LEFT);
    // The key comes from the schema (the path was resolved against it), never from the client.
    value.on(
        cb.equal(value.get("attr"), cb.literal(key(scope, sort.path()))),
        cb.equal(value.get("sortKey"), cb.literal(Comparisons.flag(true))));
    return switch (sort.attribute().type()) {
      case BOOLEAN -> value.get("boolValue");
      case INTEGER, DECIMAL -> value.get("numberValue");
      case DATE_TIME -> value.get("timeValue");
      case COMPLEX -> throw ScimException.invalidValue("sortBy must name a simple attribute");
      default -> sort.attribute().caseExact() ? value.get("textValue") : value.get("foldedValue");
    };
  }

  // ---- the value index ----

  /**
   * @param nonEmpty whether only values that {@code pr} sees count: RFC 7644 §3.4.2.2 asks for a
   *     non-empty value, and an empty string is kept as sent
   */
  private static Predicate usersWithKeys(QueryScope scope, List<String> keys, boolean nonEmpty) {
    CriteriaBuilder cb = scope.cb();
    if (keys.isEmpty()) {
      return cb.disjunction();
    }
    Subquery<String> rows = scope.query().subquery(String.class);
    Root<UserValue> v = rows.from(UserValue.class);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(v.get("tenantId"), scope.tenant()));
    where.add(
        keys.size() == 1
            ? cb.equal(v.get("attr"), scope.comparisons().param(keys.get(0)))
            : v.get("attr").in(scope.comparisons().params(keys)));
    if (nonEmpty) {
      where.add(nonEmpty(scope, v));
    }
    rows.select(v.get("userId")).where(where.toArray(Predicate[]::new));
    return scope.id().in(rows);
  }

  /** A row that is not an empty string: rows of other types have no text. */
  private static Predicate nonEmpty(QueryScope scope, Root<UserValue> v) {
    CriteriaBuilder cb = scope.cb();
    return cb.or(
        cb.isNull(v.get("textValue")),
        cb.notEqual(v.get("textValue"), scope.comparisons().param("")));
  }

  private static Predicate valueCondition(
      QueryScope scope,
      From<?, UserValue> v,
      AttributeDefinition attribute,
      ComparisonOperator op,
      Object value) {
    Comparisons comparisons = scope.comparisons();
    return switch (attribute.type()) {
      case BOOLEAN -> comparisons.flag(v.get("boolValue"), op, value);
      case INTEGER, DECIMAL ->
          comparisons.ordered(v.get("numberValue"), op, Comparisons.number(value));
      case DATE_TIME -> comparisons.ordered(v.get("timeValue"), op, Comparisons.instant(value));
      case COMPLEX ->
          throw ScimException.invalidFilter(
              "attribute '" + attribute.name() + "' is complex: compare one of its sub-attributes");
      default -> {
        String text = Comparisons.text(value);
        boolean exact = attribute.caseExact();
        yield comparisons.byPrefix(
            v.get(exact ? "textPrefix" : "foldedPrefix"),
            AttributeIndex.PREFIX_LENGTH,
            v.get(exact ? "textValue" : "foldedValue"),
            op,
            exact ? text : CaseFolding.fold(text));
      }
    };
  }

  /**
   * The comparison of the inner filter's top-level conjunction that narrows the elements most: an
   * equality on a free-form sub-attribute ({@code value}) beats one on a sub-attribute with a few
   * canonical values ({@code type}), which beats any other comparison. Null when there is none.
   */
  private static Filter.Comparison anchor(QueryScope scope, Filter filter) {
    List<Filter.Comparison> candidates = new ArrayList<>();
    collectConjuncts(filter, candidates);
    Filter.Comparison best = null;
    int bestScore = -1;
    for (Filter.Comparison c : candidates) {
      int score = selectivity(scope, c);
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

  private static int selectivity(QueryScope scope, Filter.Comparison c) {
    if (c.operator() != ComparisonOperator.EQ) {
      return c.operator() == ComparisonOperator.SW ? 1 : 0;
    }
    return definition(scope, c.path()).canonicalValues().isEmpty() ? 3 : 2;
  }

  /** Translates the filter inside brackets, each condition bound to the same element. */
  private static final class ElementScope {
    private final QueryScope scope;
    private final CriteriaBuilder cb;
    private final Root<UserValue> element;

    ElementScope(QueryScope scope, Root<UserValue> element) {
      this.scope = scope;
      this.cb = scope.cb();
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
      Subquery<Integer> rows = scope.query().subquery(Integer.class);
      Root<UserValue> x = rows.from(UserValue.class);
      List<Predicate> where = new ArrayList<>();
      where.add(cb.equal(x.get("userId"), element.get("userId")));
      where.add(cb.equal(x.get("element"), element.get("element")));
      where.add(cb.equal(x.get("attr"), scope.comparisons().param(key(scope, path))));
      if (comparison != null) {
        where.add(
            valueCondition(
                scope, x, definition(scope, path), comparison.operator(), comparison.value()));
      } else {
        where.add(nonEmpty(scope, x));
      }
      rows.select(x.get("element")).where(where.toArray(Predicate[]::new));
      return rows;
    }
  }

  // ---- keys and definitions, from the schema only ----

  private static AttributeDefinition definition(QueryScope scope, AttributePath path) {
    AttributeDefinition attribute =
        scope
            .type()
            .attribute(path.schemaUrn(), path.attribute())
            .orElseThrow(() -> unknownAttribute(path));
    if (path.hasSubAttribute()) {
      attribute =
          attribute.subAttribute(path.subAttribute()).orElseThrow(() -> unknownAttribute(path));
    }
    if (!AttributeIndex.isIndexed(attribute)
        || "meta.location".equals(path.dotted())
        || "meta.version".equals(path.dotted())) {
      throw ScimException.invalidFilter("attribute '" + path + "' cannot be used in a filter");
    }
    return attribute;
  }

  private static String key(QueryScope scope, AttributePath path) {
    return AttributeIndex.key(
        scope.type(), path.schemaUrn(), path.attribute(), path.subAttribute());
  }

  private static List<String> subKeys(
      QueryScope scope, AttributePath path, AttributeDefinition attribute) {
    return attribute.subAttributes().stream()
        .filter(AttributeIndex::isIndexed)
        .map(
            sub -> AttributeIndex.key(scope.type(), path.schemaUrn(), path.attribute(), sub.name()))
        .toList();
  }

  private static ScimException unknownAttribute(AttributePath path) {
    return ScimException.invalidFilter("unknown attribute '" + path + "'")
        .withAuditCode(ScimException.UNKNOWN_ATTRIBUTE);
  }
}
