package io.rollcall.console;

import io.rollcall.events.EventOutbox;
import io.rollcall.events.ProvisioningEvent;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.users.ProvisionedUsers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/** One provisioned user: every attribute by schema, permission groups and provisioning events. */
@Named
@RequestScoped
public class UserPage {

  /** Events shown, newest first. */
  static final int EVENTS = 100;

  @Inject TenantService tenants;
  @Inject ProvisionedUsers users;
  @Inject EventOutbox events;

  private String id;
  private String user;

  private String tenantName;
  private boolean tenantActive;
  private ProvisionedUsers.Detail detail;
  private List<ProvisioningEvent> history = List.of();

  public void load() {
    Optional<Tenant> tenant = tenants.find(id);
    Optional<ProvisionedUsers.Detail> found =
        tenant.isEmpty() ? Optional.empty() : users.find(id, user);
    if (found.isEmpty()) {
      PageOutcomes.fail(404);
      return;
    }
    tenantName = tenant.get().name();
    tenantActive = tenant.get().isActive();
    detail = found.get();
    history = events.forUser(id, user, EVENTS);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getTenantName() {
    return tenantName;
  }

  public boolean isTenantActive() {
    return tenantActive;
  }

  public ProvisionedUsers.Detail getDetail() {
    return detail;
  }

  public List<ProvisioningEvent> getHistory() {
    return history;
  }
}
