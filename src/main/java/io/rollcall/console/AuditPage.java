package io.rollcall.console;

import io.rollcall.audit.AuditLog;
import io.rollcall.audit.AuditQuery;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's audit log of SCIM requests, newest first, filtered by method, status class and path,
 * with "older" paging. A GET form, like the users list.
 */
@Named
@RequestScoped
public class AuditPage {

  static final int PAGE_SIZE = 50;

  @Inject TenantService tenants;
  @Inject AuditLog audit;

  private String id;
  private String method;
  private String status;
  private String path;
  private String before;

  private String name;
  private boolean active;
  private AuditLog.Page result = new AuditLog.Page(List.of(), null);

  public void load() {
    Optional<Tenant> tenant = tenants.find(id);
    if (tenant.isEmpty()) {
      PageOutcomes.fail(404);
      return;
    }
    name = tenant.get().name();
    active = tenant.get().isActive();
    try {
      result = audit.page(id, AuditQuery.of(method, status, path, before, PAGE_SIZE));
    } catch (InvalidInputException e) {
      PageOutcomes.error("filters", e.getMessage());
    }
  }

  public boolean isFiltered() {
    return notBlank(method) || notBlank(status) || notBlank(path);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  public String getName() {
    return name;
  }

  public boolean isActive() {
    return active;
  }

  public AuditLog.Page getResult() {
    return result;
  }
}
