package io.rollcall.users;

import io.rollcall.events.EventKind;
import io.rollcall.events.EventOutbox;
import io.rollcall.json.ScimJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns a change of a user into provisioning events, written in the change's own transaction: what
 * kind of change it was, and what changed.
 */
@ApplicationScoped
public class UserEvents {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject EventOutbox outbox;

  Clock clock = Clock.systemUTC();

  void provisioned(UserRow user, Map<String, Object> canonical) {
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("attributes", AttributeChanges.between(Map.of(), canonical));
    changes.put("active", user.isActive());
    changes.put("permissionGroups", groups(user));
    record(user, EventKind.PROVISIONED, changes);
  }

  /** One event for (de)activation, one for other attribute changes, as they apply. */
  void changed(
      UserRow user, boolean wasActive, Map<String, Object> before, Map<String, Object> after) {
    if (wasActive != user.isActive()) {
      record(
          user,
          user.isActive() ? EventKind.REACTIVATED : EventKind.DEACTIVATED,
          Map.of("active", user.isActive()));
    }
    TreeSet<String> attributes = AttributeChanges.between(before, after);
    attributes.remove("active");
    if (!attributes.isEmpty()) {
      record(user, EventKind.UPDATED, Map.of("attributes", attributes));
    }
  }

  /** A full HR sync found the person missing: the host app must revoke their access now. */
  void departed(UserRow user) {
    record(user, EventKind.DEPARTED, Map.of("hasAccess", false));
  }

  /** A departed person is in the HR data again; access follows the SCIM user's active flag. */
  void rejoined(UserRow user) {
    record(user, EventKind.REJOINED, Map.of("hasAccess", user.isActive()));
  }

  void deleted(UserRow user) {
    record(user, EventKind.DELETED, Map.of());
  }

  /** Sets a new user's groups; its provisioned event carries them. */
  void initialGroups(UserRow user, List<String> groups) {
    user.permissionGroupsJson(groups.isEmpty() ? null : ScimJson.write(groups));
  }

  /** Stores the user's new permission groups; records an event and answers true if they changed. */
  boolean groupsChanged(UserRow user, List<String> groups) {
    List<String> old = groups(user);
    if (Objects.equals(old, groups)) {
      return false;
    }
    user.permissionGroupsJson(groups.isEmpty() ? null : ScimJson.write(groups));
    List<String> added = new ArrayList<>(groups);
    added.removeAll(old);
    List<String> removed = new ArrayList<>(old);
    removed.removeAll(groups);
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("permissionGroups", groups);
    changes.put("added", added);
    changes.put("removed", removed);
    record(user, EventKind.PERMISSIONS_CHANGED, changes);
    return true;
  }

  static List<String> groups(UserRow user) {
    String json = user.permissionGroupsJson();
    if (json == null) {
      return List.of();
    }
    return List.of(JSON.fromJson(json, String[].class));
  }

  private void record(UserRow user, EventKind kind, Map<String, Object> changes) {
    Instant now = clock.instant();
    outbox.record(user.tenantId(), kind, user.id(), user.userName(), changes, now);
  }
}
