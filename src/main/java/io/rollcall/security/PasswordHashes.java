package io.rollcall.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Admin password hashes, as OWASP's password storage guidance asks: PBKDF2-HMAC-SHA512 with a
 * random 32-byte salt and at least {@value #MIN_ITERATIONS} iterations. The stored form is {@code
 * algorithm:iterations:salt:hash} (base64), the same as Jakarta Security's {@code
 * Pbkdf2PasswordHash}, so hashes written before this class existed (PBKDF2-HMAC-SHA256) still
 * verify and are replaced on the next sign-in ({@link #needsRehash}).
 */
public final class PasswordHashes {

  public static final String ALGORITHM = "PBKDF2WithHmacSHA512";

  /** OWASP's figure for PBKDF2-HMAC-SHA512 (2023 onwards). */
  public static final int MIN_ITERATIONS = 210_000;

  private static final int SALT_BYTES = 32;
  private static final int KEY_BYTES = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashes() {}

  /** The parts of a stored hash; empty when the text is not one. */
  record Stored(String algorithm, int iterations, byte[] salt, byte[] hash) {

    static Optional<Stored> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      String[] parts = text.split(":");
      if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmac")) {
        return Optional.empty();
      }
      try {
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        if (iterations < 1 || salt.length == 0 || hash.length == 0) {
          return Optional.empty();
        }
        return Optional.of(new Stored(parts[0], iterations, salt, hash));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  /** A new salted hash of {@code password} with the current algorithm. */
  public static String hash(char[] password, int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive");
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(ALGORITHM, password, salt, iterations, KEY_BYTES);
    Base64.Encoder b64 = Base64.getEncoder();
    return ALGORITHM
        + ":"
        + iterations
        + ":"
        + b64.encodeToString(salt)
        + ":"
        + b64.encodeToString(hash);
  }

  /** Whether {@code password} matches the stored hash, compared in constant time. */
  public static boolean verify(char[] password, String stored) {
    Optional<Stored> parsed = Stored.parse(stored);
    if (parsed.isEmpty()) {
      return false;
    }
    Stored s = parsed.get();
    byte[] actual = derive(s.algorithm(), password, s.salt(), s.iterations(), s.hash().length);
    return MessageDigest.isEqual(s.hash(), actual);
  }

  /**
   * Whether a hash that just verified should be replaced: another algorithm, or fewer iterations
   * than the setting now asks for.
   */
  public static boolean needsRehash(String stored, int iterations) {
    return Stored.parse(stored)
        .map(s -> !s.algorithm().equals(ALGORITHM) || s.iterations() < iterations)
        .orElse(true);
  }

  private static byte[] derive(
      String algorithm, char[] password, byte[] salt, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is required by every Java platform", e);
    } finally {
      spec.clearPassword();
    }
  }
}
