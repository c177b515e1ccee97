package io.rollcall.permissions;

/** A tenant's permission rules were replaced; everyone's groups must be evaluated again. */
public record RulesChanged(String tenantId) {}
