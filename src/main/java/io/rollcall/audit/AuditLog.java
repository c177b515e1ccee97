package io.rollcall.audit;

import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a tenant's audit log, newest first, and purges old entries. */
@Stateless
public class AuditLog {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;

  /** One page, newest first; {@code next} is the {@code before} of the following page, or null. */
  public record Page(List<AuditEntry> entries, Long next) {}

  public Page page(String tenantId, AuditQuery query) {
    tenants.get(tenantId);
    StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntry a WHERE a.tenantId = :tenant");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("tenant", tenantId);
    if (query.method() != null) {
      jpql.append(" AND a.method = :method");
      parameters.put("method", query.method());
    }
    if (query.statusFrom() != null) {
      jpql.append(" AND a.status BETWEEN :statusFrom AND :statusTo");
      parameters.put("statusFrom", query.statusFrom());
      parameters.put("statusTo", query.statusTo());
    }
    if (query.pathContains() != null) {
      jpql.append(" AND a.path LIKE :path ESCAPE '\\'");
      parameters.put("path", "%" + escapeLike(query.pathContains()) + "%");
    }
    if (query.before() != null) {
      // Keyset paging in the listing's order: strictly older, or as old with a smaller id.
      Instant at = boundary(tenantId, query.before());
      if (at == null) {
        return new Page(List.of(), null);
      }
      jpql.append(" AND (a.occurredAt < :at OR (a.occurredAt = :at AND a.id < :before))");
      parameters.put("at", at);
      parameters.put("before", query.before());
    }
    jpql.append(" ORDER BY a.occurredAt DESC, a.id DESC");
    TypedQuery<AuditEntry> select = em.createQuery(jpql.toString(), AuditEntry.class);
    parameters.forEach(select::setParameter);
    List<AuditEntry> found = select.setMaxResults(query.limit() + 1).getResultList();
    if (found.size() <= query.limit()) {
      return new Page(found, null);
    }
    List<AuditEntry> page = found.subList(0, query.limit());
    return new Page(List.copyOf(page), page.get(page.size() - 1).id());
  }

  /**
   * The tenant's entries since {@code since}, newest first, at most {@code max}: a range of the
   * tenant-and-time index read backwards, so a busy tenant costs {@code max} rows, not a day's.
   */
  public List<AuditEntry> since(String tenantId, Instant since, int max) {
    return em.createQuery(
            "SELECT a FROM AuditEntry a WHERE a.tenantId = :tenant AND a.occurredAt >= :since"
                + " ORDER BY a.occurredAt DESC, a.id DESC",
            AuditEntry.class)
        .setParameter("tenant", tenantId)
        .setParameter("since", since)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * When the tenant's newest entry was made, if it has any: the end of the tenant-and-time index.
   */
  public Optional<Instant> latestAt(String tenantId) {
    return em.createQuery(
            "SELECT a.occurredAt FROM AuditEntry a WHERE a.tenantId = :tenant"
                + " ORDER BY a.occurredAt DESC",
            Instant.class)
        .setParameter("tenant", tenantId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private Instant boundary(String tenantId, long id) {
    return em.createQuery(
            "SELECT a.occurredAt FROM AuditEntry a WHERE a.tenantId = :tenant AND a.id = :id",
            Instant.class)
        .setParameter("tenant", tenantId)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** Deletes the tenant's entries older than the cutoff; returns how many. */
  public int purgeBefore(String tenantId, Instant cutoff) {
    return em.createQuery(
            "DELETE FROM AuditEntry a WHERE a.tenantId = :tenant AND a.occurredAt < :cutoff")
        .setParameter("tenant", tenantId)
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
