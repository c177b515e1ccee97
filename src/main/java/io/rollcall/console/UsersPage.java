package io.rollcall.console;

import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.users.ProvisionedUsers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's provisioned users: search by email or name, filter by status, page through. A GET
 * form, so every list is a link that can be bookmarked or shared.
 */
@Named
@RequestScoped
public class UsersPage {

  static final int PAGE_SIZE = 25;

  @Inject TenantService tenants;
  @Inject ProvisionedUsers users;

  private String id;
  private String q;
  private String status;
  private int page = 1;

  private String name;
  private boolean active;
  private ProvisionedUsers.Page result = new ProvisionedUsers.Page(0, List.of());

  public void load() {
    Optional<Tenant> tenant = tenants.find(id);
    if (tenant.isEmpty()) {
      PageOutcomes.fail(404);
      return;
    }
    name = tenant.get().name();
    active = tenant.get().isActive();
    Boolean onlyActive =
        switch (status == null ? "" : status) {
          case "active" -> true;
          case "inactive" -> false;
          default -> null;
        };
    page = Math.max(1, page);
    result = users.search(id, q, onlyActive, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  }

  public boolean isFiltered() {
    return (q != null && !q.isBlank()) || onlyStatus();
  }

  private boolean onlyStatus() {
    return "active".equals(status) || "inactive".equals(status);
  }

  public long getFirst() {
    return result.total() == 0 ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
  }

  public long getLast() {
    return (long) (page - 1) * PAGE_SIZE + result.users().size();
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return getLast() < result.total();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }

  public String getName() {
    return name;
  }

  public boolean isActive() {
    return active;
  }

  public ProvisionedUsers.Page getResult() {
    return result;
  }
}
