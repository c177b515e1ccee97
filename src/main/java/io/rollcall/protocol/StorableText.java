package io.rollcall.protocol;

/**
 * Text that every supported database stores exactly as it was sent. PostgreSQL refuses U+0000 in
 * text (the request would fail as a 500), and an unpaired UTF-16 surrogate has no UTF-8 form (the
 * driver would silently store '?'), so both are refused at the edge on every database alike.
 */
public final class StorableText {

  private StorableText() {}

  public static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
