package io.rollcall.accounts;

import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
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
    tenants.get(tenantId);
    UploadReport report = new UploadReport();
    report.received(batch.size());
    Map<String, NumberedRow> byKey = new LinkedHashMap<>();
    for (NumberedRow numbered : batch) {
      Optional<String> problem =
          numbered.problem() != null ? Optional.of(numbered.problem()) : numbered.row().problem();
      if (problem.isPresent()) {
        report.reject(
            numbered.number(),
            numbered.row() == null ? null : numbered.row().email(),
            problem.get());
      } else {
        // A later row for the same email wins, as a second upload of it would.
        NumberedRow earlier = byKey.put(AccountRow.key(numbered.row().email()), numbered);
        if (earlier != null) {
          report.unchanged();
        }
      }
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
            em.persist(new Account(tenantId, numbered.row(), now));
            report.created();
          } else if (account.update(numbered.row(), now)) {
            report.updated();
          } else {
            report.unchanged();
          }
        });
    return report;
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

  public boolean exists(String tenantId, String email) {
    return find(tenantId, email).isPresent();
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
