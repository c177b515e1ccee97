package io.rollcall.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes times: absolute in UTC, or relative to now. */
@Named("fmt")
@ApplicationScoped
public class ConsoleTimes {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  Clock clock = Clock.systemUTC();

  /** {@code 2026-11-23 09:41 UTC}, or a dash for no time. */
  public String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant);
  }

  /** The exact instant, for a tooltip. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /** {@code 5 minutes ago}; {@code never} for no time. */
  public String ago(Instant instant) {
    if (instant == null) {
      return "never";
    }
    Duration elapsed = Duration.between(instant, clock.instant());
    return elapsed.isNegative() ? "just now" : span(elapsed) + " ago";
  }

  /** {@code in 23 hours}; {@code now} for a time already past. */
  public String until(Instant instant) {
    if (instant == null) {
      return "—";
    }
    Duration remaining = Duration.between(clock.instant(), instant);
    return remaining.isNegative() || remaining.isZero() ? "now" : "in " + span(remaining);
  }

  private static String span(Duration d) {
    if (d.toMinutes() < 1) {
      return d.toSeconds() < 2 ? "a moment" : d.toSeconds() + " seconds";
    }
    if (d.toHours() < 2) {
      return plural(d.toMinutes(), "minute");
    }
    if (d.toDays() < 2) {
      return plural(d.toHours(), "hour");
    }
    return plural(d.toDays(), "day");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
