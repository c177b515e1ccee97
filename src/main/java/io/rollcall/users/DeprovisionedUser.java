package io.rollcall.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The record a DELETE leaves under the "deprovision" policy: who was removed from SCIM, and when.
 * Under the "erase" policy nothing is kept.
 */
@Entity
@Table(name = "deprovisioned_user")
public class DeprovisionedUser {

  @Id private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "user_name")
  private String userName;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected DeprovisionedUser() {}

  DeprovisionedUser(UserRow user, Instant now) {
    this.id = user.id();
    this.tenantId = user.tenantId();
    this.userName = user.userName();
    this.externalId = user.externalId();
    this.createdAt = user.createdAt();
    this.deletedAt = now;
  }
}
