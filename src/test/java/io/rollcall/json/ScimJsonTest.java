package io.rollcall.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.ScimLimits;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Request bodies: what is read, and the exact 400 for each way a body can be bad. */
class ScimJsonTest {

  private static Map<String, Object> read(String body) {
    // No media type: checking it needs a JAX-RS runtime, and it is not what is tested here.
    return ScimJson.readObject(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), null);
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  static Stream<Arguments> badBodies() {
    String digits = "9".repeat(ScimLimits.MAX_NUMBER_LENGTH + 1);
    return Stream.of(
        Arguments.of("empty", "", "invalidSyntax", "The request body is empty."),
        Arguments.of("blank", " \n ", "invalidSyntax", "The request body is empty."),
        Arguments.of(
            "truncated", "{\"userName\":", "invalidSyntax", "The request body is not valid JSON."),
        Arguments.of(
            "not JSON", "userName=a", "invalidSyntax", "The request body is not valid JSON."),
        Arguments.of(
            "trailing value", "{} {}", "invalidSyntax", "The request body is not valid JSON."),
        Arguments.of("array", "[{}]", "invalidSyntax", "The request body must be a JSON object."),
        Arguments.of("string", "\"x\"", "invalidSyntax", "The request body must be a JSON object."),
        Arguments.of(
            "repeated key",
            "{\"userName\":\"a\",\"userName\":\"b\"}",
            "invalidSyntax",
            "The request body repeats the key \"userName\" in one object."),
        Arguments.of(
            "repeated key, same value",
            "{\"active\":true,\"active\":true}",
            "invalidSyntax",
            "The request body repeats the key \"active\" in one object."),
        Arguments.of(
            "repeated key in a nested object",
            "{\"name\":{\"givenName\":\"a\",\"givenName\":\"b\"}}",
            "invalidSyntax",
            "The request body repeats the key \"givenName\" in one object."),
        Arguments.of(
            "repeated key in a PATCH value",
            "{\"Operations\":[{\"op\":\"add\",\"op\":\"remove\",\"path\":\"title\"}]}",
            "invalidSyntax",
            "The request body repeats the key \"op\" in one object."),
        Arguments.of(
            "too deep",
            nested(ScimLimits.MAX_JSON_DEPTH + 1),
            "invalidSyntax",
            "The request body nests objects and arrays deeper than "
                + ScimLimits.MAX_JSON_DEPTH
                + " levels."),
        Arguments.of(
            "arrays too deep",
            "{\"a\":"
                + "[".repeat(ScimLimits.MAX_JSON_DEPTH)
                + "]".repeat(ScimLimits.MAX_JSON_DEPTH)
                + "}",
            "invalidSyntax",
            "The request body nests objects and arrays deeper than "
                + ScimLimits.MAX_JSON_DEPTH
                + " levels."),
        Arguments.of(
            "hostile depth",
            "[".repeat(100_000),
            "invalidSyntax",
            "The request body nests objects and arrays deeper than "
                + ScimLimits.MAX_JSON_DEPTH
                + " levels."),
        Arguments.of(
            "exponent beyond 32 bits",
            "{\"n\":1e99999999999}",
            "invalidValue",
            "A number in the request body is out of range: 1e99999999999"),
        Arguments.of(
            "very long number",
            "{\"n\":" + digits + "}",
            "invalidValue",
            "A number in the request body is longer than "
                + ScimLimits.MAX_NUMBER_LENGTH
                + " characters: "
                + "9".repeat(40)
                + "…"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void badBodies(String label, String body, String scimType, String detail) {
    ScimException e = assertThrows(ScimException.class, () -> read(body));
    assertAll(
        () -> assertEquals(400, e.status()),
        () -> assertEquals(scimType, e.scimType()),
        () -> assertEquals(detail, e.detail()));
  }

  @Test
  void readsEveryJsonTypeIntoThePlainTree() {
    Map<String, Object> body =
        read(
            "{\"s\":\"x\",\"i\":42,\"d\":1.50,\"e\":2E+3,\"t\":true,\"f\":false,\"n\":null,"
                + "\"a\":[1,\"y\",{}],\"o\":{\"k\":[]}}");
    assertEquals(
        Arrays.asList(
            "x",
            new BigDecimal("42"),
            new BigDecimal("1.50"),
            new BigDecimal("2E+3"),
            true,
            false,
            null,
            List.of(new BigDecimal("1"), "y", Map.of()),
            Map.of("k", List.of())),
        new ArrayList<>(body.values()));
    assertEquals(List.of("s", "i", "d", "e", "t", "f", "n", "a", "o"), List.copyOf(body.keySet()));
  }

  /** Keys that differ in case are different JSON keys; the schema layer decides about them. */
  @Test
  void keysDifferingInCaseAreNotRepeats() {
    assertEquals(2, read("{\"userName\":\"a\",\"USERNAME\":\"a\"}").size());
  }

  /** The same key in sibling objects is no repeat. */
  @Test
  void sameKeyInSiblingObjectsIsAccepted() {
    assertEquals(
        2,
        ((List<?>) read("{\"emails\":[{\"value\":\"a\"},{\"value\":\"b\"}]}").get("emails"))
            .size());
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    assertEquals(1, read(nested(ScimLimits.MAX_JSON_DEPTH)).size());
  }

  @Test
  void numberOfTheLongestAllowedLengthIsRead() {
    String digits = "1".repeat(ScimLimits.MAX_NUMBER_LENGTH);
    assertEquals(new BigDecimal(digits), read("{\"n\":" + digits + "}").get("n"));
  }
}
