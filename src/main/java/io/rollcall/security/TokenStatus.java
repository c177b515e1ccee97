package io.rollcall.security;

import java.util.Locale;

/** Whether a token opens the API now. */
public enum TokenStatus {
  ACTIVE,
  EXPIRED,
  REVOKED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
