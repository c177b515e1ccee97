package io.rollcall.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bearer token with which a script calls the admin API as one admin account. It carries no role
 * of its own: each request gets the account's role at that moment, and a disabled or deleted
 * account's tokens stop working at once.
 */
@Entity
@Table(name = "admin_token")
public class AdminToken extends BearerSecret {

  /** Recognisable by secret scanners, and different from the SCIM tokens' {@code rcs_}. */
  public static final String SECRET_PREFIX = "rcadm_";

  private String username;

  protected AdminToken() {}

  AdminToken(String username, String secret, String description, Instant now, Instant expiresAt) {
    super(secret, description, now, expiresAt);
    this.username = username;
  }

  public String username() {
    return username;
  }
}
