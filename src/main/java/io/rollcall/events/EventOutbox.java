package io.rollcall.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes provisioning events into the caller's transaction, so an event exists exactly when its
 * change was committed: a rolled-back change leaves no event and a committed one always has its
 * event. Writing takes no shared lock; the {@link EventRelay} numbers committed events per tenant,
 * gapless and in commit order, and every read here relays first, so a reader sees every event whose
 * change committed before the read began.
 */
@ApplicationScoped
public class EventOutbox {

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject EventRelay relay;
  @Inject Event<EventsWritten> written;

  /** Must run inside the transaction of the change it describes. */
  public void record(
      String tenantId,
      EventKind kind,
      String scimUserId,
      String email,
      Map<String, Object> changes,
      Instant at) {
    em.persist(
        new PendingEvent(
            tenantId, new EventContent(at, kind, scimUserId, email, JSON.toJson(changes))));
    written.fire(new EventsWritten(tenantId));
  }

  /** Events of the tenant after {@code afterSeq}, in order. */
  public List<ProvisioningEvent> after(String tenantId, long afterSeq, int limit) {
    relay.relay(tenantId);
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
    relay.relay(tenantId);
    return em.createQuery(
            "SELECT e FROM ProvisioningEvent e WHERE e.tenantId = :tenant ORDER BY e.seq DESC",
            ProvisioningEvent.class)
        .setParameter("tenant", tenantId)
        .setMaxResults(1)
        .getResultList();
  }

  /** One person's events (by SCIM user id), newest first; for the admin console. */
  public List<ProvisioningEvent> forUser(String tenantId, String scimUserId, int limit) {
    relay.relay(tenantId);
    return em.createQuery(
            "SELECT e FROM ProvisioningEvent e WHERE e.tenantId = :tenant AND e.content.scimUserId = :user"
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
