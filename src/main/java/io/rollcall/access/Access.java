package io.rollcall.access;

import java.time.Instant;

/**
 * Whether a person has access to the host app through SCIM, since when, and by which SCIM user.
 * {@code since} and {@code scimUserId} are null when they do not apply.
 */
public record Access(String email, boolean hasAccess, Instant since, String scimUserId) {}
