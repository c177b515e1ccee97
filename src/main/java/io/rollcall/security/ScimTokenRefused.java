package io.rollcall.security;

import java.time.Instant;

/**
 * A SCIM request refused because one of a tenant's own tokens no longer opens the API (revoked,
 * expired, or the tenant disabled), fired so that the tenant's audit log — and its connection check
 * — shows why its IdP is being turned away. Secrets that match no token name no tenant and fire
 * nothing.
 *
 * @param path the path under the SCIM base, as the audit log records it ({@code /Users})
 * @param rawQuery the query string as sent, or null
 */
public record ScimTokenRefused(
    TokenRefusal refusal,
    Instant at,
    String method,
    String path,
    String rawQuery,
    String userAgent) {}
