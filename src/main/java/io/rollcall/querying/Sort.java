package io.rollcall.querying;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.filter.AttributePath;
import io.rollcall.protocol.filter.AttributePaths;
import io.rollcall.protocol.filter.ResolvedPath;
import io.rollcall.protocol.schema.AttributeDefinition;
import io.rollcall.protocol.schema.CommonAttributes;
import io.rollcall.protocol.schema.ResourceTypeDefinition;

/** The order of a list (RFC 7644 §3.4.2.3): a resolved, simple attribute and its direction. */
public record Sort(AttributePath path, AttributeDefinition attribute, boolean descending) {

  /**
   * {@code sortBy} names a simple attribute or sub-attribute; a complex multi-valued attribute such
   * as {@code emails} sorts by its {@code value} (RFC 7644 §3.4.2.3). Whether the type can sort by
   * it is its {@link ResourceMapping}'s to say. This form is for Rollcall's own orders, which need
   * no tolerance.
   */
  public static Sort resolve(String sortBy, boolean descending, ResourceTypeDefinition type) {
    return resolve(sortBy, descending, type, Tolerances.STRICT);
  }

  /** A client's {@code sortBy}, read with the tolerances of its identity provider. */
  public static Sort resolve(
      String sortBy, boolean descending, ResourceTypeDefinition type, Tolerances tolerances) {
    ResolvedPath resolved =
        AttributePaths.resolve(
            AttributePaths.parse(sortBy, ScimException::invalidValue),
            type,
            ScimException::invalidValue,
            tolerances);
    AttributePath path = resolved.path();
    AttributeDefinition attribute = resolved.target();
    if (attribute.isComplex()) {
      AttributeDefinition value =
          attribute
              .subAttribute("value")
              .orElseThrow(() -> ScimException.invalidValue("sortBy must name a simple attribute"));
      path = path.child(value.name());
      attribute = value;
    }
    if (CommonAttributes.SCHEMAS.hasName(path.attribute())) {
      throw ScimException.invalidValue("sortBy cannot use '" + sortBy + "'");
    }
    return new Sort(path, attribute, descending);
  }
}
