package io.rollcall.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token with which one tenant's identity provider calls the SCIM API. */
@Entity
@Table(name = "scim_token")
public class ScimToken extends BearerSecret {

  /** Recognisable by secret scanners. */
  public static final String SECRET_PREFIX = "rcs_";

  @Column(name = "tenant_id")
  private String tenantId;

  protected ScimToken() {}

  ScimToken(String tenantId, String secret, String description, Instant now, Instant expiresAt) {
    super(secret, description, now, expiresAt);
    this.tenantId = tenantId;
  }

  public String tenantId() {
    return tenantId;
  }
}
