package io.rollcall.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last event number of a tenant; its row lock orders the tenant's events. */
@Entity
@Table(name = "tenant_event_counter")
public class TenantEventCounter {

  @Id
  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "last_seq")
  private long lastSeq;

  protected TenantEventCounter() {}

  public TenantEventCounter(String tenantId) {
    this.tenantId = tenantId;
  }

  long next() {
    return ++lastSeq;
  }
}
