package io.rollcall.protocol.filter;

import io.rollcall.protocol.ScimException;
import java.util.Objects;

/**
 * The {@code path} of a PATCH operation, RFC 7644 §3.5.2 Figure 7: {@code PATH = attrPath /
 * valuePath [subAttr]}.
 *
 * <p>{@code target} is the attribute or sub-attribute the operation acts on; {@code valueFilter},
 * when present, selects the elements of the multi-valued {@code target.parent()} it acts on. So
 * {@code emails[type eq "work"].value} has target {@code emails.value} and the filter {@code
 * emails.type eq "work"}, whose paths are fully qualified like those of {@link Filter.ValuePath}.
 */
public record PatchPath(AttributePath target, Filter valueFilter) {

  public PatchPath {
    Objects.requireNonNull(target, "target");
  }

  /**
   * Parses a PATCH path without consulting a schema.
   *
   * @throws ScimException {@code invalidPath} naming the 0-based position of the problem; the whole
   *     path, value filter included, is "the path attribute" of RFC 7644 Table 9
   */
  public static PatchPath parse(String text) {
    return FilterParser.parsePatchPath(text, ScimException::invalidPath);
  }

  public boolean hasValueFilter() {
    return valueFilter != null;
  }
}
