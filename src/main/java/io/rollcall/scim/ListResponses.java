package io.rollcall.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The RFC 7644 §3.4.2 list response, with the RFC 9865 cursor when one applies. */
public final class ListResponses {

  public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private ListResponses() {}

  /**
   * @param startIndex the 1-based index of the first resource, or 0 for a cursor page (which has none)
   * @param nextCursor the cursor of the next page, or null when this is the last page or index paging
   */
  public static Map<String, Object> page(
      long totalResults, int startIndex, List<Map<String, Object>> resources, String nextCursor) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemas", List.of(SCHEMA));
    body.put("totalResults", totalResults);
    body.put("itemsPerPage", resources.size());
    if (startIndex > 0) {
      body.put("startIndex", startIndex);
    }
    if (nextCursor != null) {
      body.put("nextCursor", nextCursor);
    }
    body.put("Resources", resources);
    return body;
  }
}
