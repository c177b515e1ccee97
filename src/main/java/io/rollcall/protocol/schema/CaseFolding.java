package io.rollcall.protocol.schema;

import java.util.Locale;

/**
 * How strings of attributes with {@code caseExact: false} are compared (RFC 7643 §2.1): both sides
 * folded the same way. The in-memory filter, uniqueness checks and the folded keys stored in the
 * database all fold here, so they cannot disagree.
 */
public final class CaseFolding {

  private CaseFolding() {}

  public static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  public static boolean equal(String a, String b) {
    return fold(a).equals(fold(b));
  }
}
