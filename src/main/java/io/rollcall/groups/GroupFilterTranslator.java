package io.rollcall.groups;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.querying.Comparisons;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles a resolved SCIM filter into a JPA Criteria predicate over {@link ScimGroup}.
 *
 * <p>A whitelist maps each filterable attribute to where it lives: {@code id}, {@code displayName}
 * (through its lower-cased key, being caseExact=false), {@code externalId}, {@code meta.created}
 * and {@code meta.lastModified} to columns of {@code scim_group}; {@code members.value} and {@code
 * members.type} to the membership table, as {@code id IN (subquery)} scoped to the tenant. A value
 * filter such as {@code members[value eq "x" and type eq "User"]} holds for one membership row,
 * which is one member (RFC 7644 §3.4.2.2). Every value is a bind parameter. Anything else, such as
 * {@code members.display} (not stored), is a 400 {@code invalidFilter}.
 */
final class GroupFilterTranslator {

  private final CriteriaBuilder cb;
  private final AbstractQuery<?> query;
  private final Root<ScimGroup> root;
  private final ResourceTypeDefinition type;
  private final Expression<String> tenant;
  private final Comparisons comparisons;

  GroupFilterTranslator(
      CriteriaBuilder cb,
      AbstractQuery<?> query,
      Root<ScimGroup> root,
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
    if (filter instanceof Filter.ValuePath valuePath) {
      if (!isMembers(valuePath.attribute())) {
        throw unsupported(valuePath.attribute());
      }
      return membership(valuePath.filter());
    }
    AttributePath path =
        filter instanceof Filter.Present p ? p.path() : ((Filter.Comparison) filter).path();
    if (isMembers(path)) {
      if (filter instanceof Filter.Comparison c
          && c.operator() == ComparisonOperator.NE
          && c.value() != null) {
        // As for users: ne matches groups where no member equals the operand, empty ones too.
        return cb.not(membership(new Filter.Comparison(path, ComparisonOperator.EQ, c.value())));
      }
      return membership(filter);
    }
    if (filter instanceof Filter.Present) {
      return present(path);
    }
    return comparison((Filter.Comparison) filter);
  }

  // ---- columns of scim_group ----

  private enum Column {
    ID("id", Kind.EXACT),
    DISPLAY_NAME("displayNameKey", Kind.FOLDED),
    EXTERNAL_ID("externalId", Kind.EXACT),
    CREATED("createdAt", Kind.TIME),
    LAST_MODIFIED("lastModified", Kind.TIME);

    final String field;
    final Kind kind;

    Column(String field, Kind kind) {
      this.field = field;
      this.kind = kind;
    }
  }

  private enum Kind {
    EXACT,
    FOLDED,
    TIME
  }

  private static Column column(AttributePath path) {
    if (path.schemaUrn() != null) {
      return null;
    }
    return switch (path.dotted()) {
      case "id" -> Column.ID;
      case "displayName" -> Column.DISPLAY_NAME;
      case "externalId" -> Column.EXTERNAL_ID;
      case "meta.created" -> Column.CREATED;
      case "meta.lastModified" -> Column.LAST_MODIFIED;
      default -> null;
    };
  }

  private Predicate present(AttributePath path) {
    if (isResourceType(path) || isSchemas(path)) {
      return cb.conjunction();
    }
    return cb.isNotNull(root.get(requireColumn(path).field));
  }

  private Predicate comparison(Filter.Comparison comparison) {
    AttributePath path = comparison.path();
    if (isResourceType(path)) {
      return comparisons.constant(comparison, type.name(), false);
    }
    if (isSchemas(path)) {
      if (comparison.operator() != ComparisonOperator.EQ
          && comparison.operator() != ComparisonOperator.NE) {
        throw ScimException.invalidFilter("schemas can only be compared with eq or ne and a URN");
      }
      return comparisons.constant(comparison, type.schema().id(), false);
    }
    Column column = requireColumn(path);
    Expression<?> field = root.get(column.field);
    if (comparison.value() == null) {
      return switch (comparison.operator()) {
        case EQ -> cb.isNull(field);
        case NE -> cb.isNotNull(field);
        default -> throw ScimException.invalidFilter("null can only be compared with eq or ne");
      };
    }
    if (comparison.operator() == ComparisonOperator.NE) {
      // As for users, ne also matches groups that have no value at all.
      Filter.Comparison equal =
          new Filter.Comparison(path, ComparisonOperator.EQ, comparison.value());
      return cb.or(cb.isNull(field), cb.not(comparison(equal)));
    }
    return switch (column.kind) {
      case TIME ->
          comparisons.ordered(
              root.get(column.field),
              comparison.operator(),
              Comparisons.instant(comparison.value()));
      case FOLDED ->
          string(root.get(column.field), true, comparison.operator(), comparison.value());
      case EXACT ->
          string(root.get(column.field), false, comparison.operator(), comparison.value());
    };
  }

  private Column requireColumn(AttributePath path) {
    Column column = column(path);
    if (column == null) {
      throw unsupported(path);
    }
    return column;
  }

  // ---- members, through the membership table ----

  private static boolean isMembers(AttributePath path) {
    return path.schemaUrn() == null && "members".equals(path.attribute());
  }

  /** The groups with a membership row that satisfies the filter, evaluated on that one row. */
  private Predicate membership(Filter filter) {
    Subquery<String> rows = query.subquery(String.class);
    Root<GroupMember> member = rows.from(GroupMember.class);
    rows.select(member.get("groupId"))
        .where(cb.equal(member.get("tenantId"), tenant), new MemberScope(member).translate(filter));
    return root.get("id").in(rows);
  }

  /** Conditions on one membership row: {@code members.value} and {@code members.type}. */
  private final class MemberScope {
    private final Root<GroupMember> member;

    MemberScope(Root<GroupMember> member) {
      this.member = member;
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
        // value and type are never null; "members pr" asks for any member at all.
        field(present.path());
        return cb.conjunction();
      }
      if (filter instanceof Filter.Comparison c) {
        Expression<String> field = field(c.path());
        if (c.value() == null) {
          return switch (c.operator()) {
            case EQ -> cb.disjunction();
            case NE -> cb.conjunction();
            default -> throw ScimException.invalidFilter("null can only be compared with eq or ne");
          };
        }
        boolean folded = "type".equals(c.path().subAttribute());
        return string(folded ? cb.lower(field) : field, folded, c.operator(), c.value());
      }
      throw ScimException.invalidFilter("value filters cannot be nested");
    }

    private Expression<String> field(AttributePath path) {
      if (!path.hasSubAttribute()) {
        return member.get("memberId");
      }
      return switch (path.subAttribute()) {
        case "value" -> member.get("memberId");
        case "type" -> member.get("memberType");
        default -> throw unsupported(path);
      };
    }
  }

  // ---- typed comparisons ----

  private Predicate string(
      Expression<String> field, boolean fold, ComparisonOperator op, Object value) {
    String text = Comparisons.text(value);
    return comparisons.string(field, op, fold ? text.toLowerCase(Locale.ROOT) : text);
  }

  // ---- meta.resourceType and schemas are the same for every group ----

  private static boolean isResourceType(AttributePath path) {
    return path.schemaUrn() == null && "meta.resourceType".equals(path.dotted());
  }

  private static boolean isSchemas(AttributePath path) {
    return path.schemaUrn() == null
        && !path.hasSubAttribute()
        && "schemas".equals(path.attribute());
  }

  private static ScimException unsupported(AttributePath path) {
    return ScimException.invalidFilter("attribute '" + path + "' cannot be used in a filter");
  }

  private <T> ParameterExpression<T> param(T value) {
    return comparisons.param(value);
  }
}
