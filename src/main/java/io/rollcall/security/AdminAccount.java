package io.rollcall.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who administers Rollcall through the admin API and console, with one role. */
@Entity
@Table(name = "admin_account")
public class AdminAccount {

  @Id private String username;

  /** {@link PasswordHashes}' form: algorithm, iterations, salt and hash together. */
  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "created_at")
  private Instant createdAt;

  private String role;

  private boolean enabled;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  protected AdminAccount() {}

  AdminAccount(
      String username, String passwordHash, AdminRole role, String createdBy, Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role.label();
    this.enabled = true;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.passwordChangedAt = createdAt;
  }

  public String username() {
    return username;
  }

  public AdminRole role() {
    return AdminRole.of(role);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public boolean isEnabledOwner() {
    return enabled && role() == AdminRole.OWNER;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Who created the account; null for the first one, made at the first start. */
  public String createdBy() {
    return createdBy;
  }

  public Instant passwordChangedAt() {
    return passwordChangedAt;
  }

  String passwordHash() {
    return passwordHash;
  }

  void changePassword(String newHash, Instant at) {
    this.passwordHash = newHash;
    this.passwordChangedAt = at;
  }

  /** A stronger hash of the same password: not a password change. */
  void rehash(String newHash) {
    this.passwordHash = newHash;
  }

  void changeRole(AdminRole newRole) {
    this.role = newRole.label();
  }

  void enable(boolean on) {
    this.enabled = on;
  }
}
