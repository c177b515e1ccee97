package io.rollcall.users;

import io.rollcall.protocol.ScimException;

/** {@code If-Match} handling of RFC 7644 §3.14 and RFC 9110 §13.1.1 (weak comparison). */
public final class Versions {

  private Versions() {}

  /** Throws 412 unless the header is absent, {@code *}, or names the current version. */
  public static void checkIfMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    String current = Long.toString(currentVersion);
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")) {
        return;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tag = tag.substring(1, tag.length() - 1);
      }
      if (tag.equals(current)) {
        return;
      }
    }
    throw ScimException.preconditionFailed(
        "The resource has changed: its version is W/\"" + current + "\".");
  }
}
