package io.rollcall.accounts;

import io.rollcall.protocol.schema.CaseFolding;
import java.util.Optional;

/** One person's HR data as an upload carries it; checked by {@link #problem()}. */
public record AccountRow(
    String email,
    String displayName,
    String title,
    String department,
    String managerEmail,
    String employeeNumber) {

  static final int MAX_LENGTH = 512;

  public AccountRow {
    email = trimmed(email);
    displayName = trimmed(displayName);
    title = trimmed(title);
    department = trimmed(department);
    managerEmail = trimmed(managerEmail);
    employeeNumber = trimmed(employeeNumber);
  }

  /**
   * Emails are compared as userNames are (RFC 7643 §4.1.1: case-insensitively; see {@link
   * CaseFolding}), so an account and the SCIM user for the same person share one key.
   */
  public static String key(String email) {
    return CaseFolding.fold(email);
  }

  /** What is wrong with this row, if anything. */
  public Optional<String> problem() {
    if (email == null) {
      return Optional.of("email is required");
    }
    if (!looksLikeEmail(email)) {
      return Optional.of("email is not an email address");
    }
    if (managerEmail != null && !looksLikeEmail(managerEmail)) {
      return Optional.of("managerEmail is not an email address");
    }
    for (String value : new String[] {email, displayName, title, department, managerEmail}) {
      if (value != null && value.length() > MAX_LENGTH) {
        return Optional.of("values are limited to " + MAX_LENGTH + " characters");
      }
    }
    if (key(email).length() > MAX_LENGTH) {
      return Optional.of("email is longer than " + MAX_LENGTH + " characters once normalized");
    }
    if (employeeNumber != null && employeeNumber.length() > 128) {
      return Optional.of("employeeNumber is limited to 128 characters");
    }
    return Optional.empty();
  }

  private static boolean looksLikeEmail(String text) {
    int at = text.indexOf('@');
    return at > 0
        && at == text.lastIndexOf('@')
        && at < text.length() - 1
        && text.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }

  private static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    return t.isEmpty() ? null : t;
  }
}
