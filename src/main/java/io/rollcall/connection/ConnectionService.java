package io.rollcall.connection;

import io.rollcall.audit.AuditEntry;
import io.rollcall.audit.AuditLog;
import io.rollcall.events.EventKind;
import io.rollcall.tenant.IdpProfile;
import io.rollcall.tenant.ProvisioningMode;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads what the connection check needs — the last day of the tenant's audit log, capped, and its
 * recent deactivations — and hands it to {@link ConnectionCheck}. Both reads are bounded: the audit
 * log through its tenant-and-time index, the events through their primary key, newest first.
 */
@Stateless
public class ConnectionService {

  /** How far back the check looks. */
  static final Duration WINDOW = Duration.ofHours(24);

  /** The most requests (and events) read per check, whatever the traffic. */
  static final int MAX_ROWS = 5000;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject TenantService tenants;

  Clock clock = Clock.systemUTC();

  /**
   * The verdict for the tenant.
   *
   * @param scimBaseUrl the tenant's SCIM base URL as the caller's surface computes it (public root)
   */
  public ConnectionVerdict check(String tenantId, String scimBaseUrl) {
    Tenant tenant = tenants.get(tenantId);
    Instant now = clock.instant();
    Instant since = now.minus(WINDOW);
    List<ScimCall> calls =
        audit.since(tenantId, since, MAX_ROWS).stream().map(ConnectionService::call).toList();
    ConnectionCheck.Setup setup =
        new ConnectionCheck.Setup(
            scimBaseUrl,
            tenant.provisioningMode() == ProvisioningMode.ACCESS_ONLY,
            since,
            now,
            deactivationsSince(tenantId, since),
            calls.isEmpty() ? audit.latestAt(tenantId).orElse(null) : null,
            chosen(tenant.idpProfile()));
    return ConnectionCheck.assess(calls, setup);
  }

  /** The provider a tenant's profile names; none for {@code any} and {@code other}. */
  static IdentityProvider chosen(IdpProfile profile) {
    return switch (profile) {
      case OKTA -> IdentityProvider.OKTA;
      case ENTRA_ID -> IdentityProvider.ENTRA_ID;
      case GOOGLE_WORKSPACE -> IdentityProvider.GOOGLE;
      case ONELOGIN -> IdentityProvider.ONELOGIN;
      case JUMPCLOUD -> IdentityProvider.JUMPCLOUD;
      case ANY, OTHER -> IdentityProvider.UNKNOWN;
    };
  }

  private int deactivationsSince(String tenantId, Instant since) {
    List<String> kinds =
        em.createQuery(
                "SELECT e.content.kind FROM ProvisioningEvent e WHERE e.tenantId = :tenant"
                    + " AND e.content.occurredAt >= :since ORDER BY e.seq DESC",
                String.class)
            .setParameter("tenant", tenantId)
            .setParameter("since", since)
            .setMaxResults(MAX_ROWS)
            .getResultList();
    return (int) kinds.stream().filter(EventKind.DEACTIVATED.label()::equals).count();
  }

  private static ScimCall call(AuditEntry e) {
    return new ScimCall(
        e.occurredAt(),
        e.method(),
        e.path(),
        e.filter(),
        e.queryParams(),
        e.status(),
        e.scimType(),
        e.userAgent(),
        e.droppedAttributes());
  }
}
