package io.rollcall.security;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Admin API tokens: minted by an admin for their own account, listed, revoked, checked. */
@Stateless
public class AdminTokenService {

  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  @Inject AdminAccountService accounts;

  Clock clock = Clock.systemUTC();

  /** The secret leaves the server only in this return value. */
  public record MintedAdminToken(AdminToken token, String secret) {}

  public MintedAdminToken mint(String username, String description, Integer expiresInDays) {
    AdminAccount account = accounts.get(username);
    String text = BearerSecret.checkedDescription(description);
    Instant now = clock.instant();
    Instant expiresAt = BearerSecret.expiry(expiresInDays, now);
    String secret = TokenSecret.generate(AdminToken.SECRET_PREFIX);
    AdminToken token = new AdminToken(account.username(), secret, text, now, expiresAt);
    em.persist(token);
    return new MintedAdminToken(token, secret);
  }

  public List<AdminToken> list(String username) {
    AdminAccount account = accounts.get(username);
    return em.createQuery(
            "SELECT t FROM AdminToken t WHERE t.username = :username"
                + " ORDER BY t.createdAt DESC, t.id",
            AdminToken.class)
        .setParameter("username", account.username())
        .getResultList();
  }

  /** Revokes one of the account's tokens at once; its very next request fails. */
  public AdminToken revoke(String username, String tokenId) {
    AdminAccount account = accounts.get(username);
    AdminToken token =
        em.createQuery(
                "SELECT t FROM AdminToken t WHERE t.username = :username AND t.id = :id",
                AdminToken.class)
            .setParameter("username", account.username())
            .setParameter("id", tokenId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new UnknownTokenException(tokenId));
    token.revoke(clock.instant());
    return token;
  }

  /**
   * The enabled account a presented token belongs to. Rows are found by the lookup key, then the
   * whole secret is compared with each candidate's hash in constant time.
   */
  public Optional<AdminAccount> authenticate(String presented) {
    if (!TokenSecret.isWellFormed(presented, AdminToken.SECRET_PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    List<Object[]> rows =
        em.createQuery(
                "SELECT t, a FROM AdminToken t, AdminAccount a"
                    + " WHERE t.prefix = :prefix AND a.username = t.username",
                Object[].class)
            .setParameter("prefix", TokenSecret.lookupKey(presented))
            .getResultList();
    for (Object[] row : rows) {
      AdminToken token = (AdminToken) row[0];
      AdminAccount account = (AdminAccount) row[1];
      if (token.matches(presented)) {
        if (!account.isEnabled() || token.status(now) != TokenStatus.ACTIVE) {
          return Optional.empty();
        }
        token.recordUse(now);
        return Optional.of(account);
      }
    }
    return Optional.empty();
  }

  /** Deletes tokens that expired or were revoked before {@code cutoff}; returns how many. */
  public int purgeStale(Instant cutoff) {
    return BearerSecret.purgeStale(em, AdminToken.class, cutoff);
  }
}
