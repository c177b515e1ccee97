package io.rollcall.tenant;

import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.protocol.schema.StandardSchemas;
import io.rollcall.web.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One customer organisation: it owns SCIM tokens, users and settings, and sees nothing else. */
@Entity
@Table(name = "tenant")
public class Tenant {

  @Id private String id;

  private String name;

  @Column(name = "created_at")
  private Instant createdAt;

  private boolean active;

  @Column(name = "custom_user_schema")
  private String customUserSchema;

  @Column(name = "groups_enabled")
  private boolean groupsEnabled;

  @Column(name = "provisioning_mode")
  private ProvisioningMode provisioningMode;

  @Column(name = "delete_policy")
  private DeletePolicy deletePolicy;

  @Column(name = "erase_deactivated_days")
  private Integer eraseDeactivatedDays;

  @Column(name = "scim_rate_limit")
  private ScimRateLimit.Mode scimRateLimit;

  @Column(name = "scim_requests_per_second")
  private Integer scimRequestsPerSecond;

  @Column(name = "scim_burst")
  private Integer scimBurst;

  @Column(name = "idp_profile")
  private IdpProfile idpProfile;

  @Version private long version;

  protected Tenant() {}

  public Tenant(String name, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = TenantName.check(name);
    this.createdAt = now;
    this.active = true;
    this.customUserSchema = StandardSchemas.DEFAULT_CUSTOM_USER;
    this.groupsEnabled = false;
    this.provisioningMode = ProvisioningMode.FULL;
    this.deletePolicy = DeletePolicy.DEPROVISION;
    this.scimRateLimit = ScimRateLimit.Mode.DEFAULT;
    this.idpProfile = IdpProfile.ANY;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean isActive() {
    return active;
  }

  public String customUserSchema() {
    return customUserSchema;
  }

  public boolean groupsEnabled() {
    return groupsEnabled;
  }

  public ProvisioningMode provisioningMode() {
    return provisioningMode;
  }

  public DeletePolicy deletePolicy() {
    return deletePolicy;
  }

  /** Days after which a deactivated user is erased automatically; empty for never. */
  public Optional<Integer> eraseDeactivatedDays() {
    return Optional.ofNullable(eraseDeactivatedDays);
  }

  /** How fast this tenant's SCIM clients may call (the server-wide limit applies as well). */
  public ScimRateLimit scimRateLimit() {
    return new ScimRateLimit(scimRateLimit, scimRequestsPerSecond, scimBurst);
  }

  public void limitScimRequests(ScimRateLimit limit) {
    this.scimRateLimit = limit.mode();
    this.scimRequestsPerSecond = limit.requestsPerSecond();
    this.scimBurst = limit.burst();
  }

  /**
   * The identity provider the tenant named; it decides the tolerances of RFC 7644 its SCIM requests
   * get. Read with every request, like every other setting, so a change reaches every node at once.
   */
  public IdpProfile idpProfile() {
    return idpProfile == null ? IdpProfile.ANY : idpProfile;
  }

  public void provisionBy(IdpProfile profile) {
    this.idpProfile = Objects.requireNonNull(profile);
  }

  public void provisionIn(ProvisioningMode mode) {
    this.provisioningMode = Objects.requireNonNull(mode);
  }

  /**
   * @param policy what DELETE does
   * @param eraseAfterDays erase users deactivated this many days ago (0 to 3650), or null for never
   */
  public void applyLifecycle(DeletePolicy policy, Integer eraseAfterDays) {
    if (eraseAfterDays != null && (eraseAfterDays < 0 || eraseAfterDays > 3650)) {
      throw new InvalidInputException(
          "eraseDeactivatedAfterDays must be between 0 and 3650, or null");
    }
    this.deletePolicy = Objects.requireNonNull(policy);
    this.eraseDeactivatedDays = eraseAfterDays;
  }

  public void rename(String newName) {
    this.name = TenantName.check(newName);
  }

  public void disable() {
    this.active = false;
  }

  public void enable() {
    this.active = true;
  }

  /** Lets the tenant's SCIM clients use {@code /Groups}; discovery lists the Group type. */
  public void enableGroups() {
    this.groupsEnabled = true;
  }

  /**
   * Hides {@code /Groups} from the tenant's SCIM clients (404, not in discovery). Stored groups are
   * kept and come back when groups are enabled again.
   */
  public void disableGroups() {
    this.groupsEnabled = false;
  }

  /** Sets the URN of the custom User extension, so an IdP's existing mapping carries over. */
  public void useCustomUserSchema(String urn) {
    this.customUserSchema = CustomSchemaUrn.check(urn);
  }

  /** The schemas and resource types this tenant's SCIM clients see. */
  /** Raised by every change of the tenant's settings and by a change of its permission rules. */
  public long version() {
    return version;
  }

  public SchemaRegistry schemaRegistry() {
    return SchemaRegistry.forTenant(
        customUserSchema, groupsEnabled, provisioningMode == ProvisioningMode.ACCESS_ONLY);
  }
}
