package io.rollcall.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a person's access or data, numbered per tenant. It is written with the change as a
 * {@link PendingEvent} and numbered by the {@link EventRelay} once the change has committed.
 */
@Entity
@Table(name = "provisioning_event")
@IdClass(ProvisioningEvent.Key.class)
public class ProvisioningEvent {

  /** (tenant, sequence number). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String tenantId;
    long seq;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && seq == k.seq && Objects.equals(tenantId, k.tenantId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, seq);
    }
  }

  @Id
  @Column(name = "tenant_id")
  private String tenantId;

  @Id private long seq;

  private String id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  private String kind;

  @Column(name = "scim_user_id")
  private String scimUserId;

  private String email;

  /** JSON object describing what changed. */
  private String changes;

  protected ProvisioningEvent() {}

  ProvisioningEvent(
      String tenantId,
      long seq,
      String id,
      Instant at,
      String kind,
      String scimUserId,
      String email,
      String changes) {
    this.tenantId = tenantId;
    this.seq = seq;
    this.id = id;
    this.occurredAt = at;
    this.kind = kind;
    this.scimUserId = scimUserId;
    this.email = email;
    this.changes = changes;
  }

  public long seq() {
    return seq;
  }

  public String id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String kind() {
    return kind;
  }

  public String scimUserId() {
    return scimUserId;
  }

  public String email() {
    return email;
  }

  public String changes() {
    return changes;
  }

  public String tenantId() {
    return tenantId;
  }
}
