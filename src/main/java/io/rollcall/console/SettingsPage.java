package io.rollcall.console;

import io.rollcall.platform.InvalidInputException;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * A tenant's settings: its name, whether it is enabled, and the URN of its custom User extension.
 * Each form saves one setting through {@link TenantService#change}, which validates it.
 */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TenantService tenants;

  private String id;
  private String done;
  private String currentName;
  private boolean active;
  private String name;
  private String customUserSchema;

  /** Runs on the first GET: an unknown tenant is a 404. */
  public void load() {
    Optional<Tenant> tenant = tenants.find(id);
    if (tenant.isEmpty()) {
      Pages.fail(404);
      return;
    }
    currentName = tenant.get().name();
    name = currentName;
    active = tenant.get().isActive();
    customUserSchema = tenant.get().customUserSchema();
  }

  public String rename() {
    return change("rename:name", name == null ? "" : name, null, null, "renamed");
  }

  public String disable() {
    return change("status", null, false, null, "disabled");
  }

  public String enable() {
    return change("status", null, true, null, "enabled");
  }

  public String saveSchema() {
    return change(
        "schema:urn", null, null, customUserSchema == null ? "" : customUserSchema, "schema-saved");
  }

  private String change(String field, String newName, Boolean enable, String urn, String outcome) {
    try {
      tenants.change(
          id, new TenantService.TenantChange(newName, enable, urn, null, null, null, false, null));
      return "settings?faces-redirect=true&id=" + id + "&done=" + outcome;
    } catch (InvalidInputException e) {
      Pages.error(field, e.getMessage());
      return null;
    }
  }

  /** The confirmation after a redirect, from a fixed list (never echoing the parameter). */
  public String getNotice() {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "renamed" -> "Name saved.";
      case "disabled" -> "Tenant disabled. Its tokens get 401 until you enable it again.";
      case "enabled" -> "Tenant enabled. Its active tokens work again.";
      case "schema-saved" -> "Custom extension URN saved.";
      default -> null;
    };
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }

  public String getCurrentName() {
    return currentName;
  }

  public boolean isActive() {
    return active;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCustomUserSchema() {
    return customUserSchema;
  }

  public void setCustomUserSchema(String customUserSchema) {
    this.customUserSchema = customUserSchema;
  }
}
