package io.rollcall.protocol.filter;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerance;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.CommonAttributes;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaDefinition;
import io.rollcall.protocol.schema.SchemaExtension;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parsing and resolution of bare attribute paths (RFC 7644 §3.10), as used by {@code sortBy},
 * {@code attributes}, {@code excludedAttributes}, PATCH paths and the keys of PATCH values.
 *
 * <p>The caller picks the error each use of a path calls for, e.g. {@code
 * ScimException::invalidPath} for PATCH, {@code ScimException::invalidValue} for query parameters.
 * Parse errors name a 0-based position; resolution errors name the attribute.
 */
public final class AttributePaths {

  private AttributePaths() {}

  /**
   * Parses {@code [URI ":"] ATTRNAME ["." ATTRNAME]} without consulting a schema.
   *
   * @param errors makes the exception to throw from a message such as {@code "invalid character '!'
   *     in attribute name at 4"}
   */
  public static AttributePath parse(String text, Function<String, ScimException> errors) {
    return FilterParser.parseAttributePath(text, errors);
  }

  /** Parses and resolves in one step. */
  public static ResolvedPath resolve(
      String text, ResourceTypeDefinition type, Function<String, ScimException> errors) {
    return resolve(parse(text, errors), type, errors);
  }

  /**
   * Checks a path against a resource type. Names are matched case-insensitively (RFC 7643 §2.1) and
   * come back in the schema's spelling; a URN naming the core schema is dropped, an extension URN
   * gets the extension's spelling. {@code schemas} resolves to {@link CommonAttributes#SCHEMAS}.
   *
   * @throws ScimException made by {@code errors}, naming the unknown attribute
   */
  public static ResolvedPath resolve(
      AttributePath path, ResourceTypeDefinition type, Function<String, ScimException> errors) {
    return resolve(path, type, errors, Tolerances.ANY_IDP);
  }

  /**
   * As {@link #resolve(AttributePath, ResourceTypeDefinition, Function)}, with an extension
   * attribute named without its URN accepted only under {@link Tolerance#EXTENSION_WITHOUT_URN}.
   */
  public static ResolvedPath resolve(
      AttributePath path,
      ResourceTypeDefinition type,
      Function<String, ScimException> errors,
      Tolerances tolerances) {
    String urn = path.schemaUrn();
    Optional<SchemaDefinition> schema = Optional.empty();
    if (urn != null) {
      schema = type.schema(urn);
      if (schema.isEmpty()) {
        throw unknown(errors, path);
      }
    }
    AttributeDefinition attribute;
    if (urn == null && CommonAttributes.SCHEMAS.hasName(path.attribute())) {
      attribute = CommonAttributes.SCHEMAS;
    } else if (urn == null
        && type.attribute(null, path.attribute()).isEmpty()
        && tolerances.allows(Tolerance.EXTENSION_WITHOUT_URN)) {
      // Non-standard tolerance EXTENSION_WITHOUT_URN (Entra ID): an extension attribute named
      // without its URN, as in
      // {"op":"Add","path":"manager",…}; accepted only when exactly one extension has it.
      List<SchemaDefinition> owners =
          type.extensions().stream()
              .map(SchemaExtension::schema)
              .filter(s -> s.attribute(path.attribute()).isPresent())
              .toList();
      if (owners.size() != 1) {
        throw unknown(errors, path);
      }
      schema = Optional.of(owners.get(0));
      attribute = owners.get(0).attribute(path.attribute()).orElseThrow();
    } else {
      attribute = type.attribute(urn, path.attribute()).orElseThrow(() -> unknown(errors, path));
    }
    String canonicalUrn =
        schema.isPresent() && !schema.get().id().equals(type.schema().id())
            ? schema.get().id()
            : null;
    AttributeDefinition sub = null;
    if (path.hasSubAttribute()) {
      sub = attribute.subAttribute(path.subAttribute()).orElseThrow(() -> unknown(errors, path));
    }
    return new ResolvedPath(
        new AttributePath(canonicalUrn, attribute.name(), sub == null ? null : sub.name()),
        attribute,
        sub);
  }

  private static ScimException unknown(Function<String, ScimException> errors, AttributePath path) {
    return errors
        .apply("unknown attribute '" + path + "'")
        .withAuditCode(ScimException.UNKNOWN_ATTRIBUTE);
  }
}
