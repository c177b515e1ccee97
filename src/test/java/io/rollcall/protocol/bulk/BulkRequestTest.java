package io.rollcall.protocol.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ScimException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7644 §3.7 and §3.7.4: reading a bulk request, and which errors refuse it whole. */
class BulkRequestTest {

  private static final int MAX = 5;

  private static BulkRequest parse(String body) {
    return BulkRequest.parse(Json.parse(body), MAX);
  }

  private static final String OK_OP =
      "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\"x\"}}";

  /** Requests refused before anything runs: {body, status, scimType}. */
  static Stream<Arguments> wholeRequestErrors() {
    return Stream.of(
        Arguments.of(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + OK_OP
                + "]}",
            400,
            "invalidSyntax"),
        Arguments.of("{\"schemas\":\"x\",\"Operations\":[" + OK_OP + "]}", 400, "invalidSyntax"),
        Arguments.of("{}", 400, "invalidSyntax"),
        Arguments.of("{\"Operations\":[]}", 400, "invalidSyntax"),
        Arguments.of("{\"Operations\":{}}", 400, "invalidSyntax"),
        Arguments.of("{\"Operations\":\"POST\"}", 400, "invalidSyntax"),
        Arguments.of("{\"Operations\":[" + OK_OP + ",\"DELETE\"]}", 400, "invalidSyntax"),
        Arguments.of("{\"Operations\":[" + OK_OP + ",null]}", 400, "invalidSyntax"),
        Arguments.of("{\"failOnErrors\":0,\"Operations\":[" + OK_OP + "]}", 400, "invalidValue"),
        Arguments.of("{\"failOnErrors\":-1,\"Operations\":[" + OK_OP + "]}", 400, "invalidValue"),
        Arguments.of("{\"failOnErrors\":1.5,\"Operations\":[" + OK_OP + "]}", 400, "invalidValue"),
        Arguments.of(
            "{\"failOnErrors\":\"1\",\"Operations\":[" + OK_OP + "]}", 400, "invalidValue"),
        Arguments.of(
            "{\"failOnErrors\":99999999999,\"Operations\":[" + OK_OP + "]}", 400, "invalidValue"),
        // §3.7: a bulkId is unique within a bulk request.
        Arguments.of("{\"Operations\":[" + OK_OP + "," + OK_OP + "]}", 400, "invalidValue"),
        // §3.7.4: beyond maxOperations, 413 and no scimType.
        Arguments.of(
            "{\"Operations\":[" + String.join(",", Collections.nCopies(MAX + 1, "{}")) + "]}",
            413,
            null));
  }

  @ParameterizedTest
  @MethodSource("wholeRequestErrors")
  void malformedRequestsAreRefusedWhole(String body, int status, String scimType) {
    ScimException refused = assertThrows(ScimException.class, () -> parse(body));
    assertEquals(status, refused.status(), refused.detail());
    assertEquals(scimType, refused.scimType(), refused.detail());
  }

  @Test
  void theTooManyAnswerNamesTheLimit() {
    ScimException refused =
        assertThrows(
            ScimException.class,
            () ->
                parse(
                    "{\"Operations\":["
                        + String.join(",", Collections.nCopies(MAX + 1, "{}"))
                        + "]}"));
    assertEquals("The bulk request has 6 operations; maxOperations is 5.", refused.detail());
  }

  /** Operations refused on their own, the others still running: {operation, scimType}. */
  static Stream<Arguments> operationErrors() {
    return Stream.of(
        Arguments.of("{\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{}}", "invalidSyntax"),
        Arguments.of("{\"method\":5,\"path\":\"/Users\",\"bulkId\":\"a\"}", "invalidSyntax"),
        Arguments.of("{\"method\":\"GET\",\"path\":\"/Users/1\"}", "invalidValue"),
        Arguments.of("{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{}}", "invalidSyntax"),
        Arguments.of(
            "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":7,\"data\":{}}", "invalidSyntax"),
        Arguments.of(
            "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"\",\"data\":{}}",
            "invalidValue"),
        Arguments.of("{\"method\":\"POST\",\"bulkId\":\"a\",\"data\":{}}", "invalidSyntax"),
        Arguments.of(
            "{\"method\":\"POST\",\"path\":[\"/Users\"],\"bulkId\":\"a\",\"data\":{}}",
            "invalidSyntax"),
        Arguments.of(
            "{\"method\":\"POST\",\"path\":\"/Schemas\",\"bulkId\":\"a\",\"data\":{}}",
            "invalidValue"),
        Arguments.of(
            "{\"method\":\"POST\",\"path\":\"/Users/1\",\"bulkId\":\"a\",\"data\":{}}",
            "invalidValue"),
        Arguments.of("{\"method\":\"PUT\",\"path\":\"/Users\",\"data\":{}}", "invalidValue"),
        Arguments.of("{\"method\":\"DELETE\",\"path\":\"/Users/\"}", "invalidValue"),
        Arguments.of("{\"method\":\"DELETE\",\"path\":\"/Users/1/x\"}", "invalidValue"),
        Arguments.of("{\"method\":\"DELETE\",\"path\":\"/users/1\"}", "invalidValue"),
        Arguments.of("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\"}", "invalidSyntax"),
        Arguments.of(
            "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":\"x\"}",
            "invalidSyntax"),
        Arguments.of("{\"method\":\"PUT\",\"path\":\"/Users/1\",\"data\":[]}", "invalidSyntax"),
        Arguments.of(
            "{\"method\":\"DELETE\",\"path\":\"/Users/1\",\"version\":3}", "invalidSyntax"));
  }

  @ParameterizedTest
  @MethodSource("operationErrors")
  void malformedOperationsCarryTheirOwnError(String operation, String scimType) {
    BulkRequest request = parse("{\"Operations\":[" + operation + "]}");
    ScimException problem = request.operations().get(0).problem();
    assertEquals(400, problem.status(), operation);
    assertEquals(scimType, problem.scimType(), problem.detail());
  }

  @Test
  void readsEveryMemberCaseInsensitivelyAndTheMethodInAnyCase() {
    BulkRequest request =
        parse(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"FailOnErrors":2,
             "operations":[
               {"Method":"post","Path":"Groups","BulkId":"g",
                "Data":{"displayName":"G","members":[{"value":"bulkId:u"}]}},
               {"method":"PATCH","path":"/Users/bulkId:u","version":"W/\\"1\\"","data":{"Operations":[]}},
               {"method":"Delete","path":"/Groups/42"}]}
            """);
    assertEquals(2, request.failOnErrors());
    BulkOperation post = request.operations().get(0);
    assertNull(post.problem());
    assertEquals(BulkMethod.POST, post.method());
    assertEquals("Groups", post.endpoint());
    assertNull(post.id());
    assertEquals(Set.of("u"), post.references());
    BulkOperation patch = request.operations().get(1);
    assertEquals("bulkId:u", patch.id());
    assertEquals("W/\"1\"", patch.version());
    assertEquals(Set.of("u"), patch.references());
    BulkOperation delete = request.operations().get(2);
    assertEquals(BulkMethod.DELETE, delete.method());
    assertEquals("42", delete.id());
    assertEquals(Integer.MAX_VALUE, parse("{\"Operations\":[" + OK_OP + "]}").failOnErrors());
  }

  @Test
  void aDeleteIgnoresItsDataAndItsReferences() {
    BulkOperation delete =
        parse(
                "{\"Operations\":[{\"method\":\"DELETE\",\"path\":\"/Users/1\",\"data\":{\"x\":\"bulkId:z\"}}]}")
            .operations()
            .get(0);
    assertNull(delete.problem());
    assertEquals(Set.of(), delete.references());
  }

  @Test
  void aPatchGivenAsABareArrayIsReadAsAPatchOp() {
    BulkOperation patch =
        parse(
                "{\"Operations\":[{\"method\":\"PATCH\",\"path\":\"/Users/1\",\"data\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"bulkId:t\"}]}]}")
            .operations()
            .get(0);
    assertNull(patch.problem());
    assertEquals(
        List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), patch.data().get("schemas"));
    assertEquals(Set.of("t"), patch.references());
  }
}
