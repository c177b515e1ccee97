package io.rollcall.groups;

import io.rollcall.protocol.ScimException;
import java.util.Optional;

/** What a member of a group is: the canonical values of {@code members.type} (RFC 7643 §4.2). */
public enum MemberType {
  USER("User"),
  GROUP("Group");

  private final String scimName;

  MemberType(String scimName) {
    this.scimName = scimName;
  }

  public String scimName() {
    return scimName;
  }

  /** The resource endpoint under which members of this type live. */
  String endpoint() {
    return scimName + "s";
  }

  /** Reads {@code members.type}, case-insensitively as IdPs vary the spelling. */
  static Optional<MemberType> parse(String text) {
    for (MemberType type : values()) {
      if (type.scimName.equalsIgnoreCase(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  static MemberType fromColumn(String column) {
    return parse(column)
        .orElseThrow(() -> new IllegalStateException("unknown member type in the database"));
  }

  static ScimException invalid(Object text) {
    return ScimException.invalidValue(
        "members.type must be \"User\" or \"Group\", not "
            + (text == null ? "null" : "'" + text + "'"));
  }
}
