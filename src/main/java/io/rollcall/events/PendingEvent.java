package io.rollcall.events;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

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

  @Embedded private EventContent content;

  protected PendingEvent() {}

  PendingEvent(String tenantId, EventContent content) {
    this.tenantId = tenantId;
    this.content = content;
  }

  /** The numbered event this becomes. */
  ProvisioningEvent numbered(long seq) {
    return new ProvisioningEvent(tenantId, seq, content.copy());
  }
}
