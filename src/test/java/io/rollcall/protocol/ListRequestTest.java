package io.rollcall.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
