package io.rollcall.users;

import java.time.Instant;
import java.util.Map;

/**
 * A user as read from the database: its canonical SCIM attributes (without {@code id} and {@code
 * meta}) and the metadata the server manages.
 */
public record User(
    String id,
    Map<String, Object> attributes,
    Instant created,
    Instant lastModified,
    long version) {

  /** The weak entity tag of this version (RFC 7644 §3.14); also {@code meta.version}. */
  public String etag() {
    return "W/\"" + version + "\"";
  }
}
