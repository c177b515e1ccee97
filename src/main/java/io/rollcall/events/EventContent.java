package io.rollcall.events;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/**
 * What an event says, the same before and after it is numbered: a {@link PendingEvent} carries it
 * until the relay moves it, unchanged, into a {@link ProvisioningEvent}.
 */
@Embeddable
public class EventContent {

  private String id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  private String kind;

  @Column(name = "scim_user_id")
  private String scimUserId;

  private String email;

  /** JSON object describing what changed. */
  private String changes;

  protected EventContent() {}

  EventContent(Instant at, EventKind kind, String scimUserId, String email, String changes) {
    this.id = UUID.randomUUID().toString();
    this.occurredAt = at;
    this.kind = kind.label();
    this.scimUserId = scimUserId;
    this.email = email;
    this.changes = changes;
  }

  /** A copy for another entity: an embedded value belongs to exactly one owner. */
  EventContent copy() {
    EventContent copy = new EventContent();
    copy.id = id;
    copy.occurredAt = occurredAt;
    copy.kind = kind;
    copy.scimUserId = scimUserId;
    copy.email = email;
    copy.changes = changes;
    return copy;
  }

  String id() {
    return id;
  }

  Instant occurredAt() {
    return occurredAt;
  }

  String kind() {
    return kind;
  }

  String scimUserId() {
    return scimUserId;
  }

  String email() {
    return email;
  }

  String changes() {
    return changes;
  }
}
