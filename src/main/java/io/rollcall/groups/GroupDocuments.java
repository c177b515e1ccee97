package io.rollcall.groups;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between a canonical SCIM group and the JSON document stored for it: {@code schemas},
 * {@code id}, {@code meta} and {@code members} are never stored.
 */
final class GroupDocuments {

  private GroupDocuments() {}

  static String toStored(Map<String, Object> canonical) {
    Map<String, Object> stored = new LinkedHashMap<>();
    canonical.forEach(
        (key, value) -> {
          switch (key) {
            case "schemas", "id", "meta", "members" -> {}
            default -> stored.put(key, value);
          }
        });
    return ScimJson.write(stored);
  }

  /** The canonical attributes of a stored group, members excepted. */
  static Map<String, Object> fromStored(ResourceTypeDefinition type, String json) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    List<String> schemas = new ArrayList<>();
    schemas.add(type.schema().id());
    canonical.put("schemas", schemas);
    canonical.putAll(ScimJson.parseStored(json));
    return canonical;
  }
}
