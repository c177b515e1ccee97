package io.rollcall.security;

import io.rollcall.web.InvalidInputException;

/**
 * What an admin password must be. Length is the rule that matters (NIST SP 800-63B and OWASP: at
 * least 12 characters here, no composition rules, every character allowed, spaces included); the
 * upper bound only keeps one sign-in from costing the server a long hash.
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 1024;

  private PasswordRules() {}

  /**
   * Refuses a new password that breaks a rule; the message never repeats the password. Length
   * counts code points, so a password of emoji is as long as it looks.
   */
  public static void check(String username, String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("a password is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new InvalidInputException(
          "the password must be at least " + MIN_LENGTH + " characters long");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidInputException(
          "the password must be at most " + MAX_LENGTH + " characters long");
    }
    if (password.isBlank()) {
      throw new InvalidInputException("the password must not be only spaces");
    }
    if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
      throw new InvalidInputException("the password must not be the username");
    }
  }
}
