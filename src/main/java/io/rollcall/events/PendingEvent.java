package io.rollcall.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event written with its change but not numbered yet; {@link EventRelay} numbers it. The
 * position comes from a database sequence one value at a time (no preallocation), so it grows in
 * the order writers reach this insert on every node.
 */
@Entity
@Table(name = "pending_event")
class PendingEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pending_event_position")
  @SequenceGenerator(
      name = "pending_event_position",
      sequenceName = "pending_event_position",
      allocationSize = 1)
  private long position;

  @Column(name = "tenant_id")
  private String tenantId;

  private String id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  private String kind;

  @Column(name = "scim_user_id")
  private String scimUserId;

  private String email;

  private String changes;

  protected PendingEvent() {}

  PendingEvent(
      String tenantId,
      Instant at,
      EventKind kind,
      String scimUserId,
      String email,
      String changes) {
    this.tenantId = tenantId;
    this.id = UUID.randomUUID().toString();
    this.occurredAt = at;
    this.kind = kind.label();
    this.scimUserId = scimUserId;
    this.email = email;
    this.changes = changes;
  }

  /** The numbered event this becomes. */
  ProvisioningEvent numbered(long seq) {
    return new ProvisioningEvent(tenantId, seq, id, occurredAt, kind, scimUserId, email, changes);
  }
}
