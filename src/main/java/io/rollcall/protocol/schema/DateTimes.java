package io.rollcall.protocol.schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code dateTime} type of RFC 7643 §2.3.5. Rollcall requires an explicit offset ({@code Z} or
 * {@code +02:00}) so that every value names one instant and compares chronologically.
 */
public final class DateTimes {

  private DateTimes() {}

  /** The instant a {@code dateTime} string names, or empty when it is not one. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
