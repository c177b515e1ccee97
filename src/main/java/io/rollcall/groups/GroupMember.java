package io.rollcall.groups;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One direct member of a group. Written with inserts and bulk deletes and read only through
 * projections, never loaded as entities, hence not cached.
 */
@Entity
@Table(name = "scim_group_member")
@IdClass(GroupMember.Key.class)
@Cacheable(false)
public class GroupMember {

  /** The primary key (group, member). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String groupId;
    String memberId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(groupId, k.groupId)
          && Objects.equals(memberId, k.memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(groupId, memberId);
    }
  }

  @Id
  @Column(name = "group_id")
  private String groupId;

  @Id
  @Column(name = "member_id")
  private String memberId;

  @Column(name = "tenant_id")
  private String tenantId;

  /** {@code User} or {@code Group}, as {@link MemberType#scimName()}. */
  @Column(name = "member_type")
  private String memberType;

  protected GroupMember() {}

  GroupMember(String groupId, String tenantId, String memberId, MemberType type) {
    this.groupId = groupId;
    this.tenantId = tenantId;
    this.memberId = memberId;
    this.memberType = type.scimName();
  }
}
