package io.rollcall.protocol.bulk;

import java.util.Locale;
import java.util.Optional;

/** The HTTP methods an operation of a bulk request may name (RFC 7644 §3.7, {@code method}). */
public enum BulkMethod {
  POST,
  PUT,
  PATCH,
  DELETE;

  /**
   * The method a client named. Case is ignored (deliberate tolerance in every IdP profile: Bulk is
   * no identity provider's habit): the RFC spells them in capitals, and a client that does not is
   * not ambiguous.
   */
  static Optional<BulkMethod> of(String name) {
    for (BulkMethod method : values()) {
      if (method.name().equals(name.toUpperCase(Locale.ROOT))) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
