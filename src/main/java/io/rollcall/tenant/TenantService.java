package io.rollcall.tenant;

import io.rollcall.events.EventOutbox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, finds and changes tenants. Shared by the admin API and the admin console. */
@Stateless
public class TenantService {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject EventOutbox events;

  public Tenant create(String name) {
    Tenant tenant = new Tenant(name, Instant.now(Clock.systemUTC()));
    em.persist(tenant);
    em.flush();
    events.open(tenant.id());
    return tenant;
  }

  public List<Tenant> list() {
    return em.createQuery("SELECT t FROM Tenant t ORDER BY t.name, t.id", Tenant.class)
        .getResultList();
  }

  public Optional<Tenant> find(String id) {
    if (id == null || id.length() > 36) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  public Tenant get(String id) {
    return find(id).orElseThrow(() -> new UnknownTenantException(id));
  }

  /**
   * Changes to a tenant's settings; a null field leaves that setting as it is. The erase period is
   * set whenever {@code eraseDeactivatedAfterDaysGiven}, to "never" when its value is null. The
   * SCIM rate limit changes as {@link ScimRateLimit#changedTo} says.
   */
  public record TenantChange(
      String name,
      Boolean active,
      String customUserSchema,
      Boolean groupsEnabled,
      String provisioningMode,
      String deletePolicy,
      boolean eraseDeactivatedAfterDaysGiven,
      Integer eraseDeactivatedAfterDays,
      String scimRateLimit,
      Integer scimRequestsPerSecond,
      Integer scimBurst,
      String idpProfile) {

    /** A change that leaves the SCIM rate limit and the IdP profile alone. */
    public TenantChange(
        String name,
        Boolean active,
        String customUserSchema,
        Boolean groupsEnabled,
        String provisioningMode,
        String deletePolicy,
        boolean eraseDeactivatedAfterDaysGiven,
        Integer eraseDeactivatedAfterDays) {
      this(
          name,
          active,
          customUserSchema,
          groupsEnabled,
          provisioningMode,
          deletePolicy,
          eraseDeactivatedAfterDaysGiven,
          eraseDeactivatedAfterDays,
          null,
          null,
          null,
          null);
    }

    /** Only the SCIM rate limit. */
    public static TenantChange scimRateLimit(
        String mode, Integer requestsPerSecond, Integer burst) {
      return new TenantChange(
          null, null, null, null, null, null, false, null, mode, requestsPerSecond, burst, null);
    }

    /** Only the IdP profile, by its label ({@link IdpProfile#fromLabel}). */
    public static TenantChange idpProfile(String label) {
      return new TenantChange(
          null, null, null, null, null, null, false, null, null, null, null, label);
    }
  }

  public Tenant change(String id, TenantChange change) {
    Tenant tenant = get(id);
    if (change.name() != null) {
      tenant.rename(change.name());
    }
    if (change.active() != null) {
      if (change.active()) {
        tenant.enable();
      } else {
        tenant.disable();
      }
    }
    if (change.customUserSchema() != null) {
      tenant.useCustomUserSchema(change.customUserSchema());
    }
    if (change.idpProfile() != null) {
      tenant.provisionBy(IdpProfile.fromLabel(change.idpProfile()));
    }
    if (change.provisioningMode() != null) {
      tenant.provisionIn(ProvisioningMode.fromLabel(change.provisioningMode()));
    }
    if (change.deletePolicy() != null || change.eraseDeactivatedAfterDaysGiven()) {
      tenant.applyLifecycle(
          change.deletePolicy() == null
              ? tenant.deletePolicy()
              : DeletePolicy.fromLabel(change.deletePolicy()),
          change.eraseDeactivatedAfterDaysGiven()
              ? change.eraseDeactivatedAfterDays()
              : tenant.eraseDeactivatedDays().orElse(null));
    }
    tenant.limitScimRequests(
        tenant
            .scimRateLimit()
            .changedTo(change.scimRateLimit(), change.scimRequestsPerSecond(), change.scimBurst()));
    if (change.groupsEnabled() != null) {
      if (change.groupsEnabled()) {
        tenant.enableGroups();
      } else {
        tenant.disableGroups();
      }
    }
    return tenant;
  }
}
