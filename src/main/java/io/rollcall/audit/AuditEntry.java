package io.rollcall.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored audit record; read only here (the {@link AuditWriter} inserts with JDBC). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private long id;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "token_prefix")
  private String tokenPrefix;

  private String method;

  private String path;

  private String filter;

  private int status;

  @Column(name = "resource_id")
  private String resourceId;

  @Column(name = "duration_ms")
  private int durationMs;

  @Column(name = "query_params")
  private String queryParams;

  @Column(name = "user_agent")
  private String userAgent;

  @Column(name = "scim_type")
  private String scimType;

  @Column(name = "dropped_attributes")
  private String droppedAttributes;

  protected AuditEntry() {}

  public long id() {
    return id;
  }

  public String tenantId() {
    return tenantId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String tokenPrefix() {
    return tokenPrefix;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String filter() {
    return filter;
  }

  public int status() {
    return status;
  }

  public String resourceId() {
    return resourceId;
  }

  public int durationMs() {
    return durationMs;
  }

  /** The query parameters other than {@code filter}, or null (see {@link AuditRecord}). */
  public String queryParams() {
    return queryParams;
  }

  public String userAgent() {
    return userAgent;
  }

  /** The error's code, or null (see {@link AuditRecord}). */
  public String scimType() {
    return scimType;
  }

  /** Names of unknown attributes the tenant's IdP profile dropped, comma separated; else null. */
  public String droppedAttributes() {
    return droppedAttributes;
  }
}
