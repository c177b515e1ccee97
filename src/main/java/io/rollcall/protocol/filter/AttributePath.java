package io.rollcall.protocol.filter;

import java.util.Objects;

/**
 * An attribute reference as RFC 7644 §3.10 defines it: an optional schema URN, an attribute name
 * and an optional sub-attribute name, e.g. {@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>{@code schemaUrn} is {@code null} when the reference did not name a schema (the core schema or
 * a common attribute is meant). Once resolved against a resource type, names carry the schema's
 * spelling and {@code schemaUrn} is set for extension attributes only.
 */
public record AttributePath(String schemaUrn, String attribute, String subAttribute) {

  public AttributePath {
    Objects.requireNonNull(attribute, "attribute");
  }

  public static AttributePath of(String attribute) {
    return new AttributePath(null, attribute, null);
  }

  public static AttributePath of(String attribute, String subAttribute) {
    return new AttributePath(null, attribute, subAttribute);
  }

  public boolean hasSubAttribute() {
    return subAttribute != null;
  }

  /** The same attribute without its sub-attribute. */
  public AttributePath parent() {
    return new AttributePath(schemaUrn, attribute, null);
  }

  public AttributePath child(String sub) {
    return new AttributePath(schemaUrn, attribute, sub);
  }

  /** The dotted form without the URN, e.g. {@code name.givenName}. */
  public String dotted() {
    return subAttribute == null ? attribute : attribute + "." + subAttribute;
  }

  @Override
  public String toString() {
    return schemaUrn == null ? dotted() : schemaUrn + ":" + dotted();
  }
}
