package io.rollcall.protocol.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a schema, with the characteristics of RFC 7643 §2.2 and §7.
 *
 * <p>Instances are immutable; use the {@code with*} methods to derive variants while building a
 * schema. Sub-attributes are only present on {@link AttributeType#COMPLEX} attributes.
 */
public record AttributeDefinition(
    String name,
    AttributeType type,
    boolean multiValued,
    String description,
    boolean required,
    boolean caseExact,
    Mutability mutability,
    Returned returned,
    Uniqueness uniqueness,
    List<String> canonicalValues,
    List<String> referenceTypes,
    List<AttributeDefinition> subAttributes) {

  public AttributeDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mutability, "mutability");
    Objects.requireNonNull(returned, "returned");
    Objects.requireNonNull(uniqueness, "uniqueness");
    description = description == null ? "" : description;
    canonicalValues = List.copyOf(canonicalValues == null ? List.of() : canonicalValues);
    referenceTypes = List.copyOf(referenceTypes == null ? List.of() : referenceTypes);
    subAttributes = List.copyOf(subAttributes == null ? List.of() : subAttributes);
  }

  /** A single-valued, optional, read-write, case-insensitive attribute of the given type. */
  public static AttributeDefinition of(String name, AttributeType type, String description) {
    return new AttributeDefinition(
        name,
        type,
        false,
        description,
        false,
        false,
        Mutability.READ_WRITE,
        Returned.DEFAULT,
        Uniqueness.NONE,
        List.of(),
        List.of(),
        List.of());
  }

  public static AttributeDefinition string(String name, String description) {
    return of(name, AttributeType.STRING, description);
  }

  public static AttributeDefinition complex(
      String name, String description, AttributeDefinition... subAttributes) {
    return of(name, AttributeType.COMPLEX, description).withSubAttributes(List.of(subAttributes));
  }

  public AttributeDefinition asMultiValued() {
    return new AttributeDefinition(
        name,
        type,
        true,
        description,
        required,
        caseExact,
        mutability,
        returned,
        uniqueness,
        canonicalValues,
        referenceTypes,
        subAttributes);
  }

  public AttributeDefinition asRequired() {
    return new AttributeDefinition(
        name,
        type,
        multiValued,
        description,
        true,
        caseExact,
        mutability,
        returned,
        uniqueness,
        canonicalValues,
        referenceTypes,
        subAttributes);
  }

  public AttributeDefinition asCaseExact() {
    return new AttributeDefinition(
        name,
        type,
        multiValued,
        description,
        required,
        true,
        mutability,
        returned,
        uniqueness,
        canonicalValues,
        referenceTypes,
        subAttributes);
  }

  public AttributeDefinition withMutability(Mutability value) {
    return new AttributeDefinition(
        name,
        type,
        multiValued,
        description,
        required,
        caseExact,
        value,
        returned,
        uniqueness,
        canonicalValues,
        referenceTypes,
        subAttributes);
  }

  public AttributeDefinition withReturned(Returned value) {
    return new AttributeDefinition(
        name,
        type,
        multiValued,
        description,
        required,
        caseExact,
        mutability,
        value,
        uniqueness,
        canonicalValues,
        referenceTypes,
        subAttributes);
  }

  public AttributeDefinition withUniqueness(Uniqueness value) {
    return new AttributeDefinition(
        name,
        type,
        multiValued,
        description,
        required,
        caseExact,
        mutability,
        returned,
        value,
        canonicalValues,
        referenceTypes,
        subAttributes);
  }

  public AttributeDefinition withCanonicalValues(String... values) {
    return new AttributeDefinition(
        name,
        type,
        multiValued,
        description,
        required,
        caseExact,
        mutability,
        returned,
        uniqueness,
        List.of(values),
        referenceTypes,
        subAttributes);
  }

  public AttributeDefinition withReferenceTypes(String... values) {
    return new AttributeDefinition(
        name,
        type,
        multiValued,
        description,
        required,
        caseExact,
        mutability,
        returned,
        uniqueness,
        canonicalValues,
        List.of(values),
        subAttributes);
  }

  public AttributeDefinition withSubAttributes(List<AttributeDefinition> values) {
    return new AttributeDefinition(
        name,
        type,
        multiValued,
        description,
        required,
        caseExact,
        mutability,
        returned,
        uniqueness,
        canonicalValues,
        referenceTypes,
        values);
  }

  public boolean isComplex() {
    return type == AttributeType.COMPLEX;
  }

  /** Attribute names are case-insensitive (RFC 7643 §2.1). */
  public boolean hasName(String candidate) {
    return candidate != null && name.equalsIgnoreCase(candidate);
  }

  public Optional<AttributeDefinition> subAttribute(String subName) {
    return subAttributes.stream().filter(a -> a.hasName(subName)).findFirst();
  }

  /** Lower-cased name, the key used in case-insensitive lookups. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }
}
