package io.rollcall.querying;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.Optional;

/**
 * Reads one resource's row by id, always within the caller's tenant, for every resource type alike;
 * nothing reads a resource by id alone. The statement text is fixed per type, so the JPA provider
 * parses it once.
 */
public final class ResourceRows<E> {

  private final EntityManager em;
  private final Class<E> entity;
  private final String byId;

  public ResourceRows(EntityManager em, ResourceMapping<E> mapping) {
    this.em = em;
    this.entity = mapping.entity();
    // The entity name comes from the mapping's class, never from a request.
    this.byId =
        "SELECT r FROM "
            + em.getMetamodel().entity(entity).getName()
            + " r WHERE r.tenantId = :tenant AND r.id = :id";
  }

  public Optional<E> find(String tenantId, String id) {
    return query(tenantId, id).getResultStream().findFirst();
  }

  /** Reads the row and locks it until the transaction ends, so writes never interleave. */
  public Optional<E> findForUpdate(String tenantId, String id) {
    return query(tenantId, id)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  private TypedQuery<E> query(String tenantId, String id) {
    return em.createQuery(byId, entity).setParameter("tenant", tenantId).setParameter("id", id);
  }
}
