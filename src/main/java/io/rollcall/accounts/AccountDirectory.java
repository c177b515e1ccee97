package io.rollcall.accounts;

import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's account directory: the people who exist in the host app. Loaded by idempotent
 * upserts keyed by email; each batch is one transaction, so an upload of any size streams through
 * in bounded memory.
 */
@Stateless
public class AccountDirectory {

  /** Rows per transaction when streaming an upload. */
  public static final int BATCH_SIZE = 500;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;

  Clock clock = Clock.systemUTC();

  /**
   * A row numbered from 1 in the upload, so errors can point at it; {@code problem} is set (and
   * {@code row} may be null) when the row could not even be read.
   */
  public record NumberedRow(long number, AccountRow row, String problem) {}

  /** Creates or updates the batch's accounts; bad rows are reported and skipped. */
  public UploadReport upsert(String tenantId, List<NumberedRow> batch) {
    return upsert(tenantId, batch, null);
  }

  /**
   * Creates or updates the batch's accounts; bad rows are reported and skipped. A departed account
   * in the batch rejoins (its email is listed in the report's {@link UploadReport#rejoinedEmails}
   * for this batch). With a {@code syncId} (a full HR sync), every account the batch names — even
   * by a row refused for another reason — is marked as seen by that sync.
   */
  public UploadReport upsert(String tenantId, List<NumberedRow> batch, String syncId) {
    tenants.get(tenantId);
    UploadReport report = new UploadReport();
    report.received(batch.size());
    Map<String, NumberedRow> byKey = new LinkedHashMap<>();
    List<String> refusedKeys = new ArrayList<>();
    for (NumberedRow numbered : batch) {
      Optional<String> problem =
          numbered.problem() != null ? Optional.of(numbered.problem()) : numbered.row().problem();
      if (problem.isPresent()) {
        report.reject(
            numbered.number(),
            numbered.row() == null ? null : numbered.row().email(),
            problem.get());
        if (syncId != null && numbered.row() != null && numbered.row().email() != null) {
          // A row refused for a bad title still names someone who has not left.
          refusedKeys.add(AccountRow.key(numbered.row().email()));
        }
      } else {
        // A later row for the same email wins, as a second upload of it would.
        NumberedRow earlier = byKey.put(AccountRow.key(numbered.row().email()), numbered);
        if (earlier != null) {
          report.unchanged();
        }
      }
    }
    if (syncId != null) {
      markSeen(tenantId, refusedKeys, syncId);
    }
    if (byKey.isEmpty()) {
      return report;
    }
    Map<String, Account> existing = new HashMap<>();
    em.createQuery(
            "SELECT a FROM Account a WHERE a.tenantId = :tenant AND a.emailKey IN :keys",
            Account.class)
        .setParameter("tenant", tenantId)
        .setParameter("keys", List.copyOf(byKey.keySet()))
        .getResultList()
        .forEach(a -> existing.put(a.emailKey(), a));
    Instant now = clock.instant();
    byKey.forEach(
        (key, numbered) -> {
          Account account = existing.get(key);
          if (account == null) {
            account = new Account(tenantId, numbered.row(), now);
            em.persist(account);
            report.created();
          } else {
            if (account.rejoin(now)) {
              report.rejoined(account.email());
            }
            if (account.update(numbered.row(), now)) {
              report.updated();
            } else {
              report.unchanged();
            }
          }
          if (syncId != null) {
            account.seenIn(syncId);
          }
        });
    return report;
  }

  private void markSeen(String tenantId, List<String> keys, String syncId) {
    if (keys.isEmpty()) {
      return;
    }
    em.createQuery(
            "UPDATE Account a SET a.seenIn = :sync WHERE a.tenantId = :tenant"
                + " AND a.emailKey IN :keys")
        .setParameter("sync", syncId)
        .setParameter("tenant", tenantId)
        .setParameter("keys", keys)
        .executeUpdate();
  }

  // ---- full HR syncs ----

  /** Accounts that are not departed. */
  public long currentCount(String tenantId) {
    return em.createQuery(
            "SELECT COUNT(a) FROM Account a WHERE a.tenantId = :tenant AND a.departedAt IS NULL",
            Long.class)
        .setParameter("tenant", tenantId)
        .getSingleResult();
  }

  /** Current accounts that the full sync {@code syncId} did not contain. */
  public long missingFrom(String tenantId, String syncId) {
    return em.createQuery(
            "SELECT COUNT(a) FROM Account a WHERE a.tenantId = :tenant AND a.departedAt IS NULL"
                + " AND (a.seenIn IS NULL OR a.seenIn <> :sync)",
            Long.class)
        .setParameter("tenant", tenantId)
        .setParameter("sync", syncId)
        .getSingleResult();
  }

  /**
   * Marks up to {@code limit} accounts that the full sync did not contain as departed and returns
   * them; call again until it returns fewer. Joins the caller's transaction, so the caller can
   * write the departures' events with them.
   */
  public List<Account> departBatch(String tenantId, String syncId, int limit) {
    List<String> ids =
        em.createQuery(
                "SELECT a.id FROM Account a WHERE a.tenantId = :tenant AND a.departedAt IS NULL"
                    + " AND (a.seenIn IS NULL OR a.seenIn <> :sync) ORDER BY a.id",
                String.class)
            .setParameter("tenant", tenantId)
            .setParameter("sync", syncId)
            .setMaxResults(limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Account> accounts =
        em.createQuery(
                "SELECT a FROM Account a WHERE a.tenantId = :tenant AND a.id IN :ids ORDER BY a.id",
                Account.class)
            .setParameter("tenant", tenantId)
            .setParameter("ids", ids)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    Instant now = clock.instant();
    accounts.forEach(a -> a.depart(now));
    return accounts;
  }

  // ---- the hierarchy ----

  /** One account as the hierarchy pass reads it: a projection, never the entity. */
  public record Placed(
      String id,
      String email,
      String managerEmail,
      int directReports,
      Integer level,
      boolean departed) {}

  /**
   * Every account of the tenant as a five-column projection, in one read: the hierarchy can only be
   * drawn whole (a manager's reports may be anywhere in the file), and the projection costs some
   * 200 bytes a person, unlike loading the entities.
   */
  public List<Placed> placements(String tenantId) {
    return em
        .createQuery(
            "SELECT a.id, a.email, a.managerEmail, a.directReports, a.orgLevel, a.departedAt"
                + " FROM Account a WHERE a.tenantId = :tenant",
            Object[].class)
        .setParameter("tenant", tenantId)
        .getResultList()
        .stream()
        .map(
            r ->
                new Placed(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).intValue(),
                    r[4] == null ? null : ((Number) r[4]).intValue(),
                    r[5] != null))
        .toList();
  }

  /** A new position for one account. */
  public record Move(String id, int directReports, Integer level) {}

  /**
   * Stores new positions; each moved account counts as changed at {@code now}. One read for the
   * batch; the updates go out in JDBC batches.
   */
  public void move(String tenantId, List<Move> moves, Instant now) {
    if (moves.isEmpty()) {
      return;
    }
    Map<String, Move> byId = new HashMap<>();
    moves.forEach(m -> byId.put(m.id(), m));
    em.createQuery(
            "SELECT a FROM Account a WHERE a.tenantId = :tenant AND a.id IN :ids", Account.class)
        .setParameter("tenant", tenantId)
        .setParameter("ids", List.copyOf(byId.keySet()))
        .getResultList()
        .forEach(
            a -> {
              Move m = byId.get(a.id());
              a.place(m.directReports(), m.level(), now);
            });
  }

  /** The accounts with these email keys (already folded), for evaluating a batch of people. */
  public Map<String, Account> byKeys(String tenantId, List<String> keys) {
    Map<String, Account> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    em.createQuery(
            "SELECT a FROM Account a WHERE a.tenantId = :tenant AND a.emailKey IN :keys",
            Account.class)
        .setParameter("tenant", tenantId)
        .setParameter("keys", keys)
        .getResultList()
        .forEach(a -> found.put(a.emailKey(), a));
    return found;
  }

  /** The account with this email (case-insensitive) in the tenant. */
  public Optional<Account> find(String tenantId, String email) {
    if (email == null || email.length() > AccountRow.MAX_LENGTH) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT a FROM Account a WHERE a.tenantId = :tenant AND a.emailKey = :key",
            Account.class)
        .setParameter("tenant", tenantId)
        .setParameter("key", AccountRow.key(email))
        .getResultStream()
        .findFirst();
  }

  /** Whether the person is in the directory and has not departed. */
  public boolean exists(String tenantId, String email) {
    return find(tenantId, email).filter(a -> !a.isDeparted()).isPresent();
  }

  /** A page of the directory in email order, after the given email (exclusive). */
  public List<Account> page(String tenantId, String afterEmail, int limit) {
    tenants.get(tenantId);
    return em.createQuery(
            "SELECT a FROM Account a WHERE a.tenantId = :tenant AND a.emailKey > :after"
                + " ORDER BY a.emailKey",
            Account.class)
        .setParameter("tenant", tenantId)
        .setParameter("after", afterEmail == null ? "" : AccountRow.key(afterEmail))
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(String tenantId) {
    return em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.tenantId = :tenant", Long.class)
        .setParameter("tenant", tenantId)
        .getSingleResult();
  }
}
