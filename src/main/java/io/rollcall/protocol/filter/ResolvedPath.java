package io.rollcall.protocol.filter;

import io.rollcall.protocol.schema.AttributeDefinition;
import java.util.Objects;

/**
 * An attribute path checked against a resource type: {@code path} carries the schema's spelling and
 * a URN only for extension attributes; {@code subAttribute} is set when the path names one.
 */
public record ResolvedPath(
    AttributePath path, AttributeDefinition attribute, AttributeDefinition subAttribute) {

  public ResolvedPath {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(attribute, "attribute");
  }

  /** The definition of what the path names: the sub-attribute if any, else the attribute. */
  public AttributeDefinition target() {
    return subAttribute != null ? subAttribute : attribute;
  }
}
