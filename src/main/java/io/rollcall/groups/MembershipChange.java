package io.rollcall.groups;

import io.rollcall.protocol.ScimException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The net effect of one request on a group's members, accumulated operation by operation without
 * reading the members: ids to add, ids to remove, or a whole new member list. Later operations win
 * over earlier ones, so "add x, then remove x" removes x and "remove x, then add x" keeps it, as
 * applying the operations one by one would (RFC 7644 §3.5.2).
 *
 * <p>Applying it is idempotent: adding a member that is already there and removing one that is not
 * change nothing (RFC 7644 §3.5.2.1 "no changes SHOULD be made", §3.5.2.2).
 */
final class MembershipChange {

  /** A member as a client names it: its id and, when the client said so, its type. */
  record MemberRef(String id, MemberType type) {}

  private boolean replacesAll;
  private final Map<String, MemberRef> added = new LinkedHashMap<>();
  private final Set<String> removed = new LinkedHashSet<>();
  private final Set<String> conflicting = new LinkedHashSet<>();

  /** No change yet; operations are added with {@link #add}, {@link #remove}, {@link #replace}. */
  MembershipChange() {}

  /** The members become exactly {@code members}, as for POST and PUT. */
  static MembershipChange replacing(Collection<MemberRef> members) {
    MembershipChange change = new MembershipChange();
    change.replace(members);
    return change;
  }

  void add(Collection<MemberRef> members) {
    for (MemberRef member : members) {
      removed.remove(member.id());
      added.merge(member.id(), member, this::same);
    }
  }

  void remove(Collection<String> ids) {
    for (String id : ids) {
      added.remove(id);
      conflicting.remove(id);
      if (!replacesAll) {
        removed.add(id);
      }
    }
  }

  void replace(Collection<MemberRef> members) {
    replacesAll = true;
    added.clear();
    conflicting.clear();
    removed.clear();
    add(members);
  }

  /** {@code remove} of {@code members} without a value: the group ends up empty. */
  void clear() {
    replace(List.of());
  }

  /** Whether the member list is replaced whole by {@link #added()}, rather than edited. */
  boolean replacesAll() {
    return replacesAll;
  }

  /** The members to add, or with {@link #replacesAll()} the complete new member list. */
  Collection<MemberRef> added() {
    return Collections.unmodifiableCollection(added.values());
  }

  /** The members to remove when the list is edited; empty when it is replaced. */
  Set<String> removed() {
    return Collections.unmodifiableSet(removed);
  }

  boolean isEmpty() {
    return !replacesAll && added.isEmpty() && removed.isEmpty();
  }

  /**
   * Reads the members a client gave: a list (or, tolerated, a single value) of objects with a
   * {@code value} and optionally a {@code type}. The readOnly {@code display} and the
   * server-derived {@code $ref} are ignored. Non-standard tolerance (Entra ID): a plain string is
   * taken as {@code {"value": string}}, as {@link io.rollcall.protocol.patch.PatchEngine} does.
   *
   * @throws ScimException {@code invalidValue} for any other shape
   */
  static List<MemberRef> refs(Object value) {
    Collection<?> items = value instanceof Collection<?> list ? list : List.of(value);
    List<MemberRef> refs = new ArrayList<>();
    for (Object item : items) {
      MemberRef ref = ref(item);
      if (ref != null) {
        refs.add(ref);
      }
    }
    return List.copyOf(refs);
  }

  /**
   * One member named twice: the type either mention gives, so a wrong type is never hidden by a
   * repetition without one. Two different types are remembered rather than refused here: the member
   * may yet be removed by a later operation, as the PATCH engine would let it be.
   */
  private MemberRef same(MemberRef first, MemberRef second) {
    if (first.type() == null) {
      return second;
    }
    if (second.type() != null && second.type() != first.type()) {
      conflicting.add(first.id());
    }
    return first;
  }

  /**
   * @throws ScimException {@code invalidValue} when a member to add was given two types
   */
  void checkTypes() {
    if (!conflicting.isEmpty()) {
      throw ScimException.invalidValue(
          "member '" + clip(conflicting.iterator().next()) + "' is given as both User and Group");
    }
  }

  private static MemberRef ref(Object item) {
    if (item == null) {
      return null;
    }
    if (item instanceof String id) {
      return new MemberRef(checkId(id), null);
    }
    if (!(item instanceof Map<?, ?> map)) {
      throw ScimException.invalidValue("'members' expects objects such as {\"value\": \"id\"}");
    }
    String id = null;
    MemberType type = null;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object member = entry.getValue();
      if (key.equalsIgnoreCase("value")) {
        if (!(member instanceof String text)) {
          throw ScimException.invalidValue("members.value must be a string");
        }
        id = checkId(text);
      } else if (key.equalsIgnoreCase("type")) {
        if (member != null) {
          type =
              member instanceof String text
                  ? MemberType.parse(text).orElseThrow(() -> MemberType.invalid(text))
                  : null;
          if (type == null) {
            throw MemberType.invalid(member);
          }
        }
      } else if (!key.equalsIgnoreCase("display") && !key.equalsIgnoreCase("$ref")) {
        throw ScimException.invalidValue("unknown attribute 'members." + clip(key) + "'")
            .withAuditCode(ScimException.UNKNOWN_ATTRIBUTE);
      }
    }
    if (id == null) {
      throw ScimException.invalidValue("each member needs a \"value\": the id of a User or Group");
    }
    return new MemberRef(id, type);
  }

  private static String checkId(String id) {
    if (id.isBlank()) {
      throw ScimException.invalidValue("members.value must not be blank");
    }
    return id;
  }

  private static String clip(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }
}
