package io.rollcall.groups;

import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.querying.ResourceRows;
import io.rollcall.querying.ResourceSearch;
import io.rollcall.users.UserGroups.UserGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes groups and their membership rows. Every query takes the tenant id and puts it in
 * the WHERE clause, membership rows included; nothing reads groups or members by id alone.
 *
 * <p>Member writes are proportional to the members named. Membership rows are looked up and deleted
 * one statement per member, each an exact primary-key match: H2 does not turn {@code member_id IN
 * (…)} into key lookups when {@code member_id} is the second key column and scans the whole group
 * instead (measured: 10 ids in a group of 100,000 took 60–230 ms as one IN statement, 1.3 ms as ten
 * key lookups). Users and groups are looked up by id in chunks of {@link #CHUNK}, as {@code id}
 * leads their primary key.
 */
@ApplicationScoped
public class GroupRepository {

  /** Ids per IN list: well below the bind-parameter limits of H2 and PostgreSQL. */
  static final int CHUNK = 500;

  /** How many levels of nested groups {@code User.groups} follows. */
  static final int MAX_NESTING = 16;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  /** Made on first use: the entity manager is injected (or, in tests, set) after construction. */
  private ResourceRows<GroupRow> rows;

  private ResourceRows<GroupRow> rows() {
    if (rows == null) {
      rows = new ResourceRows<>(em, GroupMapping.INSTANCE);
    }
    return rows;
  }

  Optional<GroupRow> find(String tenantId, String id) {
    return rows().find(tenantId, id);
  }

  /** Reads the row and locks it until the transaction ends, so writes never interleave. */
  Optional<GroupRow> findForUpdate(String tenantId, String id) {
    return rows().findForUpdate(tenantId, id);
  }

  boolean displayNameTaken(String tenantId, String displayName, String exceptId) {
    return !em.createQuery(
            "SELECT g.id FROM GroupRow g WHERE g.tenantId = :tenant AND g.displayNameKey = :key"
                + " AND g.id <> :except",
            String.class)
        .setParameter("tenant", tenantId)
        .setParameter("key", CaseFolding.fold(displayName))
        .setParameter("except", exceptId == null ? "" : exceptId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  void insert(GroupRow group) {
    em.persist(group);
  }

  /** Deletes the group, its membership rows and the rows that make it a member of other groups. */
  void delete(GroupRow group) {
    removeEverywhere(group.tenantId(), group.id());
    em.createQuery("DELETE FROM GroupMember m WHERE m.groupId = :group")
        .setParameter("group", group.id())
        .executeUpdate();
    em.remove(group);
  }

  void flush() {
    em.flush();
  }

  // ---- members ----

  /** Which of the ids name a user or a group of the tenant, and which type each is. */
  Map<String, MemberType> memberTypes(String tenantId, Collection<String> ids) {
    Map<String, MemberType> types = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      em.createQuery(
              "SELECT u.id FROM UserRow u WHERE u.tenantId = :tenant AND u.id IN :ids",
              String.class)
          .setParameter("tenant", tenantId)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(id -> types.put(id, MemberType.USER));
      em.createQuery(
              "SELECT g.id FROM GroupRow g WHERE g.tenantId = :tenant AND g.id IN :ids",
              String.class)
          .setParameter("tenant", tenantId)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(id -> types.put(id, MemberType.GROUP));
    }
    return types;
  }

  /** Which of the ids are already members of the group. */
  Set<String> existingMembers(GroupRow group, Collection<String> ids) {
    Set<String> existing = new HashSet<>();
    TypedQuery<String> member =
        em.createQuery(
            "SELECT m.memberId FROM GroupMember m WHERE m.tenantId = :tenant"
                + " AND m.groupId = :group AND m.memberId = :member",
            String.class);
    member.setParameter("tenant", group.tenantId()).setParameter("group", group.id());
    for (String id : ids) {
      existing.addAll(member.setParameter("member", id).getResultList());
    }
    return existing;
  }

  /** Every member id of the group, for a replacement of the whole member list. */
  Set<String> memberIds(GroupRow group) {
    return new HashSet<>(
        em.createQuery(
                "SELECT m.memberId FROM GroupMember m WHERE m.tenantId = :tenant"
                    + " AND m.groupId = :group",
                String.class)
            .setParameter("tenant", group.tenantId())
            .setParameter("group", group.id())
            .getResultList());
  }

  void addMembers(GroupRow group, Map<String, MemberType> members) {
    members.forEach(
        (id, type) -> em.persist(new GroupMember(group.id(), group.tenantId(), id, type)));
  }

  /** Deletes the rows of the given members; ids that are not members are skipped. */
  int removeMembers(GroupRow group, Collection<String> ids) {
    Query delete =
        em.createQuery(
            "DELETE FROM GroupMember m WHERE m.tenantId = :tenant AND m.groupId = :group"
                + " AND m.memberId = :member");
    delete.setParameter("tenant", group.tenantId()).setParameter("group", group.id());
    int removed = 0;
    for (String id : ids) {
      removed += delete.setParameter("member", id).executeUpdate();
    }
    return removed;
  }

  /** Removes a user or group from every group of the tenant. */
  void removeEverywhere(String tenantId, String memberId) {
    em.createQuery("DELETE FROM GroupMember m WHERE m.tenantId = :tenant AND m.memberId = :member")
        .setParameter("tenant", tenantId)
        .setParameter("member", memberId)
        .executeUpdate();
  }

  /**
   * The members of each group, for a whole page of groups in one query: the member's userName
   * (users) or displayName (groups) is joined in as {@code display}, so there is no query per
   * member or per group. In member id order, so the output is stable.
   */
  Map<String, List<Group.Member>> members(String tenantId, Collection<String> groupIds) {
    Map<String, List<Group.Member>> members = new LinkedHashMap<>();
    groupIds.forEach(id -> members.put(id, new ArrayList<>()));
    for (List<String> chunk : chunks(groupIds)) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT m.groupId, m.memberId, m.memberType, u.userName, g.displayName"
                      + " FROM GroupMember m"
                      + " LEFT JOIN UserRow u ON u.id = m.memberId AND u.tenantId = m.tenantId"
                      + " LEFT JOIN GroupRow g ON g.id = m.memberId AND g.tenantId = m.tenantId"
                      + " WHERE m.tenantId = :tenant AND m.groupId IN :groups"
                      + " ORDER BY m.groupId, m.memberId",
                  Object[].class)
              .setParameter("tenant", tenantId)
              .setParameter("groups", chunk)
              .getResultList();
      for (Object[] row : rows) {
        MemberType type = MemberType.fromColumn((String) row[2]);
        String display = (String) (type == MemberType.USER ? row[3] : row[4]);
        members.get((String) row[0]).add(new Group.Member((String) row[1], type, display));
      }
    }
    return members;
  }

  /**
   * The groups of each user: direct memberships and those inherited through nested groups, in one
   * recursive query (portable SQL, H2 and PostgreSQL). Groups may nest in a cycle, and H2 does not
   * stop a recursive {@code UNION} on rows it has already produced, so the recursion stops at
   * {@link #MAX_NESTING} levels; a group nested deeper than that is not listed as indirect.
   */
  Map<String, List<UserGroup>> groupsOf(String tenantId, Collection<String> userIds) {
    Map<String, List<UserGroup>> groups = new HashMap<>();
    for (List<String> chunk : chunks(userIds)) {
      StringBuilder in = new StringBuilder();
      for (int i = 0; i < chunk.size(); i++) {
        in.append(i == 0 ? "?" : ", ?").append(i + 3);
      }
      Query query =
          em.createNativeQuery(
              "WITH RECURSIVE reach (user_id, group_id, depth) AS ("
                  + " SELECT m.member_id, m.group_id, 0 FROM scim_group_member m"
                  + " WHERE m.tenant_id = ?1 AND m.member_type = 'User' AND m.member_id IN ("
                  + in
                  + ")"
                  + " UNION"
                  + " SELECT r.user_id, m.group_id, r.depth + 1 FROM reach r"
                  + " JOIN scim_group_member m ON m.member_id = r.group_id"
                  + " WHERE m.tenant_id = ?2 AND m.member_type = 'Group' AND r.depth < "
                  + MAX_NESTING
                  + ")"
                  + " SELECT r.user_id, r.group_id, g.display_name, MIN(r.depth) FROM reach r"
                  + " JOIN scim_group g ON g.id = r.group_id"
                  + " GROUP BY r.user_id, r.group_id, g.display_name, g.display_name_key"
                  + " ORDER BY r.user_id, g.display_name_key, r.group_id");
      query.setParameter(1, tenantId);
      query.setParameter(2, tenantId);
      for (int i = 0; i < chunk.size(); i++) {
        query.setParameter(i + 3, chunk.get(i));
      }
      @SuppressWarnings("unchecked")
      List<Object[]> rows = query.getResultList();
      for (Object[] row : rows) {
        boolean direct = ((Number) row[3]).intValue() == 0;
        groups
            .computeIfAbsent((String) row[0], k -> new ArrayList<>())
            .add(new UserGroup((String) row[1], (String) row[2], direct));
      }
    }
    return groups;
  }

  // ---- search ----

  /** Lists and searches of the tenant's groups: filter, sort and paging. */
  ResourceSearch<GroupRow> searches() {
    return new ResourceSearch<>(em, GroupMapping.INSTANCE);
  }

  private static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
