package io.rollcall.protocol.schema;

import static io.rollcall.protocol.schema.AttributeDefinition.complex;
import static io.rollcall.protocol.schema.AttributeDefinition.of;
import static io.rollcall.protocol.schema.AttributeDefinition.string;

import java.util.List;
import java.util.Optional;

/**
 * The attributes every resource carries (RFC 7643 §3.1). They belong to no schema and so are not
 * listed under {@code /Schemas}, but filters, sorting and projection resolve them like any other.
 */
public final class CommonAttributes {

  public static final AttributeDefinition ID =
      string("id", "Unique identifier of the resource, issued by the service provider.")
          .asCaseExact()
          .withMutability(Mutability.READ_ONLY)
          .withReturned(Returned.ALWAYS)
          .withUniqueness(Uniqueness.SERVER);

  public static final AttributeDefinition EXTERNAL_ID =
      string("externalId", "Identifier of the resource as defined by the provisioning client.")
          .asCaseExact();

  public static final AttributeDefinition META =
      complex(
              "meta",
              "Resource metadata.",
              string("resourceType", "Name of the resource type.")
                  .asCaseExact()
                  .withMutability(Mutability.READ_ONLY),
              of("created", AttributeType.DATE_TIME, "When the resource was added.")
                  .withMutability(Mutability.READ_ONLY),
              of("lastModified", AttributeType.DATE_TIME, "When the resource was last updated.")
                  .withMutability(Mutability.READ_ONLY),
              of("location", AttributeType.REFERENCE, "URI of the resource.")
                  .asCaseExact()
                  .withMutability(Mutability.READ_ONLY)
                  .withReferenceTypes("uri"),
              string("version", "Version (entity tag) of the resource.")
                  .asCaseExact()
                  .withMutability(Mutability.READ_ONLY))
          .withMutability(Mutability.READ_ONLY);

  public static final List<AttributeDefinition> ALL = List.of(ID, EXTERNAL_ID, META);

  /**
   * The {@code schemas} member of every resource (RFC 7643 §3). Not an attribute of any schema and
   * not in {@link #ALL}, but RFC 7644 §3.4.2.2 filters on it ({@code schemas eq "urn:…"}). The
   * server derives it from the extensions a resource carries, hence read-only here.
   */
  public static final AttributeDefinition SCHEMAS =
      of("schemas", AttributeType.REFERENCE, "The schema URNs the resource conforms to.")
          .asMultiValued()
          .withMutability(Mutability.READ_ONLY)
          .withReturned(Returned.ALWAYS)
          .withReferenceTypes("uri");

  private CommonAttributes() {}

  public static Optional<AttributeDefinition> attribute(String name) {
    return ALL.stream().filter(a -> a.hasName(name)).findFirst();
  }
}
