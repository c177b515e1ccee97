package io.rollcall.protocol.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.ScimLimits;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The bulk engine against an in-memory store: the examples of RFC 7644 §3.7.2, §3.7.3 and §3.7.1,
 * forward references, failOnErrors, and the response shape.
 */
class BulkEngineTest {

  private final FakeStore store = new FakeStore();

  private Map<String, Object> run(String body) {
    BulkRequest request = BulkRequest.parse(Json.parse(body), ScimLimits.MAX_BULK_OPERATIONS);
    return BulkResponse.render(BulkEngine.run(request, store, Clock.systemUTC()));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> operations(Map<String, Object> response) {
    assertEquals(List.of(BulkResponse.BULK_RESPONSE), response.get("schemas"));
    return (List<Map<String, Object>>) response.get("Operations");
  }

  private static List<String> statuses(Map<String, Object> response) {
    return operations(response).stream().map(o -> (String) o.get("status")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Map<String, Object> operation) {
    return (Map<String, Object>) operation.get("response");
  }

  private static String idOf(Map<String, Object> operation) {
    String location = (String) operation.get("location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** RFC 7644 §3.7.2: a User and a Group with the new User as a member, by bulkId. */
  @Test
  void rfc3_7_2_createsUserAndGroupReferencingItByBulkId() {
    Map<String, Object> response =
        run(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
             "Operations":[
               {"method":"POST","path":"/Users","bulkId":"qwerty",
                "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Alice"}},
               {"method":"POST","path":"/Groups","bulkId":"ytrewq",
                "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                        "displayName":"Tour Guides",
                        "members":[{"type":"User","value":"bulkId:qwerty"}]}}]}
            """);
    List<Map<String, Object>> ops = operations(response);
    assertEquals(List.of("201", "201"), statuses(response));
    assertEquals("POST", ops.get(0).get("method"));
    assertEquals("qwerty", ops.get(0).get("bulkId"));
    assertEquals("ytrewq", ops.get(1).get("bulkId"));
    assertEquals("W/\"1\"", ops.get(0).get("version"));
    assertTrue(((String) ops.get(0).get("location")).startsWith("https://example.com/v2/Users/"));
    assertTrue(((String) ops.get(1).get("location")).startsWith("https://example.com/v2/Groups/"));
    assertFalse(ops.get(0).containsKey("response"), "a success carries no response body");
    String alice = idOf(ops.get(0));
    assertEquals(
        List.of(Map.of("type", "User", "value", alice)),
        store.resources.get(idOf(ops.get(1))).data().get("members"));
  }

  /**
   * RFC 7644 §3.7: the service provider may reorder operations if the result is the same; a
   * reference to a POST later in the request runs after it. The response keeps the request order.
   */
  @Test
  void forwardReferenceRunsTheReferencedPostFirst() {
    Map<String, Object> response =
        run(
            """
            {"Operations":[
               {"method":"POST","path":"/Groups","bulkId":"g",
                "data":{"displayName":"Tour Guides","members":[{"value":"bulkId:alice"},{"value":"bulkId:bob"}]}},
               {"method":"POST","path":"/Users","bulkId":"alice","data":{"userName":"Alice"}},
               {"method":"POST","path":"/Users","bulkId":"bob","data":{"userName":"Bob"}}]}
            """);
    assertEquals(List.of("201", "201", "201"), statuses(response));
    List<Map<String, Object>> ops = operations(response);
    assertEquals(List.of("g", "alice", "bob"), ops.stream().map(o -> o.get("bulkId")).toList());
    assertEquals(
        List.of("Users", "Users", "Groups"),
        store.calls.stream().map(BulkExecutor.Call::endpoint).toList());
    assertEquals(
        List.of(Map.of("value", idOf(ops.get(1))), Map.of("value", idOf(ops.get(2)))),
        store.resources.get(idOf(ops.get(0))).data().get("members"));
  }

  /** RFC 7644 §3.7.2: references inside an extension (the enterprise manager) work the same way. */
  @Test
  void rfc3_7_2_managerInTheEnterpriseExtensionByBulkId() {
    Map<String, Object> response =
        run(
            """
            {"Operations":[
               {"method":"POST","path":"/Users","bulkId":"ytrewq",
                "data":{"userName":"Bob",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                          {"employeeNumber":"11250","manager":{"value":"bulkId:qwerty"}}}},
               {"method":"POST","path":"/Users","bulkId":"qwerty","data":{"userName":"Alice"}}]}
            """);
    assertEquals(List.of("201", "201"), statuses(response));
    String alice = idOf(operations(response).get(1));
    Map<?, ?> enterprise =
        (Map<?, ?>)
            store
                .resources
                .get(idOf(operations(response).get(0)))
                .data()
                .get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertEquals(Map.of("value", alice), enterprise.get("manager"));
  }

  @Test
  void bulkIdInThePathNamesTheCreatedResource() {
    Map<String, Object> response =
        run(
            """
            {"Operations":[
               {"method":"PATCH","path":"/Users/bulkId:a",
                "data":{"Operations":[{"op":"replace","path":"title","value":"Guide"}]}},
               {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"Alice"}},
               {"method":"DELETE","path":"/Users/bulkId:a"}]}
            """);
    assertEquals(List.of("200", "201", "204"), statuses(response));
    String alice = idOf(operations(response).get(1));
    assertEquals(alice, idOf(operations(response).get(0)));
    assertEquals(alice, store.calls.get(1).id());
    assertNull(store.calls.get(2).data(), "a DELETE carries no data");
    assertFalse(store.resources.containsKey(alice));
  }

  /** Only whole values are references; keys and longer strings are left alone. */
  @Test
  void onlyWholeStringValuesAreReferences() {
    run(
        """
        {"Operations":[
           {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"Alice"}},
           {"method":"POST","path":"/Users","bulkId":"b",
            "data":{"userName":"Bob","nickName":"not bulkId:a","title":"bulkId:a",
                    "bulkId:a":"key","phoneNumbers":[{"value":"bulkId:a"},{"value":5}]}}]}
        """);
    Map<String, Object> bob = store.calls.get(1).data();
    String alice = store.resources.keySet().iterator().next();
    assertEquals("not bulkId:a", bob.get("nickName"));
    assertEquals(alice, bob.get("title"));
    assertEquals("key", bob.get("bulkId:a"));
    assertEquals(alice, ((Map<?, ?>) ((List<?>) bob.get("phoneNumbers")).get(0)).get("value"));
  }

  /**
   * RFC 7644 §3.7.3: with failOnErrors 1 the service provider stops at the first error, and the
   * response holds only the operations processed until then.
   */
  @Test
  void rfc3_7_3_failOnErrorsOneStopsAtTheFirstError() {
    store.existing("Users", Map.of("userName", "Alice"));
    Map<String, Object> response =
        run(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
             "failOnErrors":1,
             "Operations":[
               {"method":"POST","path":"/Users","bulkId":"qwerty","data":{"userName":"Alice"}},
               {"method":"POST","path":"/Users","bulkId":"second","data":{"userName":"Bob"}}]}
            """);
    List<Map<String, Object>> ops = operations(response);
    assertEquals(1, ops.size());
    assertEquals("409", ops.get(0).get("status"));
    assertEquals("qwerty", ops.get(0).get("bulkId"));
    assertFalse(ops.get(0).containsKey("location"), "a failed POST has no location (§3.7.3)");
    assertEquals("uniqueness", error(ops.get(0)).get("scimType"));
    assertEquals("409", error(ops.get(0)).get("status"));
    assertEquals(1, store.calls.size(), "nothing after the error ran");
  }

  /** An overloaded database (503) stops the run: the rest would only add to its load. */
  @Test
  void anOperationAnswered503StopsTheRunLikeFailOnErrors() {
    Map<String, Object> response =
        run(
            """
            {"Operations":[
               {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"Alice"}},
               {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"busy"}},
               {"method":"POST","path":"/Users","bulkId":"c","data":{"userName":"Carol"}}]}
            """);
    assertEquals(List.of("201", "503"), statuses(response));
    assertEquals(2, store.calls.size(), "nothing after the 503 ran");
  }

  @Test
  void failOnErrorsCountsErrorsAndKeepsTheSuccessesBetweenThem() {
    Map<String, Object> response =
        run(
            """
            {"failOnErrors":2,"Operations":[
               {"method":"DELETE","path":"/Users/nobody"},
               {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"Alice"}},
               {"method":"DELETE","path":"/Groups/nothing"},
               {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"Bob"}}]}
            """);
    assertEquals(List.of("404", "201", "404"), statuses(response));
    assertEquals(1, store.resources.size());
  }

  /**
   * RFC 7644 §3.7.3's example in which every operation fails: without failOnErrors all run, each
   * with the error its single request would get. Its PATCH sends data as a bare array.
   */
  @Test
  void rfc3_7_3_withoutFailOnErrorsEveryOperationRunsAndFails() {
    String bob = store.existing("Users", Map.of("userName", "Bob"));
    String dave = store.existing("Users", Map.of("userName", "Dave"));
    Map<String, Object> response =
        run(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
             "Operations":[
               {"method":"POST","path":"/Users","bulkId":"qwerty","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}},
               {"method":"PUT","path":"/Users/%s","version":"W/\\"3694e05e9dff591\\"",
                "data":{"id":"%s","userName":"Bob"}},
               {"method":"PATCH","path":"/Users/%s","version":"W/\\"edac3253e2c0ef2\\"",
                "data":[{"op":"remove","path":"nickName"},{"op":"replace","path":"userName","value":"Dave"}]},
               {"method":"DELETE","path":"/Users/e9025315-6bea-44e1-899c-1e07454e468b","version":"W/\\"0ee8add0a938e1a\\""}]}
            """
                .formatted(bob, bob, dave));
    List<Map<String, Object>> ops = operations(response);
    assertEquals(List.of("400", "412", "412", "404"), statuses(response));
    assertEquals("invalidValue", error(ops.get(0)).get("scimType"));
    assertEquals("https://example.com/v2/Users/" + bob, ops.get(1).get("location"));
    assertEquals(
        "https://example.com/v2/Users/e9025315-6bea-44e1-899c-1e07454e468b",
        ops.get(3).get("location"),
        "a failed PUT, PATCH or DELETE still has its location (§3.7.3)");
    assertFalse(error(ops.get(1)).containsKey("scimType"));
    assertEquals(
        List.of("urn:ietf:params:scim:api:messages:2.0:Error"), error(ops.get(1)).get("schemas"));
    Map<?, ?> patch = store.calls.get(2).data();
    assertEquals(2, ((List<?>) patch.get("Operations")).size());
  }

  /**
   * RFC 7644 §3.7.1's example: two groups that each list the other as a member. Rollcall takes the
   * RFC's "MAY ... return HTTP status code 409 (Conflict)" branch for both; nothing is created.
   */
  @Test
  void rfc3_7_1_circularReferencesAre409AndNothingRuns() {
    Map<String, Object> response =
        run(
            """
            {"Operations":[
               {"method":"POST","path":"/Groups","bulkId":"qwerty",
                "data":{"displayName":"Group A","members":[{"type":"Group","value":"bulkId:ytrewq"}]}},
               {"method":"POST","path":"/Groups","bulkId":"ytrewq",
                "data":{"displayName":"Group B","members":[{"type":"Group","value":"bulkId:qwerty"}]}},
               {"method":"POST","path":"/Users","bulkId":"free","data":{"userName":"Alice"}}]}
            """);
    List<Map<String, Object>> ops = operations(response);
    assertEquals(List.of("409", "409", "201"), statuses(response));
    for (Map<String, Object> op : ops.subList(0, 2)) {
      assertFalse(error(op).containsKey("scimType"), "RFC 7644 Table 9 has no type for it");
      assertTrue(((String) error(op).get("detail")).contains("circular"));
    }
    assertEquals(1, store.calls.size());
  }

  @Test
  void selfReferenceIsCircularAndDependentsOfACycleFail() {
    Map<String, Object> response =
        run(
            """
            {"Operations":[
               {"method":"POST","path":"/Users","bulkId":"me",
                "data":{"userName":"Alice","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"bulkId:me"}}}},
               {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"G","members":[{"value":"bulkId:me"}]}}]}
            """);
    assertEquals(List.of("409", "409"), statuses(response));
    List<Map<String, Object>> ops = operations(response);
    assertTrue(((String) error(ops.get(0)).get("detail")).contains("circular"));
    assertTrue(((String) error(ops.get(1)).get("detail")).contains("\"me\" failed"));
    assertTrue(store.calls.isEmpty());
  }

  @Test
  void aReferenceToAFailedPostIs409AndToAnUnknownBulkIdIs400() {
    store.existing("Users", Map.of("userName", "Alice"));
    Map<String, Object> response =
        run(
            """
            {"Operations":[
               {"method":"POST","path":"/Users","bulkId":"dup","data":{"userName":"Alice"}},
               {"method":"POST","path":"/Groups","bulkId":"g1","data":{"displayName":"A","members":[{"value":"bulkId:dup"}]}},
               {"method":"POST","path":"/Groups","bulkId":"g2","data":{"displayName":"B","members":[{"value":"bulkId:nobody"}]}},
               {"method":"PATCH","path":"/Users/bulkId:dup","data":{"Operations":[{"op":"add","path":"title","value":"x"}]}},
               {"method":"POST","path":"/Groups","bulkId":"g3","data":{"displayName":"C"}}]}
            """);
    List<Map<String, Object>> ops = operations(response);
    assertEquals(List.of("409", "409", "400", "409", "201"), statuses(response));
    assertEquals("invalidValue", error(ops.get(2)).get("scimType"));
    assertTrue(((String) error(ops.get(2)).get("detail")).contains("\"nobody\""));
    assertFalse(ops.get(3).containsKey("location"), "no resource to point at");
    assertEquals(2, store.calls.size(), "the POST that failed, and the independent one");
  }

  /** Malformed operations are answered in place and do not stop the well-formed ones. */
  @Test
  void malformedOperationsFailAloneInTheirPlace() {
    Map<String, Object> response =
        run(
            """
            {"Operations":[
               {"method":"GET","path":"/Users"},
               {"path":"/Users","bulkId":"x","data":{}},
               {"method":"POST","path":"/Users","data":{"userName":"NoBulkId"}},
               {"method":"POST","path":"/Users","bulkId":"ok","data":{"userName":"Alice"}},
               {"method":"PUT","path":"/Users/abc"}]}
            """);
    List<Map<String, Object>> ops = operations(response);
    assertEquals(List.of("400", "400", "400", "201", "400"), statuses(response));
    assertEquals("GET", ops.get(0).get("method"), "the method is echoed as sent");
    assertFalse(ops.get(1).containsKey("method"));
    assertEquals("https://example.com/v2/Users/abc", ops.get(4).get("location"));
    assertEquals(1, store.calls.size());
  }

  /** A chain of a thousand references, written last-first, runs in one pass without recursion. */
  @Test
  void aLongChainWrittenBackwardsRunsInDependencyOrder() {
    int n = ScimLimits.MAX_BULK_OPERATIONS;
    String operations =
        IntStream.range(0, n)
            .mapToObj(
                i ->
                    i == n - 1
                        ? "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"b"
                            + i
                            + "\",\"data\":{\"displayName\":\"g"
                            + i
                            + "\"}}"
                        : "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"b"
                            + i
                            + "\",\"data\":{\"displayName\":\"g"
                            + i
                            + "\",\"members\":[{\"value\":\"bulkId:b"
                            + (i + 1)
                            + "\"}]}}")
            .collect(Collectors.joining(",", "{\"Operations\":[", "]}"));
    Map<String, Object> response = run(operations);
    assertTrue(statuses(response).stream().allMatch("201"::equals));
    assertEquals("g" + (n - 1), store.calls.get(0).data().get("displayName"));
    assertEquals("g0", store.calls.get(n - 1).data().get("displayName"));
  }

  @Test
  void aCycleThroughAThousandOperationsIsFoundWithoutRecursion() {
    int n = ScimLimits.MAX_BULK_OPERATIONS;
    String operations =
        IntStream.range(0, n)
            .mapToObj(
                i ->
                    "{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"b"
                        + i
                        + "\",\"data\":{\"displayName\":\"g"
                        + i
                        + "\",\"members\":[{\"value\":\"bulkId:b"
                        + ((i + 1) % n)
                        + "\"}]}}")
            .collect(Collectors.joining(",", "{\"Operations\":[", "]}"));
    Map<String, Object> response = run(operations);
    assertEquals(n, statuses(response).size());
    assertTrue(statuses(response).stream().allMatch("409"::equals));
    assertTrue(store.calls.isEmpty());
  }
}
