package io.rollcall.tenant;

import io.rollcall.web.InvalidInputException;

/** The rules for a tenant's display name. */
final class TenantName {

  static final int MAX_LENGTH = 200;

  private TenantName() {}

  static String check(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name must not be blank");
    }
    String trimmed = name.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw new InvalidInputException("name must be at most " + MAX_LENGTH + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("name must not contain control characters");
    }
    return trimmed;
  }
}
