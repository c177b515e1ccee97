package io.rollcall.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes provisioning events into the caller's transaction, so an event exists exactly when its
 * change was committed: a rolled-back change leaves no event and a committed one always has its
 * event. Numbers come from the tenant's counter row, locked until commit, so they are gapless and
 * commit in order.
 */
@ApplicationScoped
public class EventOutbox {

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  /** Must run inside the transaction of the change it describes. */
  public ProvisioningEvent record(
      String tenantId,
      EventKind kind,
      String scimUserId,
      String email,
      Map<String, Object> changes,
      Instant at) {
    TenantEventCounter counter =
        em.find(TenantEventCounter.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
    if (counter == null) {
      throw new IllegalStateException("tenant " + tenantId + " has no event counter");
    }
    ProvisioningEvent event =
        new ProvisioningEvent(
            tenantId, counter.next(), at, kind, scimUserId, email, JSON.toJson(changes));
    em.persist(event);
    return event;
  }

  /** Events of the tenant after {@code afterSeq}, in order. */
  public List<ProvisioningEvent> after(String tenantId, long afterSeq, int limit) {
    return em.createQuery(
            "SELECT e FROM ProvisioningEvent e WHERE e.tenantId = :tenant AND e.seq > :after ORDER BY e.seq",
            ProvisioningEvent.class)
        .setParameter("tenant", tenantId)
        .setParameter("after", afterSeq)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The tenant's newest event, if any (a list of at most one). */
  public List<ProvisioningEvent> latest(String tenantId) {
    return em.createQuery(
            "SELECT e FROM ProvisioningEvent e WHERE e.tenantId = :tenant ORDER BY e.seq DESC",
            ProvisioningEvent.class)
        .setParameter("tenant", tenantId)
        .setMaxResults(1)
        .getResultList();
  }

  /** One person's events (by SCIM user id), newest first; for the admin console. */
  public List<ProvisioningEvent> forUser(String tenantId, String scimUserId, int limit) {
    return em.createQuery(
            "SELECT e FROM ProvisioningEvent e WHERE e.tenantId = :tenant AND e.scimUserId = :user"
                + " ORDER BY e.seq DESC",
            ProvisioningEvent.class)
        .setParameter("tenant", tenantId)
        .setParameter("user", scimUserId)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Creates the tenant's counter; called when the tenant is created. */
  public void open(String tenantId) {
    em.persist(new TenantEventCounter(tenantId));
  }
}
