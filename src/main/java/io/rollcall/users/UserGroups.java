package io.rollcall.users;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the users feature needs to know about groups, implemented by the groups feature: a user's
 * groups for the read-only {@code User.groups} (RFC 7643 §4.1.2), and dropping a deleted user from
 * every group. Declared here so that users do not depend on how groups are stored.
 */
public interface UserGroups {

  /** One group of a user; {@code direct} is false when the user is in it through a nested group. */
  record UserGroup(String groupId, String display, boolean direct) {}

  /** The groups of each of the tenant's users, with one query for all of them. */
  Map<String, List<UserGroup>> groupsOf(String tenantId, Collection<String> userIds);

  /** Removes the user from every group of the tenant; called as the user is deleted. */
  void removeFromAllGroups(String tenantId, String userId);
}
