package io.rollcall.audit;

import io.rollcall.web.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * What to list from the admin trail. {@code action} matches that action or, given a family such as
 * {@code tenant}, every action in it ({@code tenant.create}, {@code tenant.change}); {@code from}
 * is inclusive and {@code to} exclusive; {@code before} is the previous page's {@code next}.
 */
public record AdminTrailQuery(
    String actor, String action, String outcome, Instant from, Instant to, Long before, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  static final Set<String> OUTCOMES = Set.of("success", "refused", "failed", "throttled");

  /** Reads the parameters of the admin API and the console; blank means "any". */
  public static AdminTrailQuery of(
      String actor,
      String action,
      String outcome,
      String from,
      String to,
      String before,
      String limit) {
    String a = blank(actor) ? null : actor.strip().toLowerCase(Locale.ROOT);
    if (a != null && a.length() > 100) {
      throw new InvalidInputException("actor must be at most 100 characters");
    }
    String act = blank(action) ? null : action.strip().toLowerCase(Locale.ROOT);
    if (act != null && !act.matches("[a-z-]{1,40}(\\.[a-z-]{1,40})?")) {
      throw new InvalidInputException(
          "action must be an action such as tenant.create or a family such as tenant");
    }
    String o = blank(outcome) ? null : outcome.strip().toLowerCase(Locale.ROOT);
    if (o != null && !OUTCOMES.contains(o)) {
      throw new InvalidInputException("outcome must be one of " + OUTCOMES);
    }
    Instant f = instant("from", from);
    Instant t = instant("to", to);
    if (f != null && t != null && !f.isBefore(t)) {
      throw new InvalidInputException("from must be before to");
    }
    Long b = null;
    if (!blank(before)) {
      try {
        b = Long.parseLong(before.strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("before must be the \"next\" value of a previous page");
      }
    }
    int n = DEFAULT_LIMIT;
    if (!blank(limit)) {
      try {
        n = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > MAX_LIMIT) {
        throw new InvalidInputException("limit must be a whole number from 1 to " + MAX_LIMIT);
      }
    }
    return new AdminTrailQuery(a, act, o, f, t, b, n);
  }

  private static Instant instant(String name, String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name + " must be an ISO-8601 instant such as 2026-11-30T08:00:00Z");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
