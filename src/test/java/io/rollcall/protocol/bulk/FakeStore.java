package io.rollcall.protocol.bulk;

import io.rollcall.protocol.ScimException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory stand-in for the user and group services: enough rules (uniqueness of userName and
 * displayName, existing members, versions, not found) to give each operation a realistic answer,
 * and a log of every call it received, ids already substituted.
 */
final class FakeStore implements BulkExecutor {

  record Stored(String endpoint, Map<String, Object> data, long version) {}

  final Map<String, Stored> resources = new LinkedHashMap<>();
  final List<Call> calls = new ArrayList<>();
  private int next = 1;

  /** Adds a resource as if an earlier request had created it. */
  String existing(String endpoint, Map<String, Object> data) {
    String id = endpoint.substring(0, 1).toLowerCase() + next++;
    resources.put(id, new Stored(endpoint, data, 1));
    return id;
  }

  @Override
  public String location(String endpoint, String id) {
    return "https://example.com/v2/" + endpoint + "/" + id;
  }

  @Override
  public Outcome execute(Call call) {
    calls.add(call);
    if (call.data() != null && "busy".equals(call.data().get("userName"))) {
      // What the dispatcher answers when the database refuses work (an overload).
      throw new ScimException(503, null, "Rollcall is busy; retry after the time in Retry-After.");
    }
    switch (call.method()) {
      case POST:
        checkUnique(call.endpoint(), call.data(), null);
        checkMembers(call.data());
        String id = call.endpoint().substring(0, 1).toLowerCase() + next++;
        resources.put(id, new Stored(call.endpoint(), call.data(), 1));
        return Outcome.success(201, id, "W/\"1\"");
      case PUT:
      case PATCH:
        {
          Stored current = found(call);
          // A PATCH is not applied here: the engine's part ends at handing it over.
          Map<String, Object> data = call.method() == BulkMethod.PUT ? call.data() : current.data();
          checkUnique(call.endpoint(), data, call.id());
          checkMembers(data);
          long version = current.version() + 1;
          resources.put(call.id(), new Stored(call.endpoint(), data, version));
          return Outcome.success(
              call.method() == BulkMethod.PATCH && call.endpoint().equals("Groups") ? 204 : 200,
              call.id(),
              "W/\"" + version + "\"");
        }
      case DELETE:
      default:
        found(call);
        resources.remove(call.id());
        return Outcome.success(204, call.id(), null);
    }
  }

  private Stored found(Call call) {
    Stored current = resources.get(call.id());
    if (current == null || !current.endpoint().equals(call.endpoint())) {
      throw ScimException.notFound("Resource " + call.id() + " not found.");
    }
    if (call.version() != null && !call.version().equals("W/\"" + current.version() + "\"")) {
      throw ScimException.preconditionFailed("Failed to update. Resource changed on the server.");
    }
    return current;
  }

  private void checkUnique(String endpoint, Map<String, Object> data, String self) {
    String key = endpoint.equals("Users") ? "userName" : "displayName";
    Object name = data.get(key);
    if (name == null) {
      throw ScimException.invalidValue(key + " is required");
    }
    resources.forEach(
        (id, stored) -> {
          if (!id.equals(self)
              && stored.endpoint().equals(endpoint)
              && name.equals(stored.data().get(key))) {
            throw ScimException.uniqueness(key + " '" + name + "' is already taken");
          }
        });
  }

  private void checkMembers(Map<String, Object> data) {
    if (data.get("members") instanceof List<?> members) {
      for (Object member : members) {
        Object value = ((Map<?, ?>) member).get("value");
        if (!resources.containsKey(value)) {
          throw ScimException.invalidValue("members.value: no User or Group with id " + value);
        }
      }
    }
  }
}
