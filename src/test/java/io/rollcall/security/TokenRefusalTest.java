package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.tenant.Tenant;
import io.rollcall.testdb.TestClock;
import io.rollcall.testdb.TestDatabase;
import io.rollcall.testdb.Transactions;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why a SCIM token was refused, as the security log and the metrics name it: the tenant and prefix
 * only when the secret really is one of our tokens. On H2 here, on PostgreSQL in {@code
 * TokenRefusalOnPostgresTest}.
 */
class TokenRefusalTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  TestDatabase database() {
    return TestDatabase.h2();
  }

  private EntityManagerFactory factory;
  private final TestClock clock = new TestClock(NOW);

  @BeforeEach
  void start() {
    factory = database().migrated().entityManagerFactory();
  }

  @AfterEach
  void stop() {
    factory.close();
  }

  @Test
  void aStringThatIsNoRollcallTokenIsMalformedAndNamesNothing() {
    TokenRefusal refusal = refusal("hunter2");
    assertEquals(TokenRefusal.Reason.MALFORMED, refusal.reason());
    assertNull(refusal.tenantId());
    assertNull(refusal.tokenPrefix());
  }

  @Test
  void aWellFormedSecretThatNoTokenHasIsUnknownAndNamesNothing() {
    TokenRefusal refusal = refusal(TokenSecret.generate(ScimToken.SECRET_PREFIX));
    assertEquals(TokenRefusal.Reason.UNKNOWN, refusal.reason());
    assertNull(refusal.tenantId());
    assertNull(refusal.tokenPrefix());
  }

  @Test
  void aRevokedTokenIsNamedWithItsTenantAndPrefix() {
    Tenant tenant = tenant(true);
    String secret = TokenSecret.generate(ScimToken.SECRET_PREFIX);
    ScimToken token = token(tenant, secret, null);
    inNew(
        em -> {
          em.find(ScimToken.class, token.id()).revoke(NOW.minusSeconds(1));
          return null;
        });

    TokenRefusal refusal = refusal(secret);

    assertEquals(TokenRefusal.Reason.REVOKED, refusal.reason());
    assertEquals(tenant.id(), refusal.tenantId());
    assertEquals(token.prefix(), refusal.tokenPrefix());
    assertTrue(secret.startsWith(refusal.tokenPrefix()), "the prefix is the secret's start");
    assertTrue(refusal.tokenPrefix().length() < secret.length(), "never the whole secret");
  }

  @Test
  void anExpiredTokenIsExpired() {
    Tenant tenant = tenant(true);
    String secret = TokenSecret.generate(ScimToken.SECRET_PREFIX);
    token(tenant, secret, NOW.minus(Duration.ofMinutes(1)));

    assertEquals(TokenRefusal.Reason.EXPIRED, refusal(secret).reason());
  }

  @Test
  void aValidTokenOfADisabledTenantSaysTheTenantIsDisabled() {
    Tenant tenant = tenant(false);
    String secret = TokenSecret.generate(ScimToken.SECRET_PREFIX);
    token(tenant, secret, null);

    TokenRefusal refusal = refusal(secret);

    assertEquals(TokenRefusal.Reason.TENANT_DISABLED, refusal.reason());
    assertEquals(tenant.id(), refusal.tenantId());
  }

  @Test
  void aSecretSharingOnlyTheLookupPrefixOfARealTokenIsUnknown() {
    Tenant tenant = tenant(true);
    String secret = TokenSecret.generate(ScimToken.SECRET_PREFIX);
    ScimToken token = token(tenant, secret, null);
    inNew(
        em -> {
          em.find(ScimToken.class, token.id()).revoke(NOW.minusSeconds(1));
          return null;
        });
    String lastChar = secret.substring(secret.length() - 1);
    String forged = secret.substring(0, secret.length() - 1) + (lastChar.equals("A") ? "B" : "A");

    TokenRefusal refusal = refusal(forged);

    assertEquals(TokenRefusal.Reason.UNKNOWN, refusal.reason(), "a guess learns nothing");
    assertNull(refusal.tenantId());
  }

  private TokenRefusal refusal(String presented) {
    return inNew(
        em -> {
          TokenService tokens = new TokenService();
          tokens.em = em;
          tokens.clock = clock;
          return tokens.refusal(presented);
        });
  }

  private Tenant tenant(boolean active) {
    return inNew(
        em -> {
          Tenant tenant = new Tenant("Acme", NOW.minus(Duration.ofDays(1)));
          if (!active) {
            tenant.disable();
          }
          em.persist(tenant);
          return tenant;
        });
  }

  private ScimToken token(Tenant tenant, String secret, Instant expiresAt) {
    return inNew(
        em -> {
          ScimToken token =
              new ScimToken(tenant.id(), secret, "IdP", NOW.minus(Duration.ofDays(1)), expiresAt);
          em.persist(token);
          return token;
        });
  }

  private <T> T inNew(Function<jakarta.persistence.EntityManager, T> work) {
    return Transactions.inNew(factory, work);
  }
}
