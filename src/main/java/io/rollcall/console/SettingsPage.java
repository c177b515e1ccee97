package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.ratelimit.Rate;
import io.rollcall.ratelimit.ScimRateLimits;
import io.rollcall.tenant.IdpProfile;
import io.rollcall.tenant.ScimRateLimit;
import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's settings: its name, whether it is enabled, the URN of its custom User extension, its
 * provisioning mode and lifecycle policy, its SCIM rate limit. Each form saves its settings through
 * {@link TenantService#change}, which validates them. The account directory, permission rules and
 * webhook on the same page have their own beans ({@link AccountsPanel}, {@link RulesEditor}, {@link
 * WebhookPanel}, {@link AppKeysPanel}), which take the tenant from this one.
 */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TenantService tenants;
  @Inject AdminTrail trail;
  @Inject ScimRateLimits rateLimits;

  private String id;
  private String done;
  private String currentName;
  private boolean active;
  private String name;
  private String customUserSchema;
  private String provisioningMode;
  private boolean groupsEnabled;
  private String deletePolicy;
  private Integer eraseAfterDays;
  private String scimRateLimit;
  private Integer scimRequestsPerSecond;
  private Integer scimBurst;
  private String idpProfile;

  /** Runs on the first GET: an unknown tenant is a 404. */
  public void load() {
    Optional<Tenant> tenant = tenants.find(id);
    if (tenant.isEmpty()) {
      PageOutcomes.fail(404);
      return;
    }
    currentName = tenant.get().name();
    name = currentName;
    active = tenant.get().isActive();
    customUserSchema = tenant.get().customUserSchema();
    provisioningMode = tenant.get().provisioningMode().label();
    groupsEnabled = tenant.get().groupsEnabled();
    deletePolicy = tenant.get().deletePolicy().label();
    eraseAfterDays = tenant.get().eraseDeactivatedDays().orElse(null);
    ScimRateLimit limit = tenant.get().scimRateLimit();
    scimRateLimit = limit.mode().label();
    idpProfile = tenant.get().idpProfile().label();
    // The form starts from the numbers in force, so "custom" begins at the default, not at blank.
    Rate shown = rateLimits.effective(limit).orElse(rateLimits.defaultRate());
    scimRequestsPerSecond = shown.requestsPerSecond();
    scimBurst = shown.burst();
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

  public String saveProvisioningMode() {
    return change(
        "provisioning:mode",
        new TenantService.TenantChange(null, null, null, null, provisioningMode, null, false, null),
        "mode-saved");
  }

  public String saveIdpProfile() {
    return change(
        "idp",
        TenantService.TenantChange.idpProfile(idpProfile == null ? "" : idpProfile),
        "idp-saved");
  }

  /** The choices of the select, in the table's order. */
  public List<IdpProfile> getIdpProfiles() {
    return List.of(IdpProfile.values());
  }

  public String getIdpProfile() {
    return idpProfile;
  }

  public void setIdpProfile(String idpProfile) {
    this.idpProfile = idpProfile;
  }

  public String saveGroups() {
    return change(
        "groups",
        new TenantService.TenantChange(null, null, null, groupsEnabled, null, null, false, null),
        groupsEnabled ? "groups-on" : "groups-off");
  }

  public String saveLifecycle() {
    return change(
        "lifecycle",
        new TenantService.TenantChange(
            null, null, null, null, null, deletePolicy, true, eraseAfterDays),
        "lifecycle-saved");
  }

  /**
   * The numbers are sent only with "custom": the other choices ignore what the form still shows.
   */
  public String saveRateLimit() {
    boolean custom = "custom".equals(scimRateLimit);
    return change(
        "rate-limit",
        TenantService.TenantChange.scimRateLimit(
            scimRateLimit == null ? "" : scimRateLimit,
            custom ? scimRequestsPerSecond : null,
            custom ? scimBurst : null),
        "rate-limit-saved");
  }

  /** The server's default tenant limit, as the form's hint shows it. */
  public String getDefaultRateLimit() {
    return rateLimits.defaultRate().describe();
  }

  private String change(String field, String newName, Boolean enable, String urn, String outcome) {
    return change(
        field,
        new TenantService.TenantChange(newName, enable, urn, null, null, null, false, null),
        outcome);
  }

  private String change(String field, TenantService.TenantChange change, String outcome) {
    try {
      trail.run(
          AdminAction.of("tenant.change", id).withDetail(TrailDetails.change(change)),
          () -> tenants.change(id, change));
      return "settings?faces-redirect=true&id=" + id + "&done=" + outcome;
    } catch (InvalidInputException e) {
      PageOutcomes.error(field, e.getMessage());
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
      case "mode-saved" -> "Provisioning mode saved.";
      case "idp-saved" -> "Identity provider saved.";
      case "groups-on" -> "Groups are on: /Groups is available to this tenant's identity provider.";
      case "groups-off" -> "Groups are off: /Groups answers 404 and discovery no longer lists it.";
      case "lifecycle-saved" -> "Lifecycle policy saved.";
      case "rate-limit-saved" -> "SCIM rate limit saved. It applies from the next request.";
      case "rules-saved" -> "Permission rules saved. Everyone's groups are being updated.";
      case "webhook-saved" -> "Webhook URL saved.";
      case "webhook-paused" -> "Webhook paused. Events wait until you resume it.";
      case "webhook-resumed" -> "Webhook resumed: the next event is being sent now.";
      case "app-key-revoked" -> "Application key revoked. Requests with it now get 401.";
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

  public boolean isAccessOnly() {
    return "access-only".equals(provisioningMode);
  }

  public boolean isGroupsEnabled() {
    return groupsEnabled;
  }

  public void setGroupsEnabled(boolean groupsEnabled) {
    this.groupsEnabled = groupsEnabled;
  }

  public String getProvisioningMode() {
    return provisioningMode;
  }

  public void setProvisioningMode(String provisioningMode) {
    this.provisioningMode = provisioningMode;
  }

  public String getDeletePolicy() {
    return deletePolicy;
  }

  public void setDeletePolicy(String deletePolicy) {
    this.deletePolicy = deletePolicy;
  }

  public String getScimRateLimit() {
    return scimRateLimit;
  }

  public void setScimRateLimit(String scimRateLimit) {
    this.scimRateLimit = scimRateLimit;
  }

  public Integer getScimRequestsPerSecond() {
    return scimRequestsPerSecond;
  }

  public void setScimRequestsPerSecond(Integer scimRequestsPerSecond) {
    this.scimRequestsPerSecond = scimRequestsPerSecond;
  }

  public Integer getScimBurst() {
    return scimBurst;
  }

  public void setScimBurst(Integer scimBurst) {
    this.scimBurst = scimBurst;
  }

  public Integer getEraseAfterDays() {
    return eraseAfterDays;
  }

  public void setEraseAfterDays(Integer eraseAfterDays) {
    this.eraseAfterDays = eraseAfterDays;
  }
}
