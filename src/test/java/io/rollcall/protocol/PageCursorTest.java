package io.rollcall.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 9865 §2.1: cursors round-trip, and bad or stale ones get the RFC's scimType. */
class PageCursorTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofHours(1);

  @Test
  void keysetCursorRoundTripsAndIsUrlSafe() {
    String query = PageCursor.fingerprint("userName sw \"a\"", null, "false");
    String text = PageCursor.first(query, NOW).after("user-17", NOW).encode();
    assertTrue(text.matches("[A-Za-z0-9_-]+"), "only RFC 3986 unreserved characters");
    PageCursor read = PageCursor.decode(text, query, NOW, TIMEOUT);
    assertEquals("user-17", read.afterId());
    assertEquals(0, read.offset());
  }

  /** The total counted for the first page travels in the cursor, so later pages need no count. */
  @Test
  void theFirstPagesTotalTravelsWithTheCursor() {
    String query = PageCursor.fingerprint(null, null, "false");
    PageCursor first = PageCursor.open("", query, NOW, TIMEOUT);
    assertEquals(-1, first.total(), "not counted yet");
    String next = first.withTotal(1_000_000).next(true, true, 100, "u-100", NOW);
    PageCursor second = PageCursor.decode(next, query, NOW, TIMEOUT);
    assertEquals(1_000_000, second.total());
    assertEquals("u-100", second.afterId());
    assertEquals(1_000_000, second.skipping(100, NOW).total());
  }

  /** Cursors issued by the previous release (without a total) stay valid until they expire. */
  @Test
  void aCursorOfThePreviousFormatIsStillAccepted() {
    String query = PageCursor.fingerprint(null, null, "false");
    String previous =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("c1|u-7|0|" + NOW.getEpochSecond() + "|" + query)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    PageCursor read = PageCursor.decode(previous, query, NOW, TIMEOUT);
    assertEquals("u-7", read.afterId());
    assertEquals(-1, read.total());
  }

  @Test
  void offsetCursorAdvancesByThePageServed() {
    String query = PageCursor.fingerprint(null, "title", "false");
    PageCursor second = PageCursor.first(query, NOW).skipping(10, NOW);
    PageCursor third = PageCursor.decode(second.encode(), query, NOW, TIMEOUT).skipping(10, NOW);
    assertEquals(20, third.offset());
    assertNull(third.afterId());
  }

  @Test
  void nextCursorOnlyWhenAnotherPageFollows() {
    PageCursor first = PageCursor.open("", "q", NOW, TIMEOUT);
    assertNull(first.next(true, false, 10, "u-10", NOW), "RFC 9865 §2: none on the last page");
    assertNull(first.next(true, true, 0, null, NOW), "count=0 pages have no next page");
    assertEquals(
        "u-10",
        PageCursor.decode(first.next(true, true, 10, "u-10", NOW), "q", NOW, TIMEOUT).afterId());
    assertEquals(
        10,
        PageCursor.decode(first.next(false, true, 10, "u-10", NOW), "q", NOW, TIMEOUT).offset());
  }

  @Test
  void cursorOfAnotherQueryIsInvalid() {
    String text = PageCursor.first("a", NOW).after("x", NOW).encode();
    assertEquals(
        "invalidCursor",
        assertThrows(ScimException.class, () -> PageCursor.decode(text, "b", NOW, TIMEOUT))
            .scimType());
  }

  @Test
  void garbageIsInvalidNotAServerError() {
    for (String junk : new String[] {"not-a-cursor", "!!!", "", "YWJj", "YzF8fHx8"}) {
      ScimException e =
          assertThrows(ScimException.class, () -> PageCursor.decode(junk, "q", NOW, TIMEOUT));
      assertEquals(400, e.status());
      assertEquals("invalidCursor", e.scimType());
    }
  }

  @Test
  void cursorOlderThanTheTimeoutHasExpired() {
    String text = PageCursor.first("q", NOW).after("x", NOW).encode();
    ScimException e =
        assertThrows(
            ScimException.class,
            () -> PageCursor.decode(text, "q", NOW.plus(Duration.ofHours(2)), TIMEOUT));
    assertEquals("expiredCursor", e.scimType());
  }
}
