package io.rollcall.groups;

import io.rollcall.protocol.schema.CaseFolding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code scim_group} row of a group (the JPA entity): its canonical SCIM document without
 * members, plus the columns that identify it. Members are {@link GroupMember} rows. Services hand
 * out {@link Group}, the read model; clients see {@link GroupRepresentation}.
 */
@Entity
@Table(name = "scim_group")
public class GroupRow {

  @Id private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "display_name_key")
  private String displayNameKey;

  @Column(name = "external_id")
  private String externalId;

  private String document;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "last_modified")
  private Instant lastModified;

  @Version private long version;

  protected GroupRow() {}

  GroupRow(String tenantId, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.createdAt = now;
  }

  /** Replaces the stored representation; the caller has validated it. */
  void store(String displayName, String externalId, String document, Instant now) {
    this.displayName = displayName;
    this.displayNameKey = CaseFolding.fold(displayName);
    this.externalId = externalId;
    this.document = document;
    this.lastModified = now;
  }

  /**
   * Records that the members changed: the group is modified, so {@code meta.lastModified} and its
   * version move on even though the row's document is the same.
   */
  void membersChanged(Instant now) {
    this.lastModified = now;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String displayName() {
    return displayName;
  }

  public String externalId() {
    return externalId;
  }

  String document() {
    return document;
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
