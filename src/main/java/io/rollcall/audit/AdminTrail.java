package io.rollcall.audit;

import io.rollcall.security.AdminCaller;
import io.rollcall.security.CurrentAdmin;
import io.rollcall.security.LastOwnerException;
import io.rollcall.security.SecurityLog;
import io.rollcall.web.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin trail: every admin action, who did it (account, role, how they signed in), from which
 * client address, when, and how it ended.
 *
 * <p>{@link #run} is the transaction boundary of an admin action: the action's own services join
 * its transaction and the trail entry is written in it, so an action that was acknowledged is never
 * missing from the trail and one that rolled back is never recorded as done. A refusal or failure
 * is then recorded in a transaction of its own, since the action's was rolled back.
 */
@Stateless
public class AdminTrail {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject CurrentAdmin current;

  @Resource SessionContext session;

  @Resource TransactionSynchronizationRegistry transactions;

  Clock clock = Clock.systemUTC();

  /** One page, newest first; {@code next} is the {@code before} of the following page, or null. */
  public record Page(List<AdminTrailEntry> entries, Long next) {}

  /** Runs an admin action and records it with the current admin; see the class comment. */
  public <T> T run(AdminAction action, Supplier<T> work) {
    return run(action, work, result -> action);
  }

  /**
   * As {@link #run(AdminAction, Supplier)}, with the entry completed from the result (the id of
   * what was created, a count, …).
   */
  public <T> T run(AdminAction action, Supplier<T> work, Function<? super T, AdminAction> done) {
    T result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      session.setRollbackOnly();
      recordFailure(action, e);
      throw e;
    }
    write(done.apply(result), "success", null);
    return result;
  }

  /**
   * For an action that commits piece by piece on its own (an account upload, batch by batch): runs
   * it outside any transaction, then records how it ended. The pieces that committed before a
   * failure stay, and the entry says the action failed.
   */
  /**
   * Records an action that did not happen, in a transaction of its own (the action's is rolled
   * back): "refused" with the reason a client may see, or "failed" without the internal detail.
   */
  private void recordFailure(AdminAction action, RuntimeException e) {
    Throwable cause = unwrap(e);
    boolean refused = isRefusal(cause);
    self()
        .record(
            action,
            refused ? "refused" : "failed",
            refused ? cause.getMessage() : "unexpected error");
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public <T> T runSeparately(
      AdminAction action, Supplier<T> work, Function<? super T, AdminAction> done) {
    T result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      recordFailure(action, e);
      throw e;
    }
    self().record(done.apply(result), "success", null);
    return result;
  }

  /** Records an action in a transaction of its own: refusals, and work that commits on its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(AdminAction action, String outcome, String reason) {
    write(action, outcome, reason);
  }

  /** Records what no signed-in admin did: a sign-in attempt, for instance. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordFor(AdminCaller caller, AdminAction action, String outcome, String reason) {
    insert(entry(caller, action, outcome, reason));
  }

  private void write(AdminAction action, String outcome, String reason) {
    insert(entry(current.caller().orElse(null), action, outcome, reason));
  }

  /**
   * A plain SQL insert in the current transaction, leaving the id to the database: EclipseLink's
   * way of reading back an identity ({@code CALL IDENTITY()}) does not exist in H2 2.
   */
  private void insert(AdminTrailEntry e) {
    em.createNativeQuery(
            "INSERT INTO admin_trail (occurred_at, actor, actor_role, via, client_address, action,"
                + " target, detail, outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, Timestamp.from(e.occurredAt()))
        .setParameter(2, e.actor())
        .setParameter(3, e.actorRole())
        .setParameter(4, e.via())
        .setParameter(5, e.clientAddress())
        .setParameter(6, e.action())
        .setParameter(7, e.target())
        .setParameter(8, e.detail())
        .setParameter(9, e.outcome())
        .setParameter(10, e.reason())
        .executeUpdate();
    logAfterCommit(e);
  }

  /** Admin actions that change who can get in; each also gets a line in the security log. */
  private static final List<String> SECURITY_ACTIONS =
      List.of("scim-token.", "admin-token.", "app-key.", "admin.", "tenant.", "forbidden");

  /**
   * Writes the entry to the {@link SecurityLog} once its transaction committed: a line must not
   * announce a revocation that was rolled back. Outside a container transaction (tests) at once.
   */
  private void logAfterCommit(AdminTrailEntry e) {
    if (SECURITY_ACTIONS.stream().noneMatch(e.action()::startsWith)) {
      return;
    }
    SecurityLog.Line line =
        SecurityLog.event("admin_action")
            .with("action", e.action())
            .with("target", e.target())
            .with("detail", e.detail())
            .with("outcome", e.outcome())
            .with("actor", e.actor())
            .with("via", e.via())
            .with("client", e.clientAddress())
            .with("request", current == null ? null : current.requestId());
    if (transactions == null || transactions.getTransactionKey() == null) {
      line.log();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              line.log();
            }
          }
        });
  }

  private AdminTrailEntry entry(
      AdminCaller caller, AdminAction action, String outcome, String reason) {
    return new AdminTrailEntry(
        clock.instant(),
        caller == null ? "(unknown)" : caller.username(),
        caller == null || caller.role() == null ? null : caller.role().label(),
        caller == null ? "unknown" : caller.via().label(),
        caller == null ? null : caller.address(),
        action,
        outcome,
        reason);
  }

  public Page page(AdminTrailQuery query) {
    StringBuilder jpql = new StringBuilder("SELECT e FROM AdminTrailEntry e WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (query.actor() != null) {
      jpql.append(" AND e.actor = :actor");
      parameters.put("actor", query.actor());
    }
    if (query.action() != null) {
      // "tenant" is a family (tenant.create, tenant.change); "sign-in" is an action of its own.
      jpql.append(" AND (e.action = :action OR e.action LIKE :family)");
      parameters.put("action", query.action());
      parameters.put(
          "family", query.action().contains(".") ? query.action() : query.action() + ".%");
    }
    if (query.outcome() != null) {
      jpql.append(" AND e.outcome = :outcome");
      parameters.put("outcome", query.outcome());
    }
    if (query.from() != null) {
      jpql.append(" AND e.occurredAt >= :from");
      parameters.put("from", query.from());
    }
    if (query.to() != null) {
      jpql.append(" AND e.occurredAt < :to");
      parameters.put("to", query.to());
    }
    if (query.before() != null) {
      // The ids grow in the order entries were written: paging by id alone is stable.
      jpql.append(" AND e.id < :before");
      parameters.put("before", query.before());
    }
    jpql.append(" ORDER BY e.id DESC");
    TypedQuery<AdminTrailEntry> select = em.createQuery(jpql.toString(), AdminTrailEntry.class);
    parameters.forEach(select::setParameter);
    List<AdminTrailEntry> found = select.setMaxResults(query.limit() + 1).getResultList();
    if (found.size() <= query.limit()) {
      return new Page(found, null);
    }
    List<AdminTrailEntry> page = List.copyOf(found.subList(0, query.limit()));
    return new Page(page, page.get(page.size() - 1).id());
  }

  /** Deletes entries older than the cutoff; returns how many. */
  public int purgeBefore(Instant cutoff) {
    return em.createQuery("DELETE FROM AdminTrailEntry e WHERE e.occurredAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private AdminTrail self() {
    return session.getBusinessObject(AdminTrail.class);
  }

  /**
   * A refusal is the admin's input breaking a rule or naming something that does not exist: the
   * application exceptions, whose messages are written to be shown to admins and carry no secret.
   * Anything else is a failure, recorded without its text.
   */
  static boolean isRefusal(Throwable cause) {
    return cause instanceof InvalidInputException
        || cause instanceof LastOwnerException
        || cause.getClass().isAnnotationPresent(ApplicationException.class);
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    while (t instanceof EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
