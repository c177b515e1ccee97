package io.rollcall.access;

import java.time.Instant;
import java.util.List;

/**
 * Whether a person has access to the host app through SCIM, since when, and by which SCIM user.
 * {@code since} and {@code scimUserId} are null when they do not apply; {@code permissionGroups}
 * are the groups the tenant's permission rules give the person while they have access.
 */
public record Access(
    String email,
    boolean hasAccess,
    Instant since,
    String scimUserId,
    List<String> permissionGroups) {}
