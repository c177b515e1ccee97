package io.rollcall.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who administers Rollcall through the admin API and console. */
@Entity
@Table(name = "admin_account")
public class AdminAccount {

  @Id private String username;

  /** Output of {@code Pbkdf2PasswordHash}: algorithm, iterations, salt and hash together. */
  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "created_at")
  private Instant createdAt;

  protected AdminAccount() {}

  AdminAccount(String username, String passwordHash, Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  public String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  void changePasswordHash(String newHash) {
    this.passwordHash = newHash;
  }
}
