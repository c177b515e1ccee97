package io.rollcall.groups;

import io.rollcall.users.UserGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The groups feature's answer to what users need from it; runs in the caller's transaction. */
@ApplicationScoped
public class GroupMemberships implements UserGroups {

  @Inject GroupRepository groups;

  @Override
  public Map<String, List<UserGroup>> groupsOf(String tenantId, Collection<String> userIds) {
    return userIds.isEmpty() ? Map.of() : groups.groupsOf(tenantId, userIds);
  }

  @Override
  public void removeFromAllGroups(String tenantId, String userId) {
    groups.removeEverywhere(tenantId, userId);
  }
}
