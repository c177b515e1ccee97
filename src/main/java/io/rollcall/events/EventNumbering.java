package io.rollcall.events;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Numbers one batch of a tenant's committed pending events, in a transaction of its own. The
 * tenant's counter row is locked only here, so numbering is serialised per tenant (across nodes
 * too: it is a database row lock) while the writes that produced the events never wait for it.
 */
@Stateless
public class EventNumbering {

  static final int BATCH = 500;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  /** Returns how many events were numbered; fewer than {@link #BATCH} means none is left. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int numberPending(String tenantId) {
    if (!hasPending(tenantId)) {
      return 0;
    }
    TenantEventCounter counter =
        em.find(TenantEventCounter.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    if (counter == null) {
      return 0;
    }
    // Read after the lock: rows another relay numbered while we waited are gone by now.
    List<PendingEvent> pending =
        em.createQuery(
                "SELECT p FROM PendingEvent p WHERE p.tenantId = :tenant ORDER BY p.position",
                PendingEvent.class)
            .setParameter("tenant", tenantId)
            .setMaxResults(BATCH)
            .getResultList();
    for (PendingEvent event : pending) {
      em.persist(event.numbered(counter.next()));
      em.remove(event);
    }
    return pending.size();
  }

  /** Events of all tenants waiting to be numbered. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long pendingCount() {
    return em.createQuery("SELECT COUNT(p) FROM PendingEvent p", Long.class).getSingleResult();
  }

  /** Tenants that have events waiting to be numbered. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> tenantsWithPending() {
    return em.createQuery("SELECT DISTINCT p.tenantId FROM PendingEvent p", String.class)
        .getResultList();
  }

  private boolean hasPending(String tenantId) {
    return !em.createQuery(
            "SELECT p.position FROM PendingEvent p WHERE p.tenantId = :tenant", Long.class)
        .setParameter("tenant", tenantId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
