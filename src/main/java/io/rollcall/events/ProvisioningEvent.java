package io.rollcall.events;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

  @Embedded private EventContent content;

  protected ProvisioningEvent() {}

  ProvisioningEvent(String tenantId, long seq, EventContent content) {
    this.tenantId = tenantId;
    this.seq = seq;
    this.content = content;
  }

  public long seq() {
    return seq;
  }

  public String id() {
    return content.id();
  }

  public Instant occurredAt() {
    return content.occurredAt();
  }

  public String kind() {
    return content.kind();
  }

  public String scimUserId() {
    return content.scimUserId();
  }

  public String email() {
    return content.email();
  }

  public String changes() {
    return content.changes();
  }

  public String tenantId() {
    return tenantId;
  }
}
