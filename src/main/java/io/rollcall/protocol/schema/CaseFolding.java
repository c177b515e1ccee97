package io.rollcall.protocol.schema;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How strings of attributes with {@code caseExact: false} are compared (RFC 7643 §2.1): both sides
 * folded the same way. The in-memory filter, uniqueness checks and the folded keys stored in the
 * database all fold here, so they cannot disagree.
 *
 * <p>Folding is more than lower case. Text that looks the same must compare the same, or an IdP or
 * an attacker could create a look-alike identity next to a real one (RFC 7644 §7.8; the
 * "UsernameCaseMapped" profile of RFC 8265 does the same for user names): a precomposed {@code ö}
 * and {@code o} followed by a combining diaeresis, or fullwidth {@code ａｌｉｃｅ} and {@code alice},
 * fold to one key. Unicode normalization form NFKC merges both kinds (canonical and compatibility
 * equivalents).
 */
public final class CaseFolding {

  private static final int MAX_ROUNDS = 8;

  private CaseFolding() {}

  public static String fold(String text) {
    if (isAscii(text)) {
      // The common case, and NFKC leaves ASCII as it is.
      return text.toLowerCase(Locale.ROOT);
    }
    // Normalizing can yield upper case (U+210C, black-letter H, becomes "H") and lower-casing can
    // yield text that is no longer normalized, so both repeat until neither changes anything: the
    // result folds to itself, as a stored key must. Real text settles in one or two rounds.
    String folded = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String next = Normalizer.normalize(folded, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      if (next.equals(folded)) {
        break;
      }
      folded = next;
    }
    return folded;
  }

  public static boolean equal(String a, String b) {
    return fold(a).equals(fold(b));
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
