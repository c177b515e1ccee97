package io.rollcall.protocol.schema;

import java.util.List;
import java.util.Optional;

/** A schema of RFC 7643 §7: its URN, a name, and its top-level attributes. */
public record SchemaDefinition(
    String id, String name, String description, List<AttributeDefinition> attributes) {

  public SchemaDefinition {
    attributes = List.copyOf(attributes);
  }

  public Optional<AttributeDefinition> attribute(String attributeName) {
    return attributes.stream().filter(a -> a.hasName(attributeName)).findFirst();
  }
}
