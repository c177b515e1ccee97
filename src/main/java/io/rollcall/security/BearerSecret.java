package io.rollcall.security;

import io.rollcall.web.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What every kind of bearer secret keeps: only the hash of the secret and a short lookup prefix, a
 * description, and its lifecycle (expiry, revocation — possibly scheduled — and last use). SCIM
 * tokens and application keys are both bearer secrets, stored in their own tables.
 */
@MappedSuperclass
public abstract class BearerSecret {

  @Id private String id;

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

  /** Longest description of a secret. */
  public static final int MAX_DESCRIPTION = 200;

  /** Longest lifetime a secret may be minted with. */
  public static final int MAX_EXPIRY_DAYS = 3650;

  protected BearerSecret() {}

  /** The admin's description of a new secret, checked and stripped; blank when none is given. */
  public static String checkedDescription(String description) {
    String text = description == null ? "" : description.strip();
    if (text.length() > MAX_DESCRIPTION || text.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(
          "description must be at most " + MAX_DESCRIPTION + " printable characters");
    }
    return text;
  }

  /** When a secret minted now for {@code days} expires; null (never) when no days are given. */
  public static Instant expiry(Integer days, Instant now) {
    if (days == null) {
      return null;
    }
    if (days < 1 || days > MAX_EXPIRY_DAYS) {
      throw new InvalidInputException(
          "expiresInDays must be between 1 and " + MAX_EXPIRY_DAYS + ", or absent for no expiry");
    }
    return now.plus(Duration.ofDays(days));
  }

  protected BearerSecret(String secret, String description, Instant now, Instant expiresAt) {
    this.id = UUID.randomUUID().toString();
    this.prefix = TokenSecret.lookupKey(secret);
    this.secretHash = TokenSecret.hash(secret);
    this.description = description;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String id() {
    return id;
  }

  public String prefix() {
    return prefix;
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

  /** Whether the presented secret is this one, compared in constant time. */
  public boolean matches(String presented) {
    return TokenSecret.matches(presented, secretHash);
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

  /** Whether a revocation is set for a moment still to come: the secret works until then. */
  public boolean revocationScheduled(Instant now) {
    return revokedAt != null && revokedAt.isAfter(now);
  }

  /**
   * Whether an active secret has gone unused for the whole period (counting from its creation if it
   * was never used): a hint that nobody needs it any more and it can be revoked.
   */
  public boolean unusedFor(Duration period, Instant now) {
    Instant since = lastUsedAt == null ? createdAt : lastUsedAt;
    return status(now) == TokenStatus.ACTIVE && since.isBefore(now.minus(period));
  }

  /** Days from creation to expiry, rounded up; empty for a secret that never expires. */
  public OptionalInt lifetimeInDays() {
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

  /** Records a use, at most once a minute per secret (see {@link LastUse}). */
  public void recordUse(Instant at) {
    if (LastUse.due(id, at) && (lastUsedAt == null || at.isAfter(lastUsedAt))) {
      lastUsedAt = at;
    }
  }

  /**
   * Deletes the secrets of one kind that expired or were revoked before {@code cutoff}, and forgets
   * their pending last-use times; returns how many.
   */
  static int purgeStale(EntityManager em, Class<? extends BearerSecret> kind, Instant cutoff) {
    // The entity name comes from the class, never from a request.
    String entity = em.getMetamodel().entity(kind).getName();
    List<String> ids =
        em.createQuery(
                "SELECT t.id FROM "
                    + entity
                    + " t WHERE t.revokedAt < :cutoff OR t.expiresAt < :cutoff",
                String.class)
            .setParameter("cutoff", cutoff)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    ids.forEach(LastUse::forget);
    return em.createQuery("DELETE FROM " + entity + " t WHERE t.id IN :ids")
        .setParameter("ids", ids)
        .executeUpdate();
  }
}
