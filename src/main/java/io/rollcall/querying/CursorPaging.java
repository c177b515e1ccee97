package io.rollcall.querying;

import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.PageCursor;
import io.rollcall.protocol.ScimLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Serves one page of a cursor-paginated list (RFC 9865) for any resource type: reads the request's
 * cursor, fetches one row more than the page holds to learn whether another page follows, and hands
 * out the next cursor only then.
 */
public final class CursorPaging {

  private CursorPaging() {}

  /** What a repository answers: the total that match, and the rows asked for. */
  public record Counted<T>(long total, List<T> rows) {}

  /**
   * Fetches rows from {@code offset} (sorted lists) or after {@code afterId} (id order), and counts
   * them all only when {@code countTotal} (otherwise the total is -1).
   */
  @FunctionalInterface
  public interface Fetch<T> {
    Counted<T> fetch(int offset, int limit, String afterId, boolean countTotal);
  }

  /** The page served and the cursor of the next one, or null on the last page. */
  public record Page<T>(long total, List<T> rows, String nextCursor) {}

  /**
   * @param sorted whether the list has a {@code sortBy} (then cursors hold an offset; otherwise the
   *     list is in id order and cursors hold the last id, a keyset)
   */
  public static <T> Page<T> page(
      ListRequest request, boolean sorted, Instant now, Fetch<T> fetch, Function<T, String> id) {
    PageCursor cursor =
        PageCursor.open(
            request.cursor(),
            PageCursor.fingerprint(
                request.filter(), request.sortBy(), Boolean.toString(request.descending())),
            now,
            Duration.ofSeconds(ScimLimits.CURSOR_TIMEOUT_SECONDS));
    // The total is counted for the first page only and travels in the cursor: counting a tenant
    // of a million users on every page would cost more than the page itself.
    boolean counted = cursor.total() >= 0;
    Counted<T> fetched =
        fetch.fetch(
            cursor.offset(), request.count() + 1, sorted ? null : cursor.afterId(), !counted);
    long total = counted ? cursor.total() : fetched.total();
    boolean more = fetched.rows().size() > request.count();
    List<T> served = more ? fetched.rows().subList(0, request.count()) : fetched.rows();
    String next =
        cursor
            .withTotal(total)
            .next(
                !sorted,
                more,
                served.size(),
                served.isEmpty() ? null : id.apply(served.get(served.size() - 1)),
                now);
    return new Page<>(total, served, next);
  }
}
