package io.rollcall.groups;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.AttributePaths;
import io.rollcall.protocol.filter.ComparisonOperator;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterResolver;
import io.rollcall.protocol.filter.PatchPath;
import io.rollcall.protocol.filter.ResolvedPath;
import io.rollcall.protocol.patch.PatchOperation;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
 *   <li>Non-standard tolerance (Entra ID): {@code "Remove"} with path {@code members} and a value
 *       list removes only the listed members, as the PATCH engine also reads it; ops in any case.
 * </ul>
 *
 * <p>Any other operation touching {@code members} (a filter on {@code type}, a sub-attribute path,
 * a schema-URN path) makes {@link #plan} return empty: the caller then applies the whole request to
 * the complete group with the engine, which is correct for every shape, only slower.
 */
final class GroupPatch {

  private static final String MEMBERS = "members";

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
    List<PatchOperation> attributes = new ArrayList<>();
    MembershipChange members = new MembershipChange();
    for (int i = 0; i < operations.size(); i++) {
      try {
        if (!plan(operations.get(i), type, attributes, members)) {
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

    /** Case-insensitive (Entra ID sends "Add", "Remove", "Replace"); null when unknown. */
    static Op parse(String op) {
      for (Op candidate : values()) {
        if (op != null && candidate.name().equalsIgnoreCase(op.trim())) {
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
      List<PatchOperation> attributes,
      MembershipChange members) {
    Op op = operation == null ? null : Op.parse(operation.op());
    if (op == null) {
      // The engine reports what is wrong with it, with the same words as for users.
      attributes.add(operation);
      return true;
    }
    String path = operation.path();
    Object value = operation.value();
    if (path == null || path.isBlank()) {
      return planPathless(operation, op, type, attributes, members);
    }
    if (type.schema(path).isPresent()) {
      return false;
    }
    PatchPath parsed;
    ResolvedPath target;
    try {
      parsed = PatchPath.parse(path);
      target = AttributePaths.resolve(parsed.target(), type, ScimException::invalidPath);
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
                  ScimException::invalidPath);
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
