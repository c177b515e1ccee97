package io.rollcall.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who exists in the host app, as its HR sync knows them. SCIM never creates, changes or
 * deletes accounts; in access-only tenants it grants access to them by email.
 */
@Entity
@Table(name = "account")
public class Account {

  @Id private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  private String email;

  @Column(name = "email_key")
  private String emailKey;

  @Column(name = "display_name")
  private String displayName;

  private String title;

  private String department;

  @Column(name = "manager_email")
  private String managerEmail;

  @Column(name = "employee_number")
  private String employeeNumber;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  /** When a full HR sync last found the person missing; null while they are employed. */
  @Column(name = "departed_at")
  private Instant departedAt;

  /** The full HR sync that last contained the account. */
  @Column(name = "seen_in")
  private String seenIn;

  /** Derived from the directory's managerEmail column; see {@link OrgChart}. */
  @Column(name = "direct_reports")
  private int directReports;

  /** Derived: 0 at the top, null when the chain of managers never reaches a top. */
  @Column(name = "org_level")
  private Integer orgLevel;

  protected Account() {}

  Account(String tenantId, AccountRow row, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.emailKey = AccountRow.key(row.email());
    this.createdAt = now;
    apply(row, now);
  }

  /** Takes the row's data; returns whether anything changed. */
  boolean update(AccountRow row, Instant now) {
    if (Objects.equals(email, row.email())
        && Objects.equals(displayName, row.displayName())
        && Objects.equals(title, row.title())
        && Objects.equals(department, row.department())
        && Objects.equals(managerEmail, row.managerEmail())
        && Objects.equals(employeeNumber, row.employeeNumber())) {
      return false;
    }
    apply(row, now);
    return true;
  }

  /** The person is in the HR data again; returns whether they had departed. */
  boolean rejoin(Instant now) {
    if (departedAt == null) {
      return false;
    }
    departedAt = null;
    updatedAt = now;
    return true;
  }

  void depart(Instant now) {
    departedAt = now;
    updatedAt = now;
  }

  /** A new place in the hierarchy, as {@link OrgChart} drew it. */
  void place(int directReports, Integer level, Instant now) {
    this.directReports = directReports;
    this.orgLevel = level;
    this.updatedAt = now;
  }

  void seenIn(String syncId) {
    this.seenIn = syncId;
  }

  private void apply(AccountRow row, Instant now) {
    this.email = row.email();
    this.displayName = row.displayName();
    this.title = row.title();
    this.department = row.department();
    this.managerEmail = row.managerEmail();
    this.employeeNumber = row.employeeNumber();
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String emailKey() {
    return emailKey;
  }

  public AccountRow row() {
    return new AccountRow(email, displayName, title, department, managerEmail, employeeNumber);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public boolean isDeparted() {
    return departedAt != null;
  }

  public Instant departedAt() {
    return departedAt;
  }

  /** The facts about this person that permission rules see. */
  public HrRecord hr() {
    return new HrRecord(row(), directReports, orgLevel, departedAt != null);
  }
}
