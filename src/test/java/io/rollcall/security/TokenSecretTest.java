package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretTest {

  @Test
  void secretCarriesThePrefixAnd256RandomBits() {
    String secret = TokenSecret.generate(ScimToken.SECRET_PREFIX);
    assertTrue(secret.startsWith("rcs_"));
    byte[] random = Base64.getUrlDecoder().decode(secret.substring(4));
    assertEquals(32, random.length);
  }

  @Test
  void secretsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seen.add(TokenSecret.generate("rcs_")));
    }
  }

  @Test
  void hashIsSha256HexAndMatchesOnlyTheSameSecret() {
    String secret = TokenSecret.generate("rcs_");
    String hash = TokenSecret.hash(secret);
    assertEquals(64, hash.length());
    assertFalse(hash.contains(secret.substring(4)));
    assertTrue(TokenSecret.matches(secret, hash));
    assertFalse(TokenSecret.matches(secret + "x", hash));
    assertFalse(TokenSecret.matches(TokenSecret.generate("rcs_"), hash));
  }

  @Test
  void wellFormedRejectsForeignPrefixesAndAbsurdLengths() {
    assertTrue(TokenSecret.isWellFormed(TokenSecret.generate("rcs_"), "rcs_"));
    assertFalse(TokenSecret.isWellFormed("ghp_" + "a".repeat(40), "rcs_"));
    assertFalse(TokenSecret.isWellFormed("rcs_short", "rcs_"));
    assertFalse(TokenSecret.isWellFormed("rcs_" + "a".repeat(500), "rcs_"));
    assertFalse(TokenSecret.isWellFormed(null, "rcs_"));
  }

  @Test
  void lookupKeyIsAShortPrefixOfTheSecret() {
    String secret = TokenSecret.generate("rcs_");
    assertEquals(secret.substring(0, 12), TokenSecret.lookupKey(secret));
    assertNotEquals(secret, TokenSecret.lookupKey(secret));
  }

  @Test
  void statusFollowsExpiryAndRevocation() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    ScimToken token =
        new ScimToken("t", TokenSecret.generate("rcs_"), "d", now, now.plus(Duration.ofDays(1)));
    assertEquals(TokenStatus.ACTIVE, token.status(now));
    assertEquals(TokenStatus.EXPIRED, token.status(now.plus(Duration.ofDays(1))));

    token.revoke(now.plus(Duration.ofHours(1)));
    assertEquals(
        TokenStatus.ACTIVE, token.status(now), "a scheduled revocation is not yet in force");
    assertEquals(TokenStatus.REVOKED, token.status(now.plus(Duration.ofHours(1))));

    token.revoke(now.plus(Duration.ofHours(5)));
    assertEquals(
        now.plus(Duration.ofHours(1)),
        token.revokedAt(),
        "a later revocation never extends a token");
  }
}
