package io.rollcall.security;

/**
 * Why a presented SCIM token opened nothing, for the security log and metrics: the tenant and the
 * token's prefix are known only when the secret matched one of our tokens.
 */
public record TokenRefusal(Reason reason, String tenantId, String tokenPrefix) {

  /** The fixed set of reasons, as they appear in logs and metric labels. */
  public enum Reason {
    /** Not shaped like a Rollcall SCIM token at all. */
    MALFORMED("malformed"),
    /** Shaped like one, but no token has this secret. */
    UNKNOWN("unknown"),
    REVOKED("revoked"),
    EXPIRED("expired"),
    TENANT_DISABLED("tenant_disabled");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  static TokenRefusal anonymous(Reason reason) {
    return new TokenRefusal(reason, null, null);
  }
}
