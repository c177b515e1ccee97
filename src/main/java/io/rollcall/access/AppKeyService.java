package io.rollcall.access;

import io.rollcall.security.AppClient;
import io.rollcall.security.BearerSecret;
import io.rollcall.security.TokenSecret;
import io.rollcall.security.TokenStatus;
import io.rollcall.tenant.TenantService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Mints, lists, revokes and checks application keys. */
@Stateless
public class AppKeyService {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;

  Clock clock = Clock.systemUTC();

  /** The secret leaves the server only in this return value. */
  public record MintedKey(AppKey key, String secret) {}

  /**
   * @param tenantId the one tenant the key reads, or null for every tenant
   */
  public MintedKey mint(String tenantId, String description, Integer expiresInDays) {
    if (tenantId != null) {
      tenants.get(tenantId);
    }
    String text = BearerSecret.checkedDescription(description);
    Instant now = clock.instant();
    Instant expiresAt = BearerSecret.expiry(expiresInDays, now);
    String secret = TokenSecret.generate(AppKey.SECRET_PREFIX);
    AppKey key = new AppKey(tenantId, secret, text, now, expiresAt);
    em.persist(key);
    return new MintedKey(key, secret);
  }

  public List<AppKey> list() {
    return em.createQuery("SELECT k FROM AppKey k ORDER BY k.createdAt DESC, k.id", AppKey.class)
        .getResultList();
  }

  /** The keys that read this one tenant, newest first; keys for every tenant are not included. */
  public List<AppKey> listForTenant(String tenantId) {
    return em.createQuery(
            "SELECT k FROM AppKey k WHERE k.tenantId = :tenantId ORDER BY k.createdAt DESC, k.id",
            AppKey.class)
        .setParameter("tenantId", tenantId)
        .getResultList();
  }

  /** Revokes a key of this tenant; a key of another tenant, or for all, is unknown here. */
  public void revokeForTenant(String tenantId, String keyId) {
    AppKey key = em.find(AppKey.class, keyId);
    if (key == null || !tenantId.equals(key.tenantId())) {
      throw new UnknownAppKeyException(keyId);
    }
    key.revoke(clock.instant());
  }

  public void revoke(String keyId) {
    AppKey key = em.find(AppKey.class, keyId);
    if (key == null) {
      throw new UnknownAppKeyException(keyId);
    }
    key.revoke(clock.instant());
  }

  /** Finds the key by its lookup prefix and compares the whole secret in constant time. */
  public Optional<AppClient> authenticate(String presented) {
    if (!TokenSecret.isWellFormed(presented, AppKey.SECRET_PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    for (AppKey key :
        em.createQuery("SELECT k FROM AppKey k WHERE k.prefix = :prefix", AppKey.class)
            .setParameter("prefix", TokenSecret.lookupKey(presented))
            .getResultList()) {
      if (key.matches(presented)) {
        if (key.status(now) != TokenStatus.ACTIVE) {
          return Optional.empty();
        }
        key.recordUse(now);
        return Optional.of(new AppClient(key.id(), key.tenantId()));
      }
    }
    return Optional.empty();
  }
}
