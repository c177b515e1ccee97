package io.rollcall.groups;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A group as read from the database: its canonical attributes without {@code id}, {@code meta} and
 * {@code members}; its members when they were asked for, else {@code null}; and the metadata the
 * server manages.
 */
public record Group(
    String id,
    Map<String, Object> attributes,
    List<Member> members,
    Instant created,
    Instant lastModified,
    long version) {

  /** A member as the group lists it; {@code display} is the user's userName or group's name. */
  public record Member(String value, MemberType type, String display) {}

  /** The weak entity tag of this version (RFC 7644 §3.14); also {@code meta.version}. */
  public String etag() {
    return "W/\"" + version + "\"";
  }
}
