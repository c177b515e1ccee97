package io.rollcall.permissions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** "People matching this SCIM filter belong to this permission group", one of a tenant's rules. */
@Entity
@Table(name = "permission_rule")
public class PermissionRule {

  @Id private String id;

  @Column(name = "tenant_id")
  private String tenantId;

  private int position;

  private String filter;

  @Column(name = "group_name")
  private String groupName;

  protected PermissionRule() {}

  PermissionRule(String tenantId, int position, String filter, String groupName) {
    this.id = UUID.randomUUID().toString();
    this.tenantId = tenantId;
    this.position = position;
    this.filter = filter;
    this.groupName = groupName;
  }

  public String id() {
    return id;
  }

  public int position() {
    return position;
  }

  public String filter() {
    return filter;
  }

  public String groupName() {
    return groupName;
  }
}
