package io.rollcall.protocol.resource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ListResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListResponseTest {

  private static final List<Map<String, Object>> TWO =
      List.of(Map.of("id", "a"), Map.of("id", "b"));

  @Test
  void indexedPageCountsItsResources() {
    ListResponse<Map<String, Object>> page = ListResponse.indexed(10, 3, TWO);
    assertAll(
        () -> assertEquals(10, page.totalResults()),
        () -> assertEquals(3, page.startIndex()),
        () -> assertEquals(2, page.itemsPerPage()),
        () -> assertNull(page.nextCursor()),
        () -> assertEquals(List.of(ListResponse.SCHEMA), page.schemas()));
  }

  /** RFC 9865: a cursor page has no startIndex. */
  @Test
  void cursorPageCarriesCursorsAndNoStartIndex() {
    ListResponse<Map<String, Object>> page = ListResponse.cursored(10, TWO, "next", null);
    assertAll(
        () -> assertNull(page.startIndex()),
        () -> assertEquals("next", page.nextCursor()),
        () -> assertNull(page.previousCursor()));
  }

  @Test
  void emptyResultIsAValidPage() {
    assertEquals(0, ListResponse.indexed(0, 1, List.of()).itemsPerPage());
  }

  @Test
  void resourcesAreCopied() {
    List<String> resources = new ArrayList<>(List.of("a"));
    ListResponse<String> page = ListResponse.indexed(1, 1, resources);
    resources.add("b");
    assertEquals(List.of("a"), page.resources());
  }

  static Stream<Arguments> inconsistentPages() {
    return Stream.of(
        Arguments.of("negative total", -1L, 1, 2, null),
        Arguments.of("startIndex 0", 10L, 0, 2, null),
        Arguments.of("itemsPerPage not the page size", 10L, 1, 3, null),
        Arguments.of("more resources than total", 1L, 1, 2, null),
        Arguments.of("index and cursor at once", 10L, 1, 2, "next"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void inconsistentPages(
      String label, long total, Integer startIndex, int itemsPerPage, String nextCursor) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ListResponse<>(total, startIndex, itemsPerPage, TWO, nextCursor, null));
  }
}
