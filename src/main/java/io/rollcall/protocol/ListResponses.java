package io.rollcall.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link ListResponse} as the JSON object of RFC 7644 §3.4.2 and RFC 9865. */
public final class ListResponses {

  private ListResponses() {}

  /**
   * @param startIndex the 1-based index of the first resource, or 0 for a cursor page
   * @param nextCursor the cursor of the next page, or null
   */
  public static Map<String, Object> page(
      long totalResults, int startIndex, List<Map<String, Object>> resources, String nextCursor) {
    // Count and page are two statements; a user created between them must not break the invariant.
    long total = Math.max(totalResults, resources.size());
    ListResponse<Map<String, Object>> response =
        startIndex > 0
            ? ListResponse.indexed(total, startIndex, resources)
            : ListResponse.cursored(total, resources, nextCursor, null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", response.schemas());
    body.put("totalResults", response.totalResults());
    body.put("itemsPerPage", response.itemsPerPage());
    if (response.startIndex() != null) {
      body.put("startIndex", response.startIndex());
    }
    if (response.nextCursor() != null) {
      body.put("nextCursor", response.nextCursor());
    }
    if (response.previousCursor() != null) {
      body.put("previousCursor", response.previousCursor());
    }
    body.put("Resources", response.resources());
    return body;
  }
}
