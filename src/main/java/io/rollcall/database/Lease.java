package io.rollcall.database;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who may run a named piece of work, and until when (see {@link Leases}). */
@Entity
@Table(name = "lease")
public class Lease {

  @Id private String name;

  private String holder;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected Lease() {}

  Lease(String name, String holder, Instant expiresAt) {
    this.name = name;
    this.holder = holder;
    this.expiresAt = expiresAt;
  }
}
