package io.rollcall.protocol.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run order (RFC 7644 §3.7: reordering allowed when the outcome is the same) and the cycles of
 * §3.7.1. Each operation is written {@code name>ref,ref}: a POST of bulkId {@code name} whose data
 * references the named bulkIds; {@code -} as name is a PATCH on an existing resource.
 */
class BulkPlanTest {

  static Stream<Arguments> plans() {
    return Stream.of(
        // {operations, expected order, expected circular}
        Arguments.of("a b c", "0 1 2", ""),
        Arguments.of("a>b b", "1 0", ""),
        Arguments.of("a>c b c", "1 2 0", ""),
        Arguments.of("a>b,c b>c c", "2 1 0", ""),
        // The earliest free operation goes first: 'x' is not held back by 'a' waiting.
        Arguments.of("a>c x c -", "1 2 0 3", ""),
        Arguments.of("-", "0", ""),
        Arguments.of("->a a", "1 0", ""),
        // §3.7.1: A and B reference each other.
        Arguments.of("a>b b>a", "0 1", "0 1"),
        Arguments.of("a>a", "0", "0"),
        // A cycle is broken at its earliest operation (refused), which releases the operations
        // waiting for it; those downstream of a cycle are not on it.
        Arguments.of("x>a a>b b>a", "1 0 2", "1 2"),
        // Free operations run before a cycle is broken.
        Arguments.of("a>b b>c c>a d", "3 0 2 1", "0 1 2"),
        // An operation between two cycles: released by the first, needed by the second.
        Arguments.of("a>b b>a z>a c>z,d d>c", "0 1 2 3 4", "0 1 3 4"),
        // Unknown references free the operation: it is refused in its place.
        Arguments.of("a>nobody b", "0 1", ""));
  }

  @ParameterizedTest
  @MethodSource("plans")
  void ordersAndFindsCycles(String operations, String order, String circular) {
    List<BulkOperation> parsed = operations(operations);
    BulkPlan plan = BulkPlan.of(parsed);
    assertEquals(ints(order), plan.order());
    assertEquals(
        ints(circular), IntStream.range(0, parsed.size()).filter(plan::circular).boxed().toList());
  }

  private static List<Integer> ints(String text) {
    return text.isBlank() ? List.of() : Stream.of(text.split(" ")).map(Integer::valueOf).toList();
  }

  private static List<BulkOperation> operations(String spec) {
    List<String> json = new ArrayList<>();
    for (String op : spec.split(" ")) {
      String[] parts = op.split(">");
      String members =
          parts.length < 2
              ? "[]"
              : Stream.of(parts[1].split(","))
                  .map(r -> "{\"value\":\"bulkId:" + r + "\"}")
                  .reduce((x, y) -> x + "," + y)
                  .map(s -> "[" + s + "]")
                  .orElse("[]");
      json.add(
          parts[0].equals("-")
              ? "{\"method\":\"PATCH\",\"path\":\"/Groups/existing\",\"data\":{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":"
                  + members
                  + "}]}}"
              : "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\""
                  + parts[0]
                  + "\",\"data\":{\"displayName\":\""
                  + parts[0]
                  + "\",\"members\":"
                  + members
                  + "}}");
    }
    return BulkRequest.parse(Json.parse("{\"Operations\":[" + String.join(",", json) + "]}"), 100)
        .operations();
  }
}
