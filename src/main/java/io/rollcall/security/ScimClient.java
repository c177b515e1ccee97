package io.rollcall.security;

import io.rollcall.tenant.ScimRateLimit;
import io.rollcall.tenant.Tenant;

/**
 * The authenticated caller of the SCIM API: a tenant, through one of its tokens. The tenant's row
 * comes from the same query that found the token, read when the request arrived, so its settings
 * (rate limit, schema, IdP profile, provisioning mode, …) cost the request no query of their own
 * and a change to them applies from the next request on, on every node (every operation of a /Bulk
 * request sees the settings of its arrival). Read only: the row is detached. What must match the
 * committed state at the moment of a write (the permission rules' version) is read again there.
 */
public record ScimClient(String tokenId, String tokenPrefix, Tenant tenant) {

  public String tenantId() {
    return tenant.id();
  }

  public ScimRateLimit rateLimit() {
    return tenant.scimRateLimit();
  }
}
