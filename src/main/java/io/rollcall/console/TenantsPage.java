package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.security.TokenService;
import io.rollcall.security.TokenService.TenantActivity;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.users.ProvisionedUsers;
import io.rollcall.web.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The list of tenants, with their active users and token activity, and the form to create one. The
 * counts come from one grouped query each, whatever the number of tenants.
 */
@Named
@ViewScoped
public class TenantsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TenantService tenants;
  @Inject TokenService tokens;
  @Inject ProvisionedUsers users;
  @Inject AdminTrail trail;

  /** One line of the list. */
  public record Row(
      String id,
      String name,
      boolean active,
      long activeUsers,
      int activeTokens,
      Instant lastActivity)
      implements Serializable {}

  private List<Row> rows;
  private String newName;

  @PostConstruct
  void load() {
    Map<String, TenantActivity> activity = tokens.activityByTenant();
    Map<String, Long> activeUsers = users.activeCountByTenant();
    rows =
        tenants.list().stream()
            .map(
                t -> {
                  TenantActivity a = activity.getOrDefault(t.id(), TenantActivity.NONE);
                  return new Row(
                      t.id(),
                      t.name(),
                      t.isActive(),
                      activeUsers.getOrDefault(t.id(), 0L),
                      a.activeTokens(),
                      a.lastUsedAt());
                })
            .toList();
  }

  public String create() {
    try {
      Tenant tenant =
          trail.run(
              AdminAction.of("tenant.create", null),
              () -> tenants.create(newName),
              t -> AdminAction.of("tenant.create", t.id()).withDetail("name=" + t.name()));
      return "tenant?faces-redirect=true&id=" + tenant.id() + "&done=created";
    } catch (InvalidInputException e) {
      PageOutcomes.error("create:name", e.getMessage());
      return null;
    }
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}
