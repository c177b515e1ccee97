package io.rollcall.protocol.resource;

import static io.rollcall.protocol.schema.AttributeDefinition.complex;
import static io.rollcall.protocol.schema.AttributeDefinition.of;
import static io.rollcall.protocol.schema.AttributeDefinition.string;

import io.rollcall.protocol.schema.AttributeType;
import io.rollcall.protocol.schema.Mutability;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.Returned;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.SchemaExtension;
import io.rollcall.protocol.schema.SchemaRegistry;
import java.util.List;

/**
 * The registry under test, plus a made-up "Thing" resource type that carries what the standard
 * schemas lack: writable integer, decimal, dateTime and binary attributes, immutable attributes and
 * {@code returned: request}.
 */
final class TestSchemas {

  static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:spreadly:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String THING = "urn:example:params:scim:schemas:core:2.0:Thing";
  static final String THING_EXTRA = "urn:example:params:scim:schemas:extension:extra:2.0:Thing";

  static final SchemaRegistry REGISTRY = SchemaRegistry.forTenant(CUSTOM, true);
  static final ResourceTypeDefinition USER = REGISTRY.user();
  static final ResourceTypeDefinition GROUP = REGISTRY.resourceType("Group").orElseThrow();

  static final ResourceTypeDefinition THING_TYPE =
      new ResourceTypeDefinition(
          "Thing",
          "/Things",
          "A test resource",
          new SchemaDefinition(
              THING,
              "Thing",
              "A test resource",
              List.of(
                  string("label", "A required label.").asRequired(),
                  of("count", AttributeType.INTEGER, "An integer."),
                  of("ratio", AttributeType.DECIMAL, "A decimal."),
                  of("since", AttributeType.DATE_TIME, "A dateTime."),
                  of("blob", AttributeType.BINARY, "A binary."),
                  of("codes", AttributeType.INTEGER, "Integers.").asMultiValued(),
                  string("serial", "Set once.").withMutability(Mutability.IMMUTABLE),
                  string("token", "Set once, case matters.")
                      .asCaseExact()
                      .withMutability(Mutability.IMMUTABLE),
                  string("hint", "Only on request.").withReturned(Returned.REQUEST),
                  complex(
                      "badge",
                      "A badge.",
                      string("number", "Set once.").withMutability(Mutability.IMMUTABLE),
                      string("color", "Changes freely."),
                      string("issuer", "Only on request.").withReturned(Returned.REQUEST),
                      string("pin", "Never returned.")
                          .withMutability(Mutability.WRITE_ONLY)
                          .withReturned(Returned.NEVER)))),
          List.of(
              new SchemaExtension(
                  new SchemaDefinition(
                      THING_EXTRA,
                      "Extra",
                      "A required extension.",
                      List.of(string("note", "A note."))),
                  true)));

  private TestSchemas() {}
}
