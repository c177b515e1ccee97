package io.rollcall.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An RFC 9865 pagination cursor: opaque to the client, it records where the next page starts and
 * which query it belongs to.
 *
 * <p>Without a sort the position is a keyset (the last id served), so pages stay exact while users
 * are added or removed. With a sort it is an offset into the sorted result. A cursor presented with
 * a different filter or sort, or after {@code timeout}, is rejected.
 *
 * <p>It also carries {@code totalResults} as counted for the first page, so the following pages
 * need not count a large tenant again on every request (RFC 9865 lets a cursor-paged response omit
 * the total; Rollcall gives the one counted when the traversal began); -1 when not known.
 */
public record PageCursor(String afterId, int offset, Instant issuedAt, String query, long total) {

  private static final String VERSION = "c2";

  /** Cursors issued before the total was carried; still honoured until they expire. */
  private static final String VERSION_WITHOUT_TOTAL = "c1";

  public static PageCursor first(String query, Instant now) {
    return new PageCursor(null, 0, now, query, -1);
  }

  /** The same position, carrying the total counted for the traversal. */
  public PageCursor withTotal(long counted) {
    return new PageCursor(afterId, offset, issuedAt, query, counted);
  }

  /** The cursor after a page of an unsorted (id-ordered) result that ended with {@code lastId}. */
  public PageCursor after(String lastId, Instant now) {
    return new PageCursor(lastId, 0, now, query, total);
  }

  /** The cursor after a page of {@code served} resources of a sorted result. */
  public PageCursor skipping(int served, Instant now) {
    return new PageCursor(null, offset + served, now, query, total);
  }

  /** The cursor a request carries; an empty one asks for the first page (RFC 9865 §2). */
  public static PageCursor open(String text, String query, Instant now, Duration timeout) {
    return text.isEmpty() ? first(query, now) : decode(text, query, now, timeout);
  }

  /**
   * The cursor of the page after one that served {@code served} resources, or null when no page
   * follows: RFC 9865 §2 omits {@code nextCursor} only on the last page.
   *
   * @param keyset whether the result is in id order (no sort), so the next page starts after {@code
   *     lastId}; otherwise it starts {@code served} further into the sorted result
   * @param more whether the query found resources beyond this page
   */
  public String next(boolean keyset, boolean more, int served, String lastId, Instant now) {
    if (!more || served == 0) {
      return null;
    }
    return (keyset ? after(lastId, now) : skipping(served, now)).encode();
  }

  public String encode() {
    String text =
        String.join(
            "|",
            VERSION,
            afterId == null ? "" : afterId,
            Integer.toString(offset),
            Long.toString(issuedAt.getEpochSecond()),
            query,
            Long.toString(total));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor the server issued for this query.
   *
   * @throws ScimException {@code invalidCursor} when it is malformed or belongs to another query,
   *     {@code expiredCursor} when it is older than the timeout (RFC 9865 §2.2)
   */
  public static PageCursor decode(String text, String query, Instant now, Duration timeout) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
    } catch (IllegalArgumentException e) {
      throw invalidCursor();
    }
    boolean withTotal = parts.length == 6 && VERSION.equals(parts[0]);
    boolean withoutTotal = parts.length == 5 && VERSION_WITHOUT_TOTAL.equals(parts[0]);
    if (!(withTotal || withoutTotal) || !parts[4].equals(query)) {
      throw invalidCursor();
    }
    PageCursor cursor;
    try {
      cursor =
          new PageCursor(
              parts[1].isEmpty() ? null : parts[1],
              Integer.parseInt(parts[2]),
              Instant.ofEpochSecond(Long.parseLong(parts[3])),
              parts[4],
              withTotal ? Long.parseLong(parts[5]) : -1);
    } catch (RuntimeException e) {
      throw invalidCursor();
    }
    if (cursor.offset < 0 || cursor.total < -1 || cursor.issuedAt.isAfter(now.plusSeconds(60))) {
      throw invalidCursor();
    }
    if (cursor.issuedAt.plus(timeout).isBefore(now)) {
      throw new ScimException(
          400, "expiredCursor", "The cursor has expired; start again without one.");
    }
    return cursor;
  }

  /** A short fingerprint of the query parameters a cursor is bound to. */
  public static String fingerprint(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update((part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1f);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ScimException invalidCursor() {
    return new ScimException(400, "invalidCursor", "The cursor is not valid for this query.");
  }
}
