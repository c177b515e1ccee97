package io.rollcall.access;

import io.rollcall.security.TokenSecret;
import io.rollcall.security.TokenStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An application key: the secret with which the host application calls the access-check API,
 * for one tenant or for all. Kept like a SCIM token (hash only, shown once) but a different kind
 * of secret with its own prefix, so neither ever opens the other's API.
 */
@Entity
@Table(name = "app_key")
public class AppKey {

  public static final String SECRET_PREFIX = "rca_";

  @Id private String id;

  /** The one tenant this key reads, or null for every tenant. */
  @Column(name = "tenant_id")
  private String tenantId;

  private String prefix;

  @Column(name = "secret_hash")
  private String secretHash;

  private String description;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected AppKey() {}

  AppKey(String tenantId, String secret, String description, Instant now, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.prefix = TokenSecret.lookupKey(secret);
    this.secretHash = TokenSecret.hash(secret);
    this.description = description;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public String prefix() {
    return prefix;
  }

  String secretHash() {
    return secretHash;
  }

  public String description() {
    return description;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public TokenStatus status(Instant now) {
    if (revokedAt != null && !revokedAt.isAfter(now)) {
      return TokenStatus.REVOKED;
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      return TokenStatus.EXPIRED;
    }
    return TokenStatus.ACTIVE;
  }

  void revoke(Instant at) {
    if (revokedAt == null || at.isBefore(revokedAt)) {
      revokedAt = at;
    }
  }

  void usedAt(Instant at) {
    lastUsedAt = at;
  }

  /** Whether this key may read the given tenant. */
  public boolean covers(String tenant) {
    return tenantId == null || tenantId.equals(tenant);
  }
}
