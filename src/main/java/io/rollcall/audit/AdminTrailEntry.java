package io.rollcall.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the admin trail: who did what, when, from where, and how it ended. Read through JPA;
 * written by {@link AdminTrail} with SQL (see there).
 */
@Entity
@Table(name = "admin_trail")
public class AdminTrailEntry {

  static final int MAX_TARGET = 300;
  static final int MAX_DETAIL = 1000;
  static final int MAX_REASON = 300;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private long id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  private String actor;

  @Column(name = "actor_role")
  private String actorRole;

  private String via;

  @Column(name = "client_address")
  private String clientAddress;

  private String action;

  private String target;

  private String detail;

  private String outcome;

  private String reason;

  protected AdminTrailEntry() {}

  AdminTrailEntry(
      Instant occurredAt,
      String actor,
      String actorRole,
      String via,
      String clientAddress,
      AdminAction action,
      String outcome,
      String reason) {
    this.occurredAt = occurredAt;
    this.actor = clip(actor, 100);
    this.actorRole = actorRole;
    this.via = via;
    this.clientAddress = clip(clientAddress, 64);
    this.action = clip(action.name(), 60);
    this.target = clip(action.target(), MAX_TARGET);
    this.detail = clip(action.detail(), MAX_DETAIL);
    this.outcome = outcome;
    this.reason = clip(reason, MAX_REASON);
  }

  /**
   * Cut to the column's size, control characters replaced, so a value can never fail the insert.
   */
  static String clip(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder(Math.min(text.length(), max));
    text.codePoints()
        .limit(max)
        .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    String s = clean.toString();
    return s.length() > max ? s.substring(0, max) : s;
  }

  public long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String actorRole() {
    return actorRole;
  }

  public String via() {
    return via;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String detail() {
    return detail;
  }

  public String outcome() {
    return outcome;
  }

  public String reason() {
    return reason;
  }
}
