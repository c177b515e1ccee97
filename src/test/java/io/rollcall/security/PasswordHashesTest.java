package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

  private static final int FAST = 1_000;

  @Test
  void theDefaultIsPbkdf2Sha512WithOwaspIterations() {
    String stored = PasswordHashes.hash("correct horse battery".toCharArray(), 210_000);
    assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:210000:"), stored);
    assertTrue(PasswordHashes.verify("correct horse battery".toCharArray(), stored));
  }

  @Test
  void aWrongPasswordDoesNotVerify() {
    String stored = PasswordHashes.hash("correct horse battery".toCharArray(), FAST);
    assertFalse(PasswordHashes.verify("correct horse batterz".toCharArray(), stored));
    assertFalse(PasswordHashes.verify("".toCharArray(), stored));
  }

  @Test
  void eachHashHasItsOwnSalt() {
    char[] password = "the same password".toCharArray();
    assertNotEquals(PasswordHashes.hash(password, FAST), PasswordHashes.hash(password, FAST));
  }

  @Test
  void aHashFromJakartaSecuritysPbkdf2PasswordHashStillVerifiesAndIsReplaced() throws Exception {
    byte[] salt = new byte[32];
    PBEKeySpec spec = new PBEKeySpec("legacy password".toCharArray(), salt, FAST, 256);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    String legacy =
        "PBKDF2WithHmacSHA256:"
            + FAST
            + ":"
            + Base64.getEncoder().encodeToString(salt)
            + ":"
            + Base64.getEncoder().encodeToString(hash);
    assertTrue(PasswordHashes.verify("legacy password".toCharArray(), legacy));
    assertFalse(PasswordHashes.verify("legacy passworD".toCharArray(), legacy));
    assertTrue(PasswordHashes.needsRehash(legacy, FAST));
  }

  @Test
  void aHashIsReplacedWhenTheIterationSettingRises() {
    String stored = PasswordHashes.hash("correct horse battery".toCharArray(), FAST);
    assertFalse(PasswordHashes.needsRehash(stored, FAST));
    assertFalse(PasswordHashes.needsRehash(stored, FAST - 1));
    assertTrue(PasswordHashes.needsRehash(stored, FAST + 1));
  }

  @Test
  void somethingThatIsNotAHashNeverVerifies() {
    for (String stored :
        new String[] {
          null,
          "",
          "plain",
          "PBKDF2WithHmacSHA512:x:AA==:AA==",
          "PBKDF2WithHmacSHA512:10:!:AA==",
          "MD5:1000:AA==:AA==",
          "PBKDF2WithHmacSHA512:0:AA==:AA=="
        }) {
      assertFalse(PasswordHashes.verify("anything at all".toCharArray(), stored), stored);
      assertTrue(PasswordHashes.needsRehash(stored, FAST), stored);
    }
  }
}
