package io.rollcall.access;

import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.tenant.ProvisioningMode;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Answers "does this person have access?" for the host application.
 *
 * <p>A person has access when a SCIM user with their email as {@code userName} exists and is active
 * — and, in an access-only tenant, their account exists in the directory and has not departed (a
 * full HR sync left it out). Every answer is read from the database: one or two lookups on unique
 * indexes cost less than keeping a cache coherent across the nodes of a cluster, and a deactivation
 * made on any node is seen at once on all.
 */
@ApplicationScoped
public class AccessService {

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;

  public Access lookup(String tenantId, String email) {
    return load(tenants.get(tenantId), email);
  }

  private Access load(Tenant tenant, String email) {
    String emailKey = CaseFolding.fold(email);
    List<Object[]> rows =
        em.createQuery(
                "SELECT u.id, u.accessSince, u.permissionGroups FROM UserRow u"
                    + " WHERE u.tenantId = :tenant AND u.userNameKey = :key",
                Object[].class)
            .setParameter("tenant", tenant.id())
            .setParameter("key", emailKey)
            .getResultList();
    if (rows.isEmpty()) {
      return new Access(email, false, null, null, List.of());
    }
    String userId = (String) rows.get(0)[0];
    Instant since = (Instant) rows.get(0)[1];
    boolean linked =
        tenant.provisioningMode() != ProvisioningMode.ACCESS_ONLY
            || accountExists(tenant.id(), emailKey);
    boolean hasAccess = since != null && linked;
    return new Access(
        email,
        hasAccess,
        hasAccess ? since : null,
        userId,
        hasAccess ? groups((String) rows.get(0)[2]) : List.of());
  }

  private boolean accountExists(String tenantId, String emailKey) {
    return !em.createQuery(
            "SELECT a.id FROM Account a WHERE a.tenantId = :tenant AND a.emailKey = :key"
                + " AND a.departedAt IS NULL",
            String.class)
        .setParameter("tenant", tenantId)
        .setParameter("key", emailKey)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** People with access, in email order after {@code afterEmail}. */
  public List<Access> withAccess(String tenantId, String afterEmail, int limit) {
    Tenant tenant = tenants.get(tenantId);
    String accountCondition =
        tenant.provisioningMode() == ProvisioningMode.ACCESS_ONLY
            ? " AND EXISTS (SELECT a.id FROM Account a WHERE a.tenantId = u.tenantId"
                + " AND a.emailKey = u.userNameKey AND a.departedAt IS NULL)"
            : "";
    return em
        .createQuery(
            "SELECT u.userName, u.accessSince, u.id, u.permissionGroups FROM UserRow u WHERE u.tenantId = :tenant"
                + " AND u.accessSince IS NOT NULL AND u.userNameKey > :after"
                + accountCondition
                + " ORDER BY u.userNameKey",
            Object[].class)
        .setParameter("tenant", tenantId)
        .setParameter("after", afterEmail == null ? "" : CaseFolding.fold(afterEmail))
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            r ->
                new Access(
                    (String) r[0], true, (Instant) r[1], (String) r[2], groups((String) r[3])))
        .toList();
  }

  private static List<String> groups(String json) {
    if (json == null) {
      return List.of();
    }
    return List.of(JSON.fromJson(json, String[].class));
  }
}
