package io.rollcall.ratelimit;

/**
 * A request that a bucket had no token for.
 *
 * @param scope whose limit it was
 * @param rate that limit
 * @param retryAfterSeconds whole seconds until the bucket has a token again, at least 1
 */
public record Refusal(Scope scope, Rate rate, long retryAfterSeconds) {

  /** Whose bucket was empty. */
  public enum Scope {
    /** The tenant's own limit. */
    TENANT,
    /** The limit of all tenants together on this node. */
    SERVER
  }

  /**
   * The 429's {@code detail}: which limit, so an operator can tell a tenant's from the server's.
   */
  public String detail() {
    return switch (scope) {
      case TENANT ->
          "Too many requests: this tenant's SCIM rate limit ("
              + rate.describe()
              + ") is used up; retry after the seconds in Retry-After.";
      case SERVER ->
          "Too many requests: the server's SCIM rate limit for all tenants ("
              + rate.describe()
              + ") is used up; retry after the seconds in Retry-After.";
    };
  }
}
