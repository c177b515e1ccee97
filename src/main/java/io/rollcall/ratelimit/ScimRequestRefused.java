package io.rollcall.ratelimit;

/**
 * Fired (synchronously, so observers must be cheap) for every SCIM request refused with 429. The
 * SCIM audit log records the request as well, with status 429.
 *
 * @param tenantId the tenant whose token made the request
 * @param tokenPrefix the token's display prefix
 * @param refusal whose limit was used up, and for how long
 */
public record ScimRequestRefused(String tenantId, String tokenPrefix, Refusal refusal) {}
