package io.rollcall.connection;

/**
 * The failures the check recognises, and a tenant setting that contradicts the requests, each with
 * what it means and how to fix it. A blocking problem stops the identity provider from provisioning
 * anything while it lasts.
 */
public enum Problem {
  TOKEN_REVOKED(true, "401: the token was revoked"),
  TOKEN_EXPIRED(true, "401: the token expired"),
  TENANT_DISABLED(true, "401: this tenant is disabled"),
  TOKEN_REFUSED(true, "401: the token was refused"),
  WRONG_BASE_URL(true, "404: the identity provider calls a path that is not a SCIM endpoint"),
  UNKNOWN_RESOURCE(false, "404: a user or group Rollcall does not have"),
  UNQUOTED_FILTER(false, "400 invalidFilter: a filter value without quotes"),
  INVALID_FILTER(false, "400 invalidFilter: a filter Rollcall cannot run"),
  UNKNOWN_ATTRIBUTE(false, "400: an attribute Rollcall's schema does not have"),
  NO_ACCOUNT(false, "400: a person without an account in this access-only tenant"),
  UNIQUENESS(false, "409 uniqueness: the userName is already taken"),
  RATE_LIMITED(false, "429: Rollcall's rate limit refused requests"),
  OVERLOADED(false, "503: Rollcall was too busy to answer"),
  SERVER_ERROR(false, "500: Rollcall failed on a request"),
  OTHER(false, "a request was refused"),
  /**
   * Not a failed request: the requests come from another identity provider than the tenant's
   * settings name, so the tolerances the caller needs may not apply.
   */
  PROFILE_MISMATCH(false, "the identity provider in Settings is not the one calling");

  private final boolean blocking;
  private final String label;

  Problem(boolean blocking, String label) {
    this.blocking = blocking;
    this.label = label;
  }

  public boolean blocking() {
    return blocking;
  }

  public String label() {
    return label;
  }
}
