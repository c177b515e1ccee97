package io.rollcall.security;

import io.rollcall.tenant.Tenant;
import io.rollcall.tenant.TenantService;
import io.rollcall.web.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Mints, lists, revokes, checks and purges SCIM bearer tokens. */
@Stateless
public class TokenService {

  static final int MAX_GRACE_MINUTES = 30 * 24 * 60;

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject TenantService tenants;

  Clock clock = Clock.systemUTC();

  /** The secret leaves the server only in this return value. */
  public record MintedToken(ScimToken token, String secret) {}

  /**
   * A rotation: the new token (with its secret) and the old one, now set to stop at the cut-over.
   */
  public record Rotation(MintedToken replacement, ScimToken replaced) {}

  /** How a tenant's tokens are used: how many open the API now, and the last time one did. */
  public record TenantActivity(int activeTokens, Instant lastUsedAt) {
    public static final TenantActivity NONE = new TenantActivity(0, null);
  }

  public MintedToken mint(String tenantId, String description, Integer expiresInDays) {
    Tenant tenant = tenants.get(tenantId);
    String text = BearerSecret.checkedDescription(description);
    Instant now = clock.instant();
    Instant expiresAt = BearerSecret.expiry(expiresInDays, now);
    String secret = TokenSecret.generate(ScimToken.SECRET_PREFIX);
    ScimToken token = new ScimToken(tenant.id(), secret, text, now, expiresAt);
    em.persist(token);
    return new MintedToken(token, secret);
  }

  public List<ScimToken> list(String tenantId) {
    tenants.get(tenantId);
    return em.createQuery(
            "SELECT t FROM ScimToken t WHERE t.tenantId = :tenant ORDER BY t.createdAt DESC, t.id",
            ScimToken.class)
        .setParameter("tenant", tenantId)
        .getResultList();
  }

  public Optional<ScimToken> find(String tenantId, String tokenId) {
    return em.createQuery(
            "SELECT t FROM ScimToken t WHERE t.tenantId = :tenant AND t.id = :id", ScimToken.class)
        .setParameter("tenant", tenantId)
        .setParameter("id", tokenId)
        .getResultStream()
        .findFirst();
  }

  /** Revokes at once; the token fails its very next request. */
  public void revoke(String tenantId, String tokenId) {
    revokeAt(tenantId, tokenId, clock.instant());
  }

  /** Revokes at a future instant, so a rotated token keeps working until the cut-over. */
  public ScimToken revokeAt(String tenantId, String tokenId, Instant at) {
    tenants.get(tenantId);
    ScimToken token = find(tenantId, tokenId).orElseThrow(() -> new UnknownTokenException(tokenId));
    token.revoke(at);
    return token;
  }

  /**
   * Zero-downtime rotation: mints a replacement and revokes the old token {@code graceMinutes} from
   * now, so the identity provider can switch to the new secret while both work. Without a
   * description the replacement keeps the old one's; without {@code expiresInDays} it gets the old
   * token's lifetime (none if the old one never expired).
   */
  public Rotation rotate(
      String tenantId,
      String tokenId,
      Integer graceMinutes,
      String description,
      Integer expiresInDays) {
    if (graceMinutes == null || graceMinutes < 0 || graceMinutes > MAX_GRACE_MINUTES) {
      throw new InvalidInputException(
          "graceMinutes must be between 0 and " + MAX_GRACE_MINUTES + " (30 days)");
    }
    tenants.get(tenantId);
    ScimToken old = find(tenantId, tokenId).orElseThrow(() -> new UnknownTokenException(tokenId));
    Instant now = clock.instant();
    if (old.status(now) != TokenStatus.ACTIVE) {
      throw new InvalidInputException(
          "only an active token can be rotated; this one is " + old.status(now).label());
    }
    String text = description == null || description.isBlank() ? old.description() : description;
    Integer days = expiresInDays;
    if (days == null && old.lifetimeInDays().isPresent()) {
      days = Math.min(BearerSecret.MAX_EXPIRY_DAYS, old.lifetimeInDays().getAsInt());
    }
    MintedToken replacement = mint(tenantId, text, days);
    old.revoke(now.plus(Duration.ofMinutes(graceMinutes)));
    return new Rotation(replacement, old);
  }

  /** Per tenant id: active tokens and the last SCIM request with any of its tokens. */
  public Map<String, TenantActivity> activityByTenant() {
    Instant now = clock.instant();
    Map<String, TenantActivity> activity = new HashMap<>();
    List<ScimToken> all =
        em.createQuery("SELECT t FROM ScimToken t", ScimToken.class).getResultList();
    for (ScimToken token : all) {
      TenantActivity sofar = activity.getOrDefault(token.tenantId(), TenantActivity.NONE);
      int active = sofar.activeTokens() + (token.status(now) == TokenStatus.ACTIVE ? 1 : 0);
      Instant last = latest(sofar.lastUsedAt(), token.lastUsedAt());
      activity.put(token.tenantId(), new TenantActivity(active, last));
    }
    return activity;
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /**
   * Checks a presented bearer secret (see {@link #find}). The tenant's SCIM rate limit comes with
   * the same row, read fresh on every request, so a changed limit applies at once on every node.
   */
  public Optional<ScimClient> authenticate(String presented) {
    Optional<Match> match = find(presented);
    if (match.isEmpty()) {
      return Optional.empty();
    }
    ScimToken token = match.get().token();
    Instant now = clock.instant();
    if (!match.get().tenant().isActive() || token.status(now) != TokenStatus.ACTIVE) {
      return Optional.empty();
    }
    token.recordUse(now);
    return Optional.of(new ScimClient(token.id(), token.prefix(), match.get().tenant()));
  }

  /**
   * Why {@link #authenticate} refused {@code presented}. Asked only after a refusal, so the request
   * that succeeds pays nothing for it.
   */
  public TokenRefusal refusal(String presented) {
    if (!TokenSecret.isWellFormed(presented, ScimToken.SECRET_PREFIX)) {
      return TokenRefusal.anonymous(TokenRefusal.Reason.MALFORMED);
    }
    Optional<Match> match = find(presented);
    if (match.isEmpty()) {
      return TokenRefusal.anonymous(TokenRefusal.Reason.UNKNOWN);
    }
    ScimToken token = match.get().token();
    TokenRefusal.Reason reason =
        !match.get().tenant().isActive()
            ? TokenRefusal.Reason.TENANT_DISABLED
            : switch (token.status(clock.instant())) {
              case REVOKED -> TokenRefusal.Reason.REVOKED;
              case EXPIRED -> TokenRefusal.Reason.EXPIRED;
              // Valid a moment ago: revoked or the tenant enabled in between; say unknown.
              case ACTIVE -> TokenRefusal.Reason.UNKNOWN;
            };
    return new TokenRefusal(reason, token.tenantId(), token.prefix());
  }

  /** The token whose secret was presented, with its tenant's row. */
  private record Match(ScimToken token, Tenant tenant) {}

  /**
   * Rows are found by the secret's lookup key, then the whole secret is compared against each
   * candidate's hash in constant time; empty for a malformed secret or one no token has.
   */
  private Optional<Match> find(String presented) {
    if (!TokenSecret.isWellFormed(presented, ScimToken.SECRET_PREFIX)) {
      return Optional.empty();
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT t, n FROM ScimToken t, Tenant n"
                    + " WHERE t.prefix = :prefix AND n.id = t.tenantId",
                Object[].class)
            .setParameter("prefix", TokenSecret.lookupKey(presented))
            .getResultList();
    for (Object[] row : rows) {
      ScimToken token = (ScimToken) row[0];
      if (token.matches(presented)) {
        return Optional.of(new Match(token, (Tenant) row[1]));
      }
    }
    return Optional.empty();
  }

  /** Deletes tokens that expired or were revoked before {@code cutoff}; returns how many. */
  public int purgeStale(Instant cutoff) {
    return BearerSecret.purgeStale(em, ScimToken.class, cutoff);
  }
}
