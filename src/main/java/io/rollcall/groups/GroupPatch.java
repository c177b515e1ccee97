package io.rollcall.groups;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerance;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.filter.AttributePaths;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterResolver;
import io.rollcall.protocol.filter.PatchPath;
import io.rollcall.protocol.filter.ResolvedPath;
import io.rollcall.protocol.patch.PatchOperation;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Group PATCH split in two: the operations on {@code members}, turned into a {@link
 * MembershipChange} that touches only the members it names, and every other operation, which the
 * {@link io.rollcall.protocol.patch.PatchEngine} applies to the group without its members. So a
 * PATCH that adds or removes k members of a group of 100,000 costs O(k), never a rewrite of the
 * member list.
 *
 * <p>The member operations recognised are those identity providers send (RFC 7644 §3.5.2):
 *
 * <ul>
 *   <li>{@code add} with path {@code members} and a list of members;
 *   <li>{@code remove} with path {@code members[value eq "id"]} (or an {@code or} of such tests);
 *   <li>{@code replace} with path {@code members} (the new member list) and {@code remove} with
 *       path {@code members} and no value (no members left);
 *   <li>path-less {@code add} or {@code replace} whose value carries {@code members} next to other
 *       attributes such as {@code displayName} (and the readOnly {@code id} Okta echoes);
 *   <li>Non-standard tolerance REMOVE_LISTED_VALUES (Entra ID, OneLogin, JumpCloud): {@code
 *       "Remove"} with path {@code members} and a value list removes only the listed members, as
 *       the PATCH engine also reads it; OP_IN_ANY_CASE: ops in any case.
 * </ul>
 *
 * <p>A tolerance the tenant's profile does not allow, or a member value with attributes its profile
 * drops, sends the request to the engine, which gives the RFC's answer or drops and reports them:
 * the tolerances are decided in one place.
 *
 * <p>Any other operation touching {@code members} (a filter on {@code type}, a sub-attribute path,
 * a schema-URN path) makes {@link #plan} return empty: the caller then applies the whole request to
 * the complete group with the engine, which is correct for every shape, only slower.
 */
final class GroupPatch {

  private static final String MEMBERS = "members";
  private static final Set<String> MEMBER_KEYS = Set.of("value", "type", "display", "$ref");

  private final List<PatchOperation> attributeOperations;
  private final MembershipChange members;

  private GroupPatch(List<PatchOperation> attributeOperations, MembershipChange members) {
    this.attributeOperations = List.copyOf(attributeOperations);
    this.members = members;
  }

  /** The operations on attributes other than {@code members}, in request order. */
  List<PatchOperation> attributeOperations() {
    return attributeOperations;
  }

  MembershipChange members() {
    return members;
  }

  /**
   * Splits the operations, or returns empty when one of them needs the current member list, or when
   * a member operation is malformed after an operation only the engine can judge.
   *
   * @throws ScimException {@code invalidValue} (naming the operation) for a malformed member value
   */
  static Optional<GroupPatch> plan(List<PatchOperation> operations, ResourceTypeDefinition type) {
    return plan(operations, type, Tolerances.ANY_IDP);
  }

  /** As {@link #plan(List, ResourceTypeDefinition)}, under the tenant's tolerances. */
  static Optional<GroupPatch> plan(
      List<PatchOperation> operations, ResourceTypeDefinition type, Tolerances tolerances) {
    List<PatchOperation> attributes = new ArrayList<>();
    MembershipChange members = new MembershipChange();
    for (int i = 0; i < operations.size(); i++) {
      try {
        if (!plan(operations.get(i), type, tolerances, attributes, members)) {
          return Optional.empty();
        }
      } catch (ScimException e) {
        if (!attributes.isEmpty()) {
          // An earlier operation the engine has not applied yet may fail first, and the first
          // failure is the one to report (RFC 7644 §3.5.2: operations apply in sequence); the
          // engine on the whole group finds it, and a malformed request is rare enough to pay.
          return Optional.empty();
        }
        throw new ScimException(e.status(), e.scimType(), "Operations[" + i + "]: " + e.detail());
      }
    }
    return Optional.of(new GroupPatch(attributes, members));
  }

  private enum Op {
    ADD,
    REMOVE,
    REPLACE;

    /**
     * Case-insensitive under OP_IN_ANY_CASE (Entra ID sends "Add", "Remove", "Replace"); null when
     * unknown, so the engine reports it.
     */
    static Op parse(String op, Tolerances tolerances) {
      boolean anyCase = tolerances.allows(Tolerance.OP_IN_ANY_CASE);
      for (Op candidate : values()) {
        String keyword = candidate.name().toLowerCase(Locale.ROOT);
        if (op != null && (anyCase ? keyword.equalsIgnoreCase(op.trim()) : keyword.equals(op))) {
          return candidate;
        }
      }
      return null;
    }
  }

  /** Files one operation; false when it needs the full member list. */
  private static boolean plan(
      PatchOperation operation,
      ResourceTypeDefinition type,
      Tolerances tolerances,
      List<PatchOperation> attributes,
      MembershipChange members) {
    Op op = operation == null ? null : Op.parse(operation.op(), tolerances);
    if (op == null) {
      // The engine reports what is wrong with it, with the same words as for users.
      attributes.add(operation);
      return true;
    }
    String path = operation.path();
    Object value = operation.value();
    if (path == null || path.isBlank()) {
      return planPathless(operation, op, type, tolerances, attributes, members);
    }
    if (type.schema(path).isPresent()) {
      return false;
    }
    PatchPath parsed;
    ResolvedPath target;
    try {
      parsed = PatchPath.parse(path);
      target =
          AttributePaths.resolve(parsed.target(), type, ScimException::invalidPath, tolerances);
    } catch (ScimException invalid) {
      attributes.add(operation);
      return true;
    }
    if (!target.attribute().hasName(MEMBERS)) {
      attributes.add(operation);
      return true;
    }
    if (target.subAttribute() != null) {
      return false;
    }
    if (!parsed.hasValueFilter()) {
      if (value != null && !fastPathReads(value, tolerances)) {
        return false;
      }
      if (op == Op.REMOVE && value != null && !tolerances.allows(Tolerance.REMOVE_LISTED_VALUES)) {
        return false;
      }
      switch (op) {
        case ADD -> members.add(MembershipChange.refs(required(op, value)));
        case REPLACE -> members.replace(MembershipChange.refs(required(op, value)));
        case REMOVE -> {
          if (value == null) {
            members.clear();
          } else {
            members.remove(ids(MembershipChange.refs(value)));
          }
        }
      }
      return true;
    }
    if (op != Op.REMOVE) {
      return false;
    }
    Set<String> ids;
    try {
      Filter.ValuePath resolved =
          (Filter.ValuePath)
              FilterResolver.resolve(
                  new Filter.ValuePath(parsed.target().parent(), parsed.valueFilter()),
                  type,
                  ScimException::invalidPath,
                  tolerances);
      ids = valueEquals(resolved.filter());
    } catch (ScimException invalid) {
      return false;
    }
    if (ids == null) {
      return false;
    }
    members.remove(ids);
    return true;
  }

  /** A path-less add or replace: {@code members} goes to the change, the rest to the engine. */
  private static boolean planPathless(
      PatchOperation operation,
      Op op,
      ResourceTypeDefinition type,
      Tolerances tolerances,
      List<PatchOperation> attributes,
      MembershipChange members) {
    if (op == Op.REMOVE || !(operation.value() instanceof Map<?, ?> value)) {
      attributes.add(operation);
      return true;
    }
    Map<String, Object> rest = new LinkedHashMap<>();
    boolean hasMembers = false;
    for (Map.Entry<?, ?> entry : value.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (type.schema(key).isPresent()) {
        return false;
      }
      if (key.equalsIgnoreCase(MEMBERS)) {
        if (entry.getValue() != null && !fastPathReads(entry.getValue(), tolerances)) {
          return false;
        }
        if (entry.getValue() != null) {
          List<MembershipChange.MemberRef> refs = MembershipChange.refs(entry.getValue());
          if (op == Op.ADD) {
            members.add(refs);
          } else {
            members.replace(refs);
          }
        }
        hasMembers = true;
      } else {
        rest.put(key, entry.getValue());
      }
    }
    if (!hasMembers) {
      attributes.add(operation);
    } else if (!rest.isEmpty()) {
      attributes.add(new PatchOperation(operation.op(), null, rest));
    }
    return true;
  }

  /**
   * The ids a filter selects when it is {@code value eq "id"} or an {@code or} of such tests; null
   * for any other filter.
   */
  private static Set<String> valueEquals(Filter filter) {
    if (filter instanceof Filter.Or or) {
      Set<String> left = valueEquals(or.left());
      Set<String> right = valueEquals(or.right());
      if (left == null || right == null) {
        return null;
      }
      left.addAll(right);
      return left;
    }
    if (filter instanceof Filter.Comparison c
        && c.operator() == ComparisonOperator.EQ
        && "value".equals(c.path().subAttribute())
        && c.value() instanceof String id) {
      Set<String> ids = new LinkedHashSet<>();
      ids.add(id);
      return ids;
    }
    return null;
  }

  /**
   * Whether {@link MembershipChange#refs} reads a member value as the tenant's profile would: it
   * takes plain strings (PLAIN_VALUE_FOR_COMPLEX) and refuses unknown attributes, so other cases
   * are the engine's.
   */
  private static boolean fastPathReads(Object value, Tolerances tolerances) {
    Collection<?> items = value instanceof Collection<?> list ? list : List.of(value);
    for (Object item : items) {
      if (item instanceof String && !tolerances.allows(Tolerance.PLAIN_VALUE_FOR_COMPLEX)) {
        return false;
      }
      if (item instanceof Map<?, ?> map && tolerances.dropsUnknownAttributes()) {
        for (Object key : map.keySet()) {
          if (!MEMBER_KEYS.contains(String.valueOf(key).toLowerCase(Locale.ROOT))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static Object required(Op op, Object value) {
    if (value == null) {
      throw ScimException.invalidValue(
          op.name().toLowerCase(java.util.Locale.ROOT) + " needs a value");
    }
    return value;
  }

  private static List<String> ids(List<MembershipChange.MemberRef> refs) {
    return refs.stream().map(MembershipChange.MemberRef::id).toList();
  }
}
