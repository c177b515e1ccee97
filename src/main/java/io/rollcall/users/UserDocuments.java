package io.rollcall.users;

import io.rollcall.json.ScimJson;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between a canonical SCIM user and the JSON document stored for it. The stored document
 * keeps the custom extension under a stable alias rather than the tenant's URN, so changing the URN
 * carries the data over; {@code schemas}, {@code id}, {@code meta} and the password are never
 * stored.
 */
final class UserDocuments {

  static final String CUSTOM_KEY = "custom";

  private UserDocuments() {}

  static String toStored(ResourceTypeDefinition type, Map<String, Object> canonical) {
    Map<String, Object> stored = new LinkedHashMap<>();
    canonical.forEach(
        (key, value) -> {
          switch (key) {
            case "schemas", "id", "meta", "password" -> {}
            default -> {
              String alias = AttributeIndex.alias(type, isExtension(type, key) ? key : null);
              if (!AttributeIndex.HR_ALIAS.equals(alias)) {
                stored.put(CUSTOM_KEY.equals(alias) ? CUSTOM_KEY : key, value);
              }
            }
          }
        });
    return ScimJson.write(stored);
  }

  /** The canonical attributes of a stored user, with {@code schemas} listing what is present. */
  static Map<String, Object> fromStored(ResourceTypeDefinition type, String json) {
    Map<String, Object> stored = ScimJson.parseStored(json);
    Map<String, Object> canonical = new LinkedHashMap<>();
    List<String> schemas = new ArrayList<>();
    schemas.add(type.schema().id());
    canonical.put("schemas", schemas);
    stored.forEach(
        (key, value) -> {
          if (CUSTOM_KEY.equals(key)) {
            customSchema(type).ifPresent(s -> canonical.put(s.id(), value));
          } else {
            canonical.put(key, value);
          }
        });
    for (SchemaDefinition extension : type.schemas()) {
      if (extension != type.schema() && canonical.containsKey(extension.id())) {
        schemas.add(extension.id());
      }
    }
    return canonical;
  }

  /**
   * The user as a filter sees it in memory: the stored attributes plus {@code id} and the {@code
   * meta} attributes a search reads from the row (RFC 7644 §3.4.2.2 filters on {@code
   * meta.lastModified} like any other attribute), so a permission rule and its preview agree.
   */
  static Map<String, Object> forFilters(ResourceTypeDefinition type, UserRow user) {
    Map<String, Object> document = fromStored(type, user.document());
    document.put("id", user.id());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceType", type.name());
    meta.put("created", user.createdAt().toString());
    meta.put("lastModified", user.lastModified().toString());
    document.put("meta", meta);
    return document;
  }

  private static boolean isExtension(ResourceTypeDefinition type, String key) {
    return type.extension(key).isPresent();
  }

  private static java.util.Optional<SchemaDefinition> customSchema(ResourceTypeDefinition type) {
    return type.extensions().stream()
        .map(e -> e.schema())
        .filter(s -> AttributeIndex.CUSTOM_ALIAS.equals(AttributeIndex.alias(type, s.id())))
        .findFirst();
  }
}
