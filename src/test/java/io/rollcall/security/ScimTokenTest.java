package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScimTokenTest {

  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration MONTH = Duration.ofDays(30);

  private static ScimToken token(Instant expiresAt) {
    return new ScimToken(
        "tenant", TokenSecret.generate(ScimToken.SECRET_PREFIX), "", CREATED, expiresAt);
  }

  @Test
  void aTokenNeverUsedCountsAsUnusedFromItsCreation() {
    ScimToken token = token(null);
    assertFalse(token.unusedFor(MONTH, CREATED.plus(Duration.ofDays(29))));
    assertTrue(token.unusedFor(MONTH, CREATED.plus(Duration.ofDays(31))));
  }

  @Test
  void useRestartsTheUnusedPeriod() {
    ScimToken token = token(null);
    token.recordUse(CREATED.plus(Duration.ofDays(20)));
    assertFalse(token.unusedFor(MONTH, CREATED.plus(Duration.ofDays(45))));
    assertTrue(token.unusedFor(MONTH, CREATED.plus(Duration.ofDays(51))));
  }

  @Test
  void onlyActiveTokensAreFlaggedAsUnused() {
    ScimToken revoked = token(null);
    revoked.revoke(CREATED.plus(Duration.ofDays(1)));
    assertFalse(revoked.unusedFor(MONTH, CREATED.plus(Duration.ofDays(60))));
    ScimToken expired = token(CREATED.plus(Duration.ofDays(40)));
    assertFalse(expired.unusedFor(MONTH, CREATED.plus(Duration.ofDays(41))));
  }

  @Test
  void aFutureRevocationIsScheduledAndTheTokenStaysActiveUntilThen() {
    ScimToken token = token(null);
    Instant cutOver = CREATED.plus(Duration.ofHours(24));
    token.revoke(cutOver);
    assertTrue(token.revocationScheduled(cutOver.minusSeconds(1)));
    assertEquals(TokenStatus.ACTIVE, token.status(cutOver.minusSeconds(1)));
    assertFalse(token.revocationScheduled(cutOver));
    assertEquals(TokenStatus.REVOKED, token.status(cutOver));
  }

  @Test
  void lifetimeIsRoundedUpToWholeDays() {
    assertEquals(OptionalInt.empty(), token(null).lifetimeInDays());
    assertEquals(OptionalInt.of(90), token(CREATED.plus(Duration.ofDays(90))).lifetimeInDays());
    assertEquals(
        OptionalInt.of(91),
        token(CREATED.plus(Duration.ofDays(90)).plusSeconds(1)).lifetimeInDays());
  }
}
