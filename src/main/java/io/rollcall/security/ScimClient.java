package io.rollcall.security;

import io.rollcall.tenant.ScimRateLimit;

/**
 * The authenticated caller of the SCIM API: a tenant, through one of its tokens, with the tenant's
 * rate limit as the same query read it (so checking the limit costs no query of its own).
 */
public record ScimClient(
    String tenantId, String tokenId, String tokenPrefix, ScimRateLimit rateLimit) {}
