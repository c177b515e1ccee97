package io.rollcall.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log line per security event — a credential refused and why, an admin sign-in failure, a token
 * minted, revoked or rotated, a tenant or admin changed — under the logger {@code
 * io.rollcall.security.events}, as {@code key=value} pairs that a log pipeline can parse: {@code
 * event=token_refused plane=scim reason=revoked tenant=… token=rcs_ab12cd34 client=192.0.2.7
 * request=5f0c…}.
 *
 * <p>Never a secret: a token appears by its lookup prefix only, and only once the prefix is known
 * to be one of ours (an unknown presented string may be someone's real password). Values are quoted
 * when they hold anything but plain characters, and control characters are escaped, so a name typed
 * into the sign-in form cannot forge a line.
 */
public final class SecurityLog {

  public static final String LOGGER = "io.rollcall.security.events";

  private static final Logger LOG = Logger.getLogger(LOGGER);

  /**
   * Refusals can be sent without limit by anyone: lines with the same key (the same client
   * repeating the same mistake) are written once a minute; metrics count every one.
   */
  static final Duration REPEAT_EVERY = Duration.ofMinutes(1);

  private static final int MAX_REMEMBERED = 10_000;
  private static final ConcurrentMap<String, Long> lastWritten = new ConcurrentHashMap<>();

  private SecurityLog() {}

  /** Starts a line for {@code event}; add fields, then {@link Line#log()}. */
  public static Line event(String event) {
    return new Line(event);
  }

  /** One event's fields, in the order they were added; null values are left out. */
  public static final class Line {
    private final Map<String, String> fields = new LinkedHashMap<>();
    private Level level = Level.INFO;

    private Line(String event) {
      fields.put("event", event);
    }

    public Line with(String key, String value) {
      if (value != null) {
        fields.put(key, value);
      }
      return this;
    }

    /** Refusals are warnings: a burst of them is what an operator alerts on. */
    public Line warning() {
      level = Level.WARNING;
      return this;
    }

    public void log() {
      if (LOG.isLoggable(level)) {
        LOG.log(level, text());
      }
    }

    /**
     * Writes the line unless one with the same fields — the request id aside — was written within
     * the last minute.
     */
    public void logOncePerMinute() {
      Map<String, String> key = new LinkedHashMap<>(fields);
      key.remove("request");
      if (due(key.toString(), System.nanoTime())) {
        log();
      }
    }

    String text() {
      StringBuilder line = new StringBuilder();
      fields.forEach(
          (key, value) -> {
            if (!line.isEmpty()) {
              line.append(' ');
            }
            line.append(key).append('=').append(quoted(value));
          });
      return line.toString();
    }
  }

  static boolean due(String key, long nowNanos) {
    Long last = lastWritten.get(key);
    if (last != null && nowNanos - last < REPEAT_EVERY.toNanos()) {
      return false;
    }
    if (lastWritten.size() >= MAX_REMEMBERED) {
      // Forgetting only means a few more lines, never fewer.
      lastWritten.clear();
    }
    lastWritten.put(key, nowNanos);
    return true;
  }

  /** Plain values as they are; anything else in double quotes with escapes. */
  static String quoted(String value) {
    if (!value.isEmpty() && value.chars().allMatch(SecurityLog::plain)) {
      return value;
    }
    StringBuilder out = new StringBuilder("\"");
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20
                  || c == 0x7f
                  || (c >= 0x80 && c < 0xa0)
                  || c == 0x2028
                  || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  private static boolean plain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "._:/@+-".indexOf(c) >= 0;
  }
}
