package io.rollcall.protocol.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resource type (RFC 7643 §6): its core schema and the extensions that may accompany it.
 *
 * <p>Attributes that every resource carries ({@code id}, {@code externalId}, {@code meta}) come
 * from {@link CommonAttributes} and are resolvable through {@link #attribute(String, String)} as
 * well.
 */
public record ResourceTypeDefinition(
    String name,
    String endpoint,
    String description,
    SchemaDefinition schema,
    List<SchemaExtension> extensions) {

  public ResourceTypeDefinition {
    extensions = List.copyOf(extensions);
  }

  /** All schemas of this type, core first. */
  public List<SchemaDefinition> schemas() {
    List<SchemaDefinition> all = new ArrayList<>();
    all.add(schema);
    extensions.forEach(e -> all.add(e.schema()));
    return all;
  }

  /** The schema with the given URN (case-insensitive), core or extension. */
  public Optional<SchemaDefinition> schema(String urn) {
    return schemas().stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
  }

  public Optional<SchemaExtension> extension(String urn) {
    return extensions.stream().filter(e -> e.schema().id().equalsIgnoreCase(urn)).findFirst();
  }

  /**
   * Resolves a top-level attribute. A {@code null} URN means the core schema or the common
   * attributes; an extension URN restricts the lookup to that extension.
   */
  public Optional<AttributeDefinition> attribute(String schemaUrn, String attributeName) {
    if (schemaUrn == null || schemaUrn.equalsIgnoreCase(schema.id())) {
      return schema.attribute(attributeName).or(() -> CommonAttributes.attribute(attributeName));
    }
    return schema(schemaUrn).flatMap(s -> s.attribute(attributeName));
  }

  /**
   * Splits a fully qualified attribute name such as {@code
   * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department} into the URN of one of
   * this type's schemas and the rest. Returns empty when the text starts with no known URN.
   */
  public Optional<String[]> splitUrn(String qualified) {
    for (SchemaDefinition s : schemas()) {
      String id = s.id();
      if (qualified.length() > id.length()
          && qualified.regionMatches(true, 0, id, 0, id.length())
          && qualified.charAt(id.length()) == ':') {
        return Optional.of(new String[] {s.id(), qualified.substring(id.length() + 1)});
      }
    }
    return Optional.empty();
  }
}
