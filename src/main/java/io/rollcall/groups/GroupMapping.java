package io.rollcall.groups;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.protocol.schema.SchemaExtension;
import io.rollcall.querying.Comparisons;
import io.rollcall.querying.QueryScope;
import io.rollcall.querying.ResourceMapping;
import io.rollcall.querying.Sort;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.Optional;

/**
 * Where a group's attributes live: {@code id}, {@code displayName} (through its folded key, being
 * {@code caseExact: false}), {@code externalId}, {@code meta.created} and {@code meta.lastModified}
 * are columns of {@code scim_group}; {@code members.value} and {@code members.type} are membership
 * rows, matched as {@code id IN (subquery)} scoped to the tenant. A value filter such as {@code
 * members[value eq "x" and type eq "User"]} holds for one membership row, which is one member (RFC
 * 7644 §3.4.2.2). Anything else, such as {@code members.display} (not stored), is a 400 {@code
 * invalidFilter}; groups sort by their columns only.
 */
final class GroupMapping implements ResourceMapping<GroupRow> {

  static final GroupMapping INSTANCE = new GroupMapping();

  private GroupMapping() {}

  @Override
  public Class<GroupRow> entity() {
    return GroupRow.class;
  }

  @Override
  public String idOf(GroupRow row) {
    return row.id();
  }

  @Override
  public Optional<Column> column(AttributePath path) {
    if (path.schemaUrn() != null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (path.dotted()) {
          case "id" -> new Column("id", Kind.EXACT, true);
          case "displayName" -> new Column("displayNameKey", Kind.FOLDED, true);
          case "externalId" -> new Column("externalId", Kind.EXACT, false);
          case "meta.created" -> new Column("createdAt", Kind.TIME, true);
          case "meta.lastModified" -> new Column("lastModified", Kind.TIME, true);
          default -> null;
        });
  }

  @Override
  public Predicate present(QueryScope scope, AttributePath path) {
    return membership(scope, new Filter.Present(members(path)));
  }

  @Override
  public Predicate compare(
      QueryScope scope, AttributePath path, ComparisonOperator op, Object value) {
    return membership(scope, new Filter.Comparison(members(path), op, value));
  }

  @Override
  public Predicate valuePath(QueryScope scope, Filter.ValuePath valuePath) {
    members(valuePath.attribute());
    return membership(scope, valuePath.filter());
  }

  /** Groups have no schema extensions. */
  @Override
  public Predicate hasExtension(QueryScope scope, SchemaExtension extension) {
    return scope.cb().disjunction();
  }

  @Override
  public Expression<?> sortValue(QueryScope scope, Sort sort) {
    throw ScimException.invalidValue(
        "sortBy cannot use '"
            + sort.path()
            + "'; groups sort by displayName, externalId, id, meta.created or meta.lastModified");
  }

  private static AttributePath members(AttributePath path) {
    if (path.schemaUrn() != null || !"members".equals(path.attribute())) {
      throw unsupported(path);
    }
    return path;
  }

  /** The groups with a membership row that satisfies the filter, evaluated on that one row. */
  private static Predicate membership(QueryScope scope, Filter filter) {
    CriteriaBuilder cb = scope.cb();
    Subquery<String> rows = scope.query().subquery(String.class);
    Root<GroupMember> member = rows.from(GroupMember.class);
    rows.select(member.get("groupId"))
        .where(
            cb.equal(member.get("tenantId"), scope.tenant()),
            new MemberScope(scope, member).translate(filter));
    return scope.id().in(rows);
  }

  /** Conditions on one membership row: {@code members.value} and {@code members.type}. */
  private static final class MemberScope {
    private final CriteriaBuilder cb;
    private final Comparisons comparisons;
    private final Root<GroupMember> member;

    MemberScope(QueryScope scope, Root<GroupMember> member) {
      this.cb = scope.cb();
      this.comparisons = scope.comparisons();
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
        // The stored type is "User" or "Group"; caseExact is false for it (RFC 7643 §4.2).
        boolean folded = "type".equals(c.path().subAttribute());
        String operand = Comparisons.text(c.value());
        return comparisons.string(
            folded ? cb.lower(field) : field,
            c.operator(),
            folded ? CaseFolding.fold(operand) : operand);
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

  private static ScimException unsupported(AttributePath path) {
    return ScimException.invalidFilter("attribute '" + path + "' cannot be used in a filter");
  }
}
