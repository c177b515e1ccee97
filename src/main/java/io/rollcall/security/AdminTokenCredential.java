package io.rollcall.security;

import jakarta.security.enterprise.credential.Credential;

/** An admin API token presented as {@code Authorization: Bearer rcadm_…}. */
public record AdminTokenCredential(String secret) implements Credential {}
