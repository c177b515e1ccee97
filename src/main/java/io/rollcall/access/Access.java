package io.rollcall.access;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether a person has access to the host app through SCIM, since when, and by which SCIM user.
 * {@code since} and {@code scimUserId} are null when they do not apply; {@code permissionGroups}
 * are the groups the tenant's permission rules give the person while they have access.
 */
@Schema(description = "Whether a person has access to the host app, since when, and why.")
public record Access(
    String email,
    boolean hasAccess,
    Instant since,
    String scimUserId,
    List<String> permissionGroups) {}
