package io.rollcall.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A bearer secret: {@code prefix} + 256 random bits in base64url. The fixed prefix lets secret
 * scanners recognise a leaked Rollcall secret; the first characters after it serve as a lookup key
 * and a display hint. Only the SHA-256 of the whole secret is ever stored: the secret carries 256
 * bits of entropy, so a fast hash is enough and a slow one would only cost every request.
 */
public final class TokenSecret {

  /** Characters of the secret kept in the database (and shown to admins) for lookup. */
  public static final int LOOKUP_LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RANDOM_BYTES = 32;
  private static final int MAX_PRESENTED_LENGTH = 200;

  private TokenSecret() {}

  /** A fresh secret such as {@code rcs_q1WZ...}. */
  public static String generate(String prefix) {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The part of a secret stored in clear to find its row; never enough to use it. */
  public static String lookupKey(String secret) {
    return secret.substring(0, Math.min(LOOKUP_LENGTH, secret.length()));
  }

  /** Whether a presented value could be a secret with this prefix at all (cheap pre-check). */
  public static boolean isWellFormed(String presented, String prefix) {
    return presented != null
        && presented.length() > LOOKUP_LENGTH
        && presented.length() <= MAX_PRESENTED_LENGTH
        && presented.startsWith(prefix);
  }

  public static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Compares a presented secret with a stored hash in time independent of where they differ. */
  public static boolean matches(String presented, String storedHash) {
    byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
    byte[] actual = hash(presented).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }
}
