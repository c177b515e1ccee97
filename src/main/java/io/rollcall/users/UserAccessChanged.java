package io.rollcall.users;

/**
 * Fired (synchronously, inside the write) when a user's access may have changed: created,
 * (de)activated, renamed or deleted. {@code userNameKeys} are the lower-cased emails affected.
 */
public record UserAccessChanged(String tenantId, java.util.Set<String> userNameKeys) {}
