package io.rollcall.security;

/** The authenticated caller of the SCIM API: a tenant, through one of its tokens. */
public record ScimClient(String tenantId, String tokenId, String tokenPrefix) {}
