package io.rollcall.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;

/** A bearer token with which one tenant's identity provider calls the SCIM API. */
@Entity
@Table(name = "scim_token")
public class ScimToken {

  /** Recognisable by secret scanners. */
  public static final String SECRET_PREFIX = "rcs_";

  @Id private String id;

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

  protected ScimToken() {}

  ScimToken(String tenantId, String secret, String description, Instant now, Instant expiresAt) {
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

  /** Whether a revocation is set for a moment still to come: the token works until then. */
  public boolean revocationScheduled(Instant now) {
    return revokedAt != null && revokedAt.isAfter(now);
  }

  /**
   * Whether an active token has gone unused for the whole period (counting from its creation if it
   * was never used): a hint that nobody needs it any more and it can be revoked.
   */
  public boolean unusedFor(Duration period, Instant now) {
    Instant since = lastUsedAt == null ? createdAt : lastUsedAt;
    return status(now) == TokenStatus.ACTIVE && since.isBefore(now.minus(period));
  }

  /** Days from creation to expiry, rounded up; empty for a token that never expires. */
  OptionalInt lifetimeInDays() {
    if (expiresAt == null) {
      return OptionalInt.empty();
    }
    long seconds = Duration.between(createdAt, expiresAt).toSeconds();
    long days = (seconds + Duration.ofDays(1).toSeconds() - 1) / Duration.ofDays(1).toSeconds();
    return OptionalInt.of((int) Math.max(1, days));
  }

  /** Revokes now, or at a later time (zero-downtime rotation); an earlier revocation stands. */
  public void revoke(Instant at) {
    if (revokedAt == null || at.isBefore(revokedAt)) {
      revokedAt = at;
    }
  }

  void usedAt(Instant at) {
    if (lastUsedAt == null || at.isAfter(lastUsedAt)) {
      lastUsedAt = at;
    }
  }
}
