package io.rollcall.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7644 §3.4.2.4 and §3.4.3 query parameters, RFC 9865 §2.4 method choice. */
class ListRequestTest {

  private static ListRequest query(String startIndex, String count, String cursor) {
    return ListRequest.fromQuery(null, null, null, startIndex, count, cursor, null, null);
  }

  @Test
  void startIndexBelowOneIsReadAsOne() {
    assertEquals(1, query("0", null, null).startIndex());
    assertEquals(1, query("-7", null, null).startIndex());
    assertEquals(5, query("5", null, null).startIndex());
  }

  @Test
  void negativeCountIsZeroAndLargeCountIsCappedAtTheAdvertisedMaximum() {
    assertEquals(0, query(null, "-1", null).count());
    assertEquals(ScimLimits.DEFAULT_PAGE_SIZE, query(null, null, null).count());
    assertEquals(ScimLimits.MAX_PAGE_SIZE, query(null, "999999999999", null).count());
  }

  @Test
  void nonNumericCountIsInvalidValue() {
    assertEquals(
        "invalidValue",
        assertThrows(ScimException.class, () -> query(null, "ten", null)).scimType());
  }

  @Test
  void emptyCursorAsksForTheFirstCursorPage() {
    assertTrue(query(null, "10", "").usesCursor());
    assertFalse(query(null, "10", null).usesCursor());
  }

  @Test
  void startIndexAndCursorTogetherAreRefused() {
    assertThrows(ScimException.class, () -> query("1", "10", ""));
  }

  @Test
  void searchBodyCarriesTheSameParameters() {
    ListRequest request =
        ListRequest.fromSearchBody(
            Map.of(
                "schemas",
                List.of("urn:ietf:params:scim:api:messages:2.0:SearchRequest"),
                "filter",
                "userName pr",
                "sortBy",
                "userName",
                "sortOrder",
                "descending",
                "attributes",
                List.of("userName", "emails"),
                "count",
                new java.math.BigDecimal("5")));
    assertEquals("userName pr", request.filter());
    assertTrue(request.descending());
    assertEquals("userName,emails", request.attributes());
    assertEquals(5, request.count());
  }

  @Test
  void badSortOrderIsInvalidValue() {
    assertThrows(
        ScimException.class,
        () -> ListRequest.fromQuery(null, "userName", "sideways", null, null, null, null, null));
  }

  static Stream<Arguments> boundedPaging() {
    String max = Integer.toString(ScimLimits.MAX_START_INDEX);
    return Stream.of(
        Arguments.of(max, null, ScimLimits.MAX_START_INDEX, ScimLimits.DEFAULT_PAGE_SIZE),
        Arguments.of("+3", "+4", 3, 4),
        Arguments.of(null, "99999999999999999999999", 1, ScimLimits.MAX_PAGE_SIZE),
        Arguments.of("-99999999999999999999999", "-99999999999999999999999", 1, 0));
  }

  @ParameterizedTest(name = "startIndex={0} count={1}")
  @MethodSource
  void boundedPaging(String startIndex, String count, int expectedStart, int expectedCount) {
    ListRequest request = query(startIndex, count, null);
    assertEquals(expectedStart, request.startIndex());
    assertEquals(expectedCount, request.count());
  }

  static Stream<Arguments> badPaging() {
    String over = Integer.toString(ScimLimits.MAX_START_INDEX + 1);
    String atMost = "startIndex must be at most " + ScimLimits.MAX_START_INDEX;
    return Stream.of(
        Arguments.of(over, null, atMost),
        Arguments.of("99999999999999999999999", null, atMost),
        Arguments.of("1.5", null, "startIndex must be an integer"),
        Arguments.of("1e3", null, "startIndex must be an integer"),
        Arguments.of(null, "0x10", "count must be an integer"),
        Arguments.of(null, "1 0", "count must be an integer"));
  }

  @ParameterizedTest(name = "startIndex={0} count={1}")
  @MethodSource
  void badPaging(String startIndex, String count, String detail) {
    ScimException e = assertThrows(ScimException.class, () -> query(startIndex, count, null));
    assertEquals(400, e.status());
    assertEquals("invalidValue", e.scimType());
    assertEquals(detail, e.detail());
  }

  static Stream<Arguments> badSearchBodyPaging() {
    String atMost = "startIndex must be at most " + ScimLimits.MAX_START_INDEX;
    return Stream.of(
        Arguments.of("startIndex", new BigDecimal("1e30"), atMost),
        Arguments.of("startIndex", new BigDecimal(ScimLimits.MAX_START_INDEX + 1L), atMost),
        Arguments.of("startIndex", new BigDecimal("2.5"), "startIndex must be an integer"),
        Arguments.of("count", true, "count must be an integer"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource
  void badSearchBodyPaging(String name, Object value, String detail) {
    ScimException e =
        assertThrows(ScimException.class, () -> ListRequest.fromSearchBody(Map.of(name, value)));
    assertEquals("invalidValue", e.scimType());
    assertEquals(detail, e.detail());
  }

  @Test
  void hugeCountInASearchBodyIsCapped() {
    assertEquals(
        ScimLimits.MAX_PAGE_SIZE,
        ListRequest.fromSearchBody(Map.of("count", new BigDecimal("1e30"))).count());
  }
}
