package io.rollcall.tenant;

import jakarta.ejb.Stateless;
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

  public Tenant create(String name) {
    Tenant tenant = new Tenant(name, Instant.now(Clock.systemUTC()));
    em.persist(tenant);
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

  /** Applies the given changes; a null argument leaves that setting as it is. */
  public Tenant change(
      String id, String name, Boolean active, String customUserSchema, Boolean groupsEnabled) {
    Tenant tenant = get(id);
    if (name != null) {
      tenant.rename(name);
    }
    if (active != null) {
      if (active) {
        tenant.enable();
      } else {
        tenant.disable();
      }
    }
    if (customUserSchema != null) {
      tenant.useCustomUserSchema(customUserSchema);
    }
    if (groupsEnabled != null) {
      if (groupsEnabled) {
        tenant.enableGroups();
      } else {
        tenant.disableGroups();
      }
    }
    return tenant;
  }
}
