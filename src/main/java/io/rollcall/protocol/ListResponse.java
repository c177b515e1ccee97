package io.rollcall.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One page of query results (RFC 7644 §3.4.2, message schema {@value #SCHEMA}), paged either by
 * index (RFC 7644 §3.4.2.4) or by cursor (RFC 9865). A pure value; the JSON field for {@link
 * #resources()} is spelled {@code Resources}, which the serializer takes care of.
 *
 * @param totalResults how many resources match the query, over all pages
 * @param startIndex the 1-based index of the first resource of this page under index paging; {@code
 *     null} under cursor paging
 * @param itemsPerPage the number of resources on this page, always {@code resources.size()}
 * @param resources the page itself, already projected
 * @param nextCursor the cursor of the following page (RFC 9865); {@code null} on the last page and
 *     under index paging
 * @param previousCursor the cursor of the preceding page (RFC 9865), where the server offers one
 * @param <T> the representation of one resource
 */
public record ListResponse<T>(
    long totalResults,
    Integer startIndex,
    int itemsPerPage,
    List<T> resources,
    String nextCursor,
    String previousCursor) {

  public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  public ListResponse {
    resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    if (totalResults < 0) {
      throw new IllegalArgumentException("totalResults must not be negative");
    }
    if (startIndex != null && startIndex < 1) {
      throw new IllegalArgumentException("startIndex is 1-based");
    }
    if (itemsPerPage != resources.size()) {
      throw new IllegalArgumentException("itemsPerPage must equal the number of resources");
    }
    if (totalResults < resources.size()) {
      throw new IllegalArgumentException("a page cannot hold more than totalResults resources");
    }
    if (startIndex != null && (nextCursor != null || previousCursor != null)) {
      throw new IllegalArgumentException("a page is paged by index or by cursor, not both");
    }
  }

  /** A page under index paging (RFC 7644 §3.4.2.4). */
  public static <T> ListResponse<T> indexed(long totalResults, int startIndex, List<T> resources) {
    return new ListResponse<>(totalResults, startIndex, resources.size(), resources, null, null);
  }

  /** A page under cursor paging (RFC 9865); either cursor may be {@code null}. */
  public static <T> ListResponse<T> cursored(
      long totalResults, List<T> resources, String nextCursor, String previousCursor) {
    return new ListResponse<>(
        totalResults, null, resources.size(), resources, nextCursor, previousCursor);
  }

  /** The {@code schemas} of the message. */
  public List<String> schemas() {
    return List.of(SCHEMA);
  }
}
