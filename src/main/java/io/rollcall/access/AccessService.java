package io.rollcall.access;

import io.rollcall.tenant.ProvisioningMode;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.users.UserAccessChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers "does this person have access?" for the host application.
 *
 * <p>A person has access when a SCIM user with their email as {@code userName} exists and is active
 * — and, in an access-only tenant, their account exists in the directory. Answers are cached
 * briefly; a SCIM write on this node evicts the affected emails at once, and the time to live
 * bounds staleness when several nodes serve one database.
 */
@ApplicationScoped
public class AccessService {

  static final long TTL_NANOS = 5_000_000_000L;
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final int MAX_ENTRIES = 200_000;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;

  private record Cached(Access access, long expiresAt) {}

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public Access lookup(String tenantId, String email) {
    String key = tenantId + "|" + email.toLowerCase(Locale.ROOT);
    long now = System.nanoTime();
    Cached cached = cache.get(key);
    if (cached != null && cached.expiresAt - now > 0) {
      return withEmail(cached.access, email);
    }
    Access access = load(tenants.get(tenantId), email);
    if (cache.size() >= MAX_ENTRIES) {
      cache.clear();
    }
    cache.put(key, new Cached(access, now + TTL_NANOS));
    return access;
  }

  /** After the write's transaction ends, so no reader can re-cache the state before it. */
  void evict(@Observes(during = TransactionPhase.AFTER_COMPLETION) UserAccessChanged change) {
    change.userNameKeys().forEach(k -> cache.remove(change.tenantId() + "|" + k));
  }

  private Access load(Tenant tenant, String email) {
    String emailKey = email.toLowerCase(Locale.ROOT);
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
            "SELECT a.id FROM Account a WHERE a.tenantId = :tenant AND a.emailKey = :key",
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
                + " AND a.emailKey = u.userNameKey)"
            : "";
    return em
        .createQuery(
            "SELECT u.userName, u.accessSince, u.id, u.permissionGroups FROM UserRow u WHERE u.tenantId = :tenant"
                + " AND u.accessSince IS NOT NULL AND u.userNameKey > :after"
                + accountCondition
                + " ORDER BY u.userNameKey",
            Object[].class)
        .setParameter("tenant", tenantId)
        .setParameter("after", afterEmail == null ? "" : afterEmail.toLowerCase(Locale.ROOT))
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            r ->
                new Access(
                    (String) r[0], true, (Instant) r[1], (String) r[2], groups((String) r[3])))
        .toList();
  }

  private static Access withEmail(Access access, String email) {
    return access.email().equals(email)
        ? access
        : new Access(
            email,
            access.hasAccess(),
            access.since(),
            access.scimUserId(),
            access.permissionGroups());
  }

  private static List<String> groups(String json) {
    if (json == null) {
      return List.of();
    }
    return List.of(JSON.fromJson(json, String[].class));
  }
}
