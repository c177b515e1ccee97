package io.rollcall.users;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.querying.ResourceRows;
import io.rollcall.querying.ResourceSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes users and their value index. Every query here takes the tenant id as its first
 * argument and puts it in the WHERE clause; nothing reads users by id alone.
 */
@ApplicationScoped
public class UserRepository {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  /** Made on first use: the entity manager is injected (or, in tests, set) after construction. */
  private ResourceRows<UserRow> rows;

  private ResourceRows<UserRow> rows() {
    if (rows == null) {
      rows = new ResourceRows<>(em, UserMapping.INSTANCE);
    }
    return rows;
  }

  Optional<UserRow> find(String tenantId, String id) {
    return rows().find(tenantId, id);
  }

  /** Reads the row and locks it until the transaction ends, so writes never interleave. */
  Optional<UserRow> findForUpdate(String tenantId, String id) {
    return rows().findForUpdate(tenantId, id);
  }

  boolean userNameTaken(String tenantId, String userName, String exceptId) {
    return !em.createQuery(
            "SELECT u.id FROM UserRow u WHERE u.tenantId = :tenant AND u.userNameKey = :key"
                + " AND u.id <> :except",
            String.class)
        .setParameter("tenant", tenantId)
        .setParameter("key", CaseFolding.fold(userName))
        .setParameter("except", exceptId == null ? "" : exceptId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  void insert(UserRow user) {
    em.persist(user);
  }

  /** Replaces the user's index rows with those of its new representation. */
  void reindex(UserRow user, List<IndexedValue> values) {
    em.createQuery("DELETE FROM UserValue v WHERE v.userId = :user")
        .setParameter("user", user.id())
        .executeUpdate();
    for (IndexedValue value : values) {
      em.persist(new UserValue(user.id(), user.tenantId(), value));
    }
  }

  void delete(UserRow user) {
    em.createQuery("DELETE FROM UserValue v WHERE v.userId = :user")
        .setParameter("user", user.id())
        .executeUpdate();
    em.remove(user);
  }

  /**
   * The next users after {@code afterId} in id order, locked for update. Ids first, then the rows
   * by id: the H2 dialect cannot combine {@code FOR UPDATE} with a row limit.
   */
  List<UserRow> batchForUpdate(String tenantId, String afterId, int limit) {
    List<String> ids =
        em.createQuery(
                "SELECT u.id FROM UserRow u WHERE u.tenantId = :tenant AND u.id > :after ORDER BY u.id",
                String.class)
            .setParameter("tenant", tenantId)
            .setParameter("after", afterId)
            .setMaxResults(limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT u FROM UserRow u WHERE u.tenantId = :tenant AND u.id IN :ids ORDER BY u.id",
            UserRow.class)
        .setParameter("tenant", tenantId)
        .setParameter("ids", ids)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /** The next users after {@code afterId} in id order, not locked (for reading only). */
  List<UserRow> batch(String tenantId, String afterId, int limit) {
    return em.createQuery(
            "SELECT u FROM UserRow u WHERE u.tenantId = :tenant AND u.id > :after ORDER BY u.id",
            UserRow.class)
        .setParameter("tenant", tenantId)
        .setParameter("after", afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Like {@link #batchForUpdate}, but only users whose account (same email) changed at or after
   * {@code since}: the people an account upload may have given other groups.
   */
  List<UserRow> batchWithAccountChangedForUpdate(
      String tenantId, java.time.Instant since, String afterId, int limit) {
    List<String> ids =
        em.createQuery(
                "SELECT u.id FROM UserRow u, Account a WHERE u.tenantId = :tenant"
                    + " AND a.tenantId = :tenant AND a.emailKey = u.userNameKey"
                    + " AND a.updatedAt >= :since AND u.id > :after ORDER BY u.id",
                String.class)
            .setParameter("tenant", tenantId)
            .setParameter("since", since)
            .setParameter("after", afterId)
            .setMaxResults(limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT u FROM UserRow u WHERE u.tenantId = :tenant AND u.id IN :ids ORDER BY u.id",
            UserRow.class)
        .setParameter("tenant", tenantId)
        .setParameter("ids", ids)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /**
   * The tenant's users whose userNames are these emails (case-insensitively), locked for update.
   */
  List<UserRow> byUserNamesForUpdate(String tenantId, List<String> emails) {
    if (emails.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT u FROM UserRow u WHERE u.tenantId = :tenant AND u.userNameKey IN :keys"
                + " ORDER BY u.id",
            UserRow.class)
        .setParameter("tenant", tenantId)
        .setParameter("keys", emails.stream().map(CaseFolding::fold).toList())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /** The tenant's user whose userName is this email (case-insensitively), locked for update. */
  Optional<UserRow> findByUserNameForUpdate(String tenantId, String email) {
    return em.createQuery(
            "SELECT u FROM UserRow u WHERE u.tenantId = :tenant AND u.userNameKey = :key",
            UserRow.class)
        .setParameter("tenant", tenantId)
        .setParameter("key", CaseFolding.fold(email))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  void recordDeprovisioned(DeprovisionedUser record) {
    em.persist(record);
  }

  /** Ids of the tenant's users deactivated before the cutoff, oldest first (not locked). */
  List<String> deactivatedBefore(String tenantId, java.time.Instant cutoff, int limit) {
    return em.createQuery(
            "SELECT u.id FROM UserRow u WHERE u.tenantId = :tenant AND u.deactivatedAt < :cutoff"
                + " ORDER BY u.deactivatedAt",
            String.class)
        .setParameter("tenant", tenantId)
        .setParameter("cutoff", cutoff)
        .setMaxResults(limit)
        .getResultList();
  }

  void flush() {
    em.flush();
  }

  /** Drops what a read-only scan has loaded, so a long scan stays in bounded memory. */
  void clear() {
    em.clear();
  }

  /** Lists and searches of the tenant's users: filter, sort and paging. */
  ResourceSearch<UserRow> searches() {
    return new ResourceSearch<>(em, UserMapping.INSTANCE);
  }

  static String documentJson(Map<String, Object> document) {
    return ScimJson.write(document);
  }
}
