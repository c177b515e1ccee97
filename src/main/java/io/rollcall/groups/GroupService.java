package io.rollcall.groups;

import io.rollcall.audit.DroppedAttributeNotes;
import io.rollcall.groups.MembershipChange.MemberRef;
import io.rollcall.protocol.DroppedAttributes;
import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.patch.PatchEngine;
import io.rollcall.protocol.patch.PatchOperation;
import io.rollcall.protocol.resource.ResourceNormalizer;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.querying.ResourceSearch;
import io.rollcall.security.CurrentClient;
import io.rollcall.users.Versions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The use cases of {@code /Groups}. Each public method is one transaction, so a PATCH mixing a
 * rename with member changes is atomic: an unknown member id fails the whole request and nothing
 * changes. The tenant always comes from the authenticated client, and a tenant without groups gets
 * 404 for every call (RFC 7644 §3.12: the endpoint does not exist for it).
 *
 * <p>The group's attributes other than {@code members} follow the users' single write path:
 * canonical form by the {@link ResourceNormalizer}, PATCH by the {@link PatchEngine}, uniqueness of
 * {@code displayName} by a check plus a unique index. Members are rows, changed by a {@link
 * MembershipChange}: only the rows a request names are read or written.
 */
@Stateless
public class GroupService {

  @Inject CurrentClient client;
  @Inject GroupRepository groups;
  @Inject DroppedAttributeNotes dropped;

  Clock clock = Clock.systemUTC();

  /** What the calling tenant's identity provider may send that the RFC would refuse. */
  private Tolerances tolerances() {
    return client.tenant().idpProfile().tolerances();
  }

  /** A resource body as the tenant's profile reads it; dropped names go to the audit entry. */
  private Map<String, Object> normalize(ResourceTypeDefinition type, Map<String, Object> input) {
    DroppedAttributes names = new DroppedAttributes();
    Map<String, Object> canonical =
        new ResourceNormalizer(type, tolerances(), names).normalize(input);
    dropped.note(names);
    return canonical;
  }

  private Map<String, Object> patched(
      ResourceTypeDefinition type, Map<String, Object> current, List<PatchOperation> operations) {
    DroppedAttributes names = new DroppedAttributes();
    Map<String, Object> result = PatchEngine.apply(current, operations, type, tolerances(), names);
    dropped.note(names);
    return normalize(type, result);
  }

  /** The Group resource type of the calling tenant; 404 when the tenant has groups turned off. */
  public ResourceTypeDefinition groupType() {
    return enabledGroupType()
        .orElseThrow(() -> ScimException.notFound("Groups are not enabled for this tenant."));
  }

  /** The Group resource type, or empty when the calling tenant has groups turned off. */
  public Optional<ResourceTypeDefinition> enabledGroupType() {
    return client.tenant().schemaRegistry().resourceType("Group");
  }

  /**
   * @param withMembers whether the answer needs the members; false reads no membership row
   */
  public Group create(Map<String, Object> input, boolean withMembers) {
    ResourceTypeDefinition type = groupType();
    Map<String, Object> canonical = normalize(type, input);
    MembershipChange members = MembershipChange.replacing(memberRefs(canonical));
    GroupRow group = new GroupRow(client.tenantId(), clock.instant());
    store(group, canonical, true);
    applyMembers(group, members, true);
    groups.flush();
    return view(group, type, withMembers);
  }

  public Group get(String id, boolean withMembers) {
    ResourceTypeDefinition type = groupType();
    return view(existing(id, false), type, withMembers);
  }

  /** RFC 7644 §3.5.1: replaces the attributes and the whole member list. */
  public Group replace(String id, Map<String, Object> input, String ifMatch, boolean withMembers) {
    ResourceTypeDefinition type = groupType();
    GroupRow group = existing(id, true);
    Versions.checkIfMatch(ifMatch, group.version());
    Map<String, Object> current = GroupDocuments.fromStored(type, group.document());
    Map<String, Object> canonical = normalize(type, input);
    MembershipChange members = MembershipChange.replacing(memberRefs(canonical));
    new ResourceNormalizer(type).checkReplace(current, canonical);
    write(group, current, canonical, members);
    return view(group, type, withMembers);
  }

  /**
   * RFC 7644 §3.5.2. Operations on {@code members} become row inserts and deletes (see {@link
   * GroupPatch}); the others run through the PATCH engine on the group without its members and are
   * stored like a PUT. Shapes that need the member list fall back to the engine on the whole group.
   */
  public Group patch(
      String id, List<PatchOperation> operations, String ifMatch, boolean withMembers) {
    ResourceTypeDefinition type = groupType();
    GroupRow group = existing(id, true);
    Versions.checkIfMatch(ifMatch, group.version());
    Map<String, Object> current = GroupDocuments.fromStored(type, group.document());
    Optional<GroupPatch> plan = GroupPatch.plan(operations, type, tolerances());
    Map<String, Object> canonical;
    MembershipChange members;
    if (plan.isPresent()) {
      List<PatchOperation> attributeOperations = plan.get().attributeOperations();
      canonical =
          attributeOperations.isEmpty() ? current : patched(type, current, attributeOperations);
      members = plan.get().members();
    } else {
      Map<String, Object> whole = new LinkedHashMap<>(current);
      whole.put("members", memberValues(group));
      canonical = patched(type, whole, operations);
      members = MembershipChange.replacing(memberRefs(canonical));
    }
    write(group, current, withoutMembers(canonical), members);
    return view(group, type, withMembers);
  }

  public void delete(String id, String ifMatch) {
    groupType();
    GroupRow group = existing(id, true);
    Versions.checkIfMatch(ifMatch, group.version());
    groups.delete(group);
  }

  /** One page of groups and what a client needs to fetch the next one. */
  public record GroupPage(
      long totalResults, int startIndex, List<Group> groups, String nextCursor) {}

  /**
   * @param withMembers whether the page needs members: with them, one query loads the members of
   *     the whole page; without them (Entra ID's {@code excludedAttributes=members}) none is made
   */
  public GroupPage search(ListRequest request, boolean withMembers) {
    ResourceTypeDefinition type = groupType();
    ResourceSearch.Listed<GroupRow> page =
        groups.searches().list(client.tenantId(), type, request, clock.instant(), tolerances());
    return new GroupPage(
        page.total(), page.startIndex(), views(page.rows(), type, withMembers), page.nextCursor());
  }

  // ---- the write path ----

  /** Stores the attributes if they changed and applies the member change, as one unit. */
  private void write(
      GroupRow group,
      Map<String, Object> current,
      Map<String, Object> canonical,
      MembershipChange members) {
    boolean attributesChanged = !current.equals(withoutMembers(canonical));
    if (attributesChanged) {
      store(group, canonical, false);
    }
    if (applyMembers(group, members, false) && !attributesChanged) {
      group.membersChanged(clock.instant());
    }
    groups.flush();
  }

  private void store(GroupRow group, Map<String, Object> canonical, boolean isNew) {
    String displayName = (String) canonical.get("displayName");
    if (groups.displayNameTaken(client.tenantId(), displayName, isNew ? null : group.id())) {
      throw ScimException.uniqueness("displayName '" + displayName + "' is already taken");
    }
    Object externalId = canonical.get("externalId");
    group.store(
        displayName,
        externalId instanceof String s ? s : null,
        GroupDocuments.toStored(canonical),
        // RFC 7643 §3.1: a resource never modified has lastModified equal to created.
        isNew ? group.createdAt() : clock.instant());
    if (isNew) {
      groups.insert(group);
    }
    try {
      groups.flush();
    } catch (PersistenceException e) {
      // A concurrent write won the unique index between our check and our statement.
      throw ScimException.uniqueness("displayName '" + displayName + "' is already taken");
    }
  }

  /**
   * Inserts and deletes membership rows; reads only the rows of the members named, except when the
   * whole list is replaced. Every new member must be a user or group of the tenant.
   *
   * @return whether any row changed
   */
  private boolean applyMembers(GroupRow group, MembershipChange change, boolean isNew) {
    if (change.isEmpty()) {
      return false;
    }
    change.checkTypes();
    Map<String, MemberRef> wanted = new LinkedHashMap<>();
    change.added().forEach(ref -> wanted.put(ref.id(), ref));
    Collection<String> toRemove;
    Set<String> present;
    if (change.replacesAll()) {
      present = isNew ? Set.of() : groups.memberIds(group);
      toRemove = present.stream().filter(id -> !wanted.containsKey(id)).toList();
    } else {
      present = groups.existingMembers(group, wanted.keySet());
      toRemove = change.removed();
    }
    // A type the client gives is checked for members already present too: a wrong claim fails
    // the request whether or not it would change a row, as it does when the PATCH engine applies
    // the request to the whole group.
    Map<String, MemberType> resolved =
        resolve(
            group,
            wanted.values().stream()
                .filter(ref -> ref.type() != null || !present.contains(ref.id()))
                .toList());
    Map<String, MemberType> added = new LinkedHashMap<>(resolved);
    added.keySet().removeAll(present);
    int removed = toRemove.isEmpty() ? 0 : groups.removeMembers(group, toRemove);
    groups.addMembers(group, added);
    return removed > 0 || !added.isEmpty();
  }

  /**
   * The type of each new member, checked against the tenant's users and groups: an unknown id, or
   * one of another tenant, is a 400 {@code invalidValue}, never a silent link.
   */
  private Map<String, MemberType> resolve(GroupRow group, List<MemberRef> refs) {
    if (refs.isEmpty()) {
      return Map.of();
    }
    if (refs.stream().anyMatch(ref -> ref.id().equals(group.id()))) {
      throw ScimException.invalidValue("a group cannot be a member of itself");
    }
    Map<String, MemberType> known =
        groups.memberTypes(client.tenantId(), refs.stream().map(MemberRef::id).toList());
    List<String> unknown =
        refs.stream().map(MemberRef::id).filter(id -> !known.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      throw ScimException.invalidValue(
          "members.value: no User or Group with id "
              + unknown.stream()
                  .limit(10)
                  .map(id -> "'" + clip(id) + "'")
                  .collect(Collectors.joining(", "))
              + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : ""));
    }
    Map<String, MemberType> resolved = new LinkedHashMap<>();
    for (MemberRef ref : refs) {
      MemberType actual = known.get(ref.id());
      if (ref.type() != null && ref.type() != actual) {
        throw ScimException.invalidValue(
            "member '"
                + ref.id()
                + "' is a "
                + actual.scimName()
                + ", not a "
                + ref.type().scimName());
      }
      resolved.put(ref.id(), actual);
    }
    return resolved;
  }

  /**
   * The current members as the PATCH engine sees them, for requests it must apply whole: with
   * {@code display}, as a GET shows them, so that a value filter on it ({@code members[display eq
   * "ann"]}) selects the members a client sees (RFC 7644 §3.5.2: the path selects values of the
   * resource).
   */
  private List<Map<String, Object>> memberValues(GroupRow group) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (Group.Member member :
        groups.members(group.tenantId(), List.of(group.id())).get(group.id())) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("value", member.value());
      if (member.display() != null) {
        value.put("display", member.display());
      }
      value.put("type", member.type().scimName());
      values.add(value);
    }
    return values;
  }

  private static List<MemberRef> memberRefs(Map<String, Object> canonical) {
    Object members = canonical.get("members");
    return members == null ? List.of() : MembershipChange.refs(members);
  }

  private static Map<String, Object> withoutMembers(Map<String, Object> canonical) {
    if (!canonical.containsKey("members")) {
      return canonical;
    }
    Map<String, Object> copy = new LinkedHashMap<>(canonical);
    copy.remove("members");
    return copy;
  }

  private GroupRow existing(String id, boolean forUpdate) {
    if (id == null || id.length() > 64) {
      throw ScimException.notFound("No group with id " + clip(String.valueOf(id)));
    }
    return (forUpdate
            ? groups.findForUpdate(client.tenantId(), id)
            : groups.find(client.tenantId(), id))
        .orElseThrow(() -> ScimException.notFound("No group with id " + id));
  }

  private List<Group> views(List<GroupRow> page, ResourceTypeDefinition type, boolean withMembers) {
    Map<String, List<Group.Member>> members =
        withMembers && !page.isEmpty()
            ? groups.members(client.tenantId(), page.stream().map(GroupRow::id).toList())
            : new HashMap<>();
    return page.stream().map(g -> view(g, type, withMembers ? members.get(g.id()) : null)).toList();
  }

  private Group view(GroupRow group, ResourceTypeDefinition type, boolean withMembers) {
    return view(
        group,
        type,
        withMembers ? groups.members(group.tenantId(), List.of(group.id())).get(group.id()) : null);
  }

  private static Group view(
      GroupRow group, ResourceTypeDefinition type, List<Group.Member> members) {
    return new Group(
        group.id(),
        GroupDocuments.fromStored(type, group.document()),
        members,
        group.createdAt(),
        group.lastModified(),
        group.version());
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
