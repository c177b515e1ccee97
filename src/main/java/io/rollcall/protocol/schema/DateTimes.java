package io.rollcall.protocol.schema;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code dateTime} type of RFC 7643 §2.3.5, an {@code xsd:dateTime}: the one parser that stored
 * values, PATCH values, filter literals and the value index all use. A value without an offset is
 * taken as UTC. Years are limited to 1–9999, what every supported database can store in a timestamp
 * column, so an out-of-range date is a 400 rather than a database error.
 */
public final class DateTimes {

  /** Longer strings are refused before parsing; no valid dateTime comes close. */
  private static final int MAX_LENGTH = 64;

  private static final DateTimeFormatter XSD_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private DateTimes() {}

  /** The instant a {@code dateTime} string names, or empty when it is not one. */
  public static Optional<Instant> parse(String text) {
    return parse(text, false);
  }

  /**
   * As {@link #parse}, but only with an explicit offset ({@code Z} or {@code +02:00}): filter
   * literals must name one instant unambiguously.
   */
  public static Optional<Instant> parseWithOffset(String text) {
    return parse(text, true);
  }

  private static Optional<Instant> parse(String text, boolean offsetRequired) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      TemporalAccessor parsed = XSD_DATE_TIME.parse(text);
      LocalDateTime local = LocalDateTime.from(parsed);
      if (local.getYear() < 1 || local.getYear() > 9999) {
        return Optional.empty();
      }
      boolean hasOffset = parsed.isSupported(ChronoField.OFFSET_SECONDS);
      if (offsetRequired && !hasOffset) {
        return Optional.empty();
      }
      ZoneOffset offset = hasOffset ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
      return Optional.of(local.toInstant(offset));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
