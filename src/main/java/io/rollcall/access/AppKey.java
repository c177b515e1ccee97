package io.rollcall.access;

import io.rollcall.security.BearerSecret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An application key: the secret with which the host application calls the access-check API, for
 * one tenant or for all. Kept like a SCIM token (hash only, shown once) but a different kind of
 * secret with its own prefix, so neither ever opens the other's API.
 */
@Entity
@Table(name = "app_key")
public class AppKey extends BearerSecret {

  public static final String SECRET_PREFIX = "rca_";

  /** The one tenant this key reads, or null for every tenant. */
  @Column(name = "tenant_id")
  private String tenantId;

  protected AppKey() {}

  AppKey(String tenantId, String secret, String description, Instant now, Instant expiresAt) {
    super(secret, description, now, expiresAt);
    this.tenantId = tenantId;
  }

  public String tenantId() {
    return tenantId;
  }
}
