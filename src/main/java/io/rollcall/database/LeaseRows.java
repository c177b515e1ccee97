package io.rollcall.database;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The lease table's statements, each committed on its own so a lease is visible to the other nodes
 * before the work it guards starts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LeaseRows {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  /** Takes or extends the lease if it has run out or is the holder's already. */
  public boolean extend(String name, String holder, Instant now, Instant until) {
    return em.createQuery(
                "UPDATE Lease l SET l.holder = :holder, l.expiresAt = :until WHERE l.name = :name"
                    + " AND (l.holder = :holder OR l.expiresAt <= :now)")
            .setParameter("holder", holder)
            .setParameter("until", until)
            .setParameter("name", name)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /**
   * The first claim of a name: false when the row exists (held by another node). Only two nodes
   * creating the same name at the same moment still fail, with a duplicate key, which is rare
   * enough to leave to the container: looking first keeps every other refused claim out of the log.
   */
  public boolean create(String name, String holder, Instant until) {
    if (em.find(Lease.class, name) != null) {
      return false;
    }
    em.persist(new Lease(name, holder, until));
    em.flush();
    return true;
  }

  /**
   * Lets the lease go at once, if the holder still has it. The row stays (expired), so the next
   * claim is an update rather than a race of inserts.
   */
  public void release(String name, String holder, Instant now) {
    em.createQuery(
            "UPDATE Lease l SET l.expiresAt = :now WHERE l.name = :name AND l.holder = :holder")
        .setParameter("now", now)
        .setParameter("name", name)
        .setParameter("holder", holder)
        .executeUpdate();
  }
}
