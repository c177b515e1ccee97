package io.rollcall.audit;

import io.rollcall.web.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/**
 * What to list from a tenant's audit log: optional method, status (one code such as {@code 404} or
 * a class such as {@code 4xx}) and path fragment, a page position and a page size.
 *
 * @param statusFrom lowest status included, or null
 * @param statusTo highest status included, or null
 * @param before list entries older than the entry with this id (the previous page's {@code next})
 */
public record AuditQuery(
    String method,
    Integer statusFrom,
    Integer statusTo,
    String pathContains,
    Long before,
    int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** Reads the parameters of the admin API and the console; blank means "any". */
  public static AuditQuery of(
      String method, String status, String path, String before, Integer limit) {
    String m = blank(method) ? null : method.strip().toUpperCase(Locale.ROOT);
    if (m != null && !METHODS.contains(m)) {
      throw new InvalidInputException("method must be one of " + METHODS);
    }
    Integer from = null;
    Integer to = null;
    if (!blank(status)) {
      String s = status.strip().toLowerCase(Locale.ROOT);
      if (s.matches("[1-5]xx")) {
        from = (s.charAt(0) - '0') * 100;
        to = from + 99;
      } else if (s.matches("[1-5][0-9][0-9]")) {
        from = Integer.parseInt(s);
        to = from;
      } else {
        throw new InvalidInputException("status must be a code such as 404 or a class such as 4xx");
      }
    }
    String p = blank(path) ? null : path.strip();
    if (p != null && p.length() > AuditRecord.MAX_PATH) {
      throw new InvalidInputException(
          "path must be at most " + AuditRecord.MAX_PATH + " characters");
    }
    Long b = null;
    if (!blank(before)) {
      try {
        b = Long.parseLong(before.strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("before must be the \"next\" value of a previous page");
      }
    }
    int n = limit == null ? DEFAULT_LIMIT : limit;
    if (n < 1 || n > MAX_LIMIT) {
      throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
    }
    return new AuditQuery(m, from, to, p, b, n);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
