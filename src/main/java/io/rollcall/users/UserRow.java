package io.rollcall.users;

import io.rollcall.protocol.schema.CaseFolding;
import io.rollcall.querying.Comparisons;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code scim_user} row of a provisioned user (the JPA entity): the canonical SCIM document
 * plus the columns that identify it. The document holds every attribute except {@code id}, {@code
 * meta} and the write-only password. Services hand out {@link User}, the read model; clients see
 * {@link UserRepresentation}.
 */
@Entity
@Table(name = "scim_user")
public class UserRow {

  @Id private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "user_name")
  private String userName;

  @Column(name = "user_name_key")
  private String userNameKey;

  @Column(name = "external_id")
  private String externalId;

  /** 1 when active; see V2__users.sql for why not BOOLEAN. */
  private short active;

  private String document;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "last_modified")
  private Instant lastModified;

  /** When the user last gained access; null while inactive. */
  @Column(name = "access_since")
  private Instant accessSince;

  /** When the user lost access; null while active. Drives automatic erasure. */
  @Column(name = "deactivated_at")
  private Instant deactivatedAt;

  /** The permission groups the tenant's rules give this user, as a JSON array. */
  @Column(name = "permission_groups")
  private String permissionGroups;

  @Version private long version;

  /** Only for joins in sort queries; never loaded. */
  @OneToMany(mappedBy = "user", fetch = FetchType.LAZY)
  private List<UserValue> values;

  protected UserRow() {}

  UserRow(String tenantId, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.createdAt = now;
  }

  /** Replaces the stored representation; the caller has validated it. */
  void store(String userName, String externalId, boolean active, String document, Instant now) {
    this.userName = userName;
    this.userNameKey = CaseFolding.fold(userName);
    this.externalId = externalId;
    this.active = Comparisons.flag(active);
    if (active) {
      accessSince = accessSince == null ? now : accessSince;
      deactivatedAt = null;
    } else {
      accessSince = null;
      deactivatedAt = deactivatedAt == null ? now : deactivatedAt;
    }
    this.document = document;
    this.lastModified = now;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String userName() {
    return userName;
  }

  public String externalId() {
    return externalId;
  }

  public boolean isActive() {
    return active == 1;
  }

  String document() {
    return document;
  }

  public String permissionGroupsJson() {
    return permissionGroups;
  }

  void permissionGroupsJson(String json) {
    this.permissionGroups = json;
  }

  public Instant accessSince() {
    return accessSince;
  }

  public Instant deactivatedAt() {
    return deactivatedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastModified() {
    return lastModified;
  }

  public long version() {
    return version;
  }
}
