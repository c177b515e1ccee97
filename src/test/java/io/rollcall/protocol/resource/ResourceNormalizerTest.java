package io.rollcall.protocol.resource;

import static io.rollcall.protocol.resource.TestSchemas.CORE_USER;
import static io.rollcall.protocol.resource.TestSchemas.CUSTOM;
import static io.rollcall.protocol.resource.TestSchemas.ENTERPRISE;
import static io.rollcall.protocol.resource.TestSchemas.THING;
import static io.rollcall.protocol.resource.TestSchemas.THING_EXTRA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ScimException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceNormalizerTest {

  private static final ResourceNormalizer USERS = new ResourceNormalizer(TestSchemas.USER);
  private static final ResourceNormalizer GROUPS = new ResourceNormalizer(TestSchemas.GROUP);
  private static final ResourceNormalizer THINGS = new ResourceNormalizer(TestSchemas.THING_TYPE);

  /** A user with {@code userName} and the given further members of the JSON object. */
  private static Map<String, Object> user(String members) {
    return Json.object(
        "{\"userName\": \"bjensen@example.com\"" + (members.isEmpty() ? "" : ", " + members) + "}");
  }

  private static Map<String, Object> thing(String members) {
    return Json.object(
        "{\"label\": \"L\", \""
            + THING_EXTRA
            + "\": {\"note\": \"n\"}"
            + (members.isEmpty() ? "" : ", " + members)
            + "}");
  }

  private static ScimException rejected(ResourceNormalizer normalizer, Map<String, Object> input) {
    return assertThrows(ScimException.class, () -> normalizer.normalize(input));
  }

  private static void assertInvalidValue(ScimException e, String detail) {
    assertAll(
        () -> assertEquals(400, e.status()),
        () -> assertEquals("invalidValue", e.scimType()),
        () -> assertEquals(detail, e.detail()));
  }

  @Nested
  class TypesOfRfc7643Section23 {

    static Stream<Arguments> wrongUserTypes() {
      return Stream.of(
          Arguments.of("\"active\": \"yes\"", "attribute 'active' must be a boolean"),
          Arguments.of("\"active\": 1", "attribute 'active' must be a boolean"),
          Arguments.of(
              "\"emails\": [{\"value\": \"a@example.com\", \"primary\": \"maybe\"}]",
              "attribute 'emails[0].primary' must be a boolean"),
          Arguments.of("\"displayName\": 5", "attribute 'displayName' must be a string"),
          Arguments.of("\"displayName\": {\"a\": 1}", "attribute 'displayName' must be a string"),
          Arguments.of("\"userName\": true", "attribute 'userName' must be a string"),
          Arguments.of("\"profileUrl\": false", "attribute 'profileUrl' must be a string"),
          Arguments.of("\"name\": \"Barbara\"", "attribute 'name' must be a JSON object"),
          Arguments.of(
              "\"name\": {\"givenName\": [\"Barbara\"]}",
              "attribute 'name.givenName' must be a single value"),
          Arguments.of("\"title\": [\"Boss\"]", "attribute 'title' must be a single value"),
          Arguments.of("\"emails\": [[\"a\"]]", "attribute 'emails[0]' must be a single value"),
          Arguments.of(
              "\"emails\": [\"a@example.com\"]", "attribute 'emails[0]' must be a JSON object"),
          Arguments.of(
              "\"phoneNumbers\": [{\"value\": \"1\"}, {\"value\": 2}]",
              "attribute 'phoneNumbers[1].value' must be a string"),
          Arguments.of(
              "\"x509Certificates\": [{\"value\": \"not base64!\"}]",
              "attribute 'x509Certificates[0].value' must be a base64 string"),
          Arguments.of(
              "\"x509Certificates\": [{\"value\": 12}]",
              "attribute 'x509Certificates[0].value' must be a base64 string"),
          Arguments.of(
              "\"" + ENTERPRISE + "\": \"x\"",
              "attribute '" + ENTERPRISE + "' must be a JSON object"),
          Arguments.of(
              "\"" + ENTERPRISE + "\": {\"department\": 7}",
              "attribute '" + ENTERPRISE + ":department' must be a string"),
          Arguments.of(
              "\"" + ENTERPRISE + "\": {\"manager\": 42}",
              "attribute '" + ENTERPRISE + ":manager' must be a JSON object"),
          Arguments.of(
              "\"" + ENTERPRISE + ":employeeNumber\": [\"1\"]",
              "attribute '" + ENTERPRISE + ":employeeNumber' must be a single value"),
          Arguments.of(
              "\"" + CUSTOM + "\": {\"customField3\": false}",
              "attribute '" + CUSTOM + ":customField3' must be a string"),
          Arguments.of("\"schemas\": [1]", "attribute 'schemas' must be a list of schema URNs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void wrongUserTypes(String members, String detail) {
      assertInvalidValue(rejected(USERS, user(members)), detail);
    }

    static Stream<Arguments> wrongThingTypes() {
      return Stream.of(
          Arguments.of("\"count\": \"3\"", "attribute 'count' must be an integer"),
          Arguments.of("\"count\": 1.5", "attribute 'count' must be an integer"),
          Arguments.of("\"count\": 1e-7", "attribute 'count' must be an integer"),
          Arguments.of("\"count\": 9223372036854775808", "attribute 'count' is out of range"),
          Arguments.of("\"count\": 1e999999999", "attribute 'count' is out of range"),
          Arguments.of("\"count\": true", "attribute 'count' must be an integer"),
          Arguments.of("\"codes\": [1, \"2\"]", "attribute 'codes[1]' must be an integer"),
          Arguments.of("\"ratio\": \"0.5\"", "attribute 'ratio' must be a number"),
          Arguments.of("\"ratio\": 1e999999999", "attribute 'ratio' is out of range"),
          Arguments.of("\"ratio\": 1e-999999999", "attribute 'ratio' is out of range"),
          // Beyond what the value index stores (DECIMAL(38, 9)): a 400, not a database error.
          Arguments.of("\"ratio\": 1e29", "attribute 'ratio' is out of range"),
          Arguments.of(
              "\"since\": \"10000-01-01T00:00:00Z\"",
              "attribute 'since' must be an xsd:dateTime such as 2008-01-23T04:56:22Z"),
          Arguments.of(
              "\"since\": \"0000-12-31T00:00:00Z\"",
              "attribute 'since' must be an xsd:dateTime such as 2008-01-23T04:56:22Z"),
          Arguments.of(
              "\"since\": \"yesterday\"",
              "attribute 'since' must be an xsd:dateTime such as 2008-01-23T04:56:22Z"),
          Arguments.of(
              "\"since\": \"2008-02-30T04:56:22Z\"",
              "attribute 'since' must be an xsd:dateTime such as 2008-01-23T04:56:22Z"),
          Arguments.of(
              "\"since\": \"2008-01-23\"",
              "attribute 'since' must be an xsd:dateTime such as 2008-01-23T04:56:22Z"),
          Arguments.of(
              "\"since\": 1200000000",
              "attribute 'since' must be an xsd:dateTime such as 2008-01-23T04:56:22Z"),
          Arguments.of("\"blob\": \"@@@\"", "attribute 'blob' must be a base64 string"),
          Arguments.of("\"blob\": \"aGVs bG8=\"", "attribute 'blob' must be a base64 string"),
          Arguments.of(
              "\"badge\": [{\"color\": \"red\"}]", "attribute 'badge' must be a single value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void wrongThingTypes(String members, String detail) {
      Map<String, Object> input = thing("");
      input.putAll(Json.object("{" + members + "}"));
      assertInvalidValue(rejected(THINGS, input), detail);
    }

    static Stream<Arguments> rightThingTypes() {
      return Stream.of(
          Arguments.of("count", new BigDecimal("3"), BigDecimal.valueOf(3)),
          Arguments.of("count", new BigDecimal("3.00"), BigDecimal.valueOf(3)),
          Arguments.of("count", 3, BigDecimal.valueOf(3)),
          Arguments.of("count", 3L, BigDecimal.valueOf(3)),
          Arguments.of("count", 3.0d, BigDecimal.valueOf(3)),
          Arguments.of("count", -9223372036854775808L, BigDecimal.valueOf(Long.MIN_VALUE)),
          Arguments.of("ratio", new BigDecimal("0.50"), new BigDecimal("0.50")),
          Arguments.of("ratio", 2, BigDecimal.valueOf(2)),
          Arguments.of("ratio", 0.25d, new BigDecimal("0.25")),
          Arguments.of("since", "2008-01-23T04:56:22Z", "2008-01-23T04:56:22Z"),
          Arguments.of("since", "2008-01-23T04:56:22.123+02:00", "2008-01-23T04:56:22.123+02:00"),
          Arguments.of("since", "2008-01-23T04:56:22", "2008-01-23T04:56:22"),
          Arguments.of("blob", "aGVsbG8=", "aGVsbG8="),
          Arguments.of("blob", "", ""),
          Arguments.of("codes", List.of(1, 2), List.of(BigDecimal.ONE, BigDecimal.valueOf(2))),
          // Tolerance: a single value for a multi-valued attribute becomes a one-element list.
          Arguments.of("codes", 7, List.of(BigDecimal.valueOf(7))));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void rightThingTypes(String attribute, Object given, Object canonical) {
      Map<String, Object> input = thing("");
      input.put(attribute, given);
      assertEquals(canonical, THINGS.normalize(input).get(attribute));
    }

    @Test
    void notANumberIsNotADecimal() {
      Map<String, Object> input = thing("");
      input.put("ratio", Double.NaN);
      assertInvalidValue(rejected(THINGS, input), "attribute 'ratio' must be a number");
    }
  }

  @Nested
  class Tolerance {

    static Stream<Arguments> booleanWords() {
      return Stream.of(
          Arguments.of("\"False\"", false),
          Arguments.of("\"TRUE\"", true),
          Arguments.of("\"true\"", true),
          Arguments.of("false", false));
    }

    /** Entra ID sends booleans as {@code "True"} / {@code "False"}. */
    @ParameterizedTest(name = "active: {0}")
    @MethodSource
    void booleanWords(String json, boolean expected) {
      assertEquals(expected, USERS.normalize(user("\"active\": " + json)).get("active"));
    }

    @Test
    void singleValueForMultiValuedAttributeIsWrapped() {
      Map<String, Object> canonical =
          USERS.normalize(user("\"emails\": {\"value\": \"b@example.com\", \"type\": \"work\"}"));
      assertEquals(
          List.of(Map.of("value", "b@example.com", "type", "work")), canonical.get("emails"));
    }

    @Test
    void fullyQualifiedExtensionAttributeIsNested() {
      Map<String, Object> canonical =
          USERS.normalize(
              user(
                  "\""
                      + ENTERPRISE
                      + ":department\": \"Sales\", \""
                      + CUSTOM
                      + ":customField2\": \"x\""));
      assertAll(
          () -> assertEquals(Map.of("department", "Sales"), canonical.get(ENTERPRISE)),
          () -> assertEquals(Map.of("customField2", "x"), canonical.get(CUSTOM)),
          () -> assertEquals(List.of(CORE_USER, ENTERPRISE, CUSTOM), canonical.get("schemas")),
          () -> assertFalse(canonical.containsKey(ENTERPRISE + ":department")));
    }

    @Test
    void fullyQualifiedSubAttributeIsNestedAndMergedWithItsSiblings() {
      Map<String, Object> canonical =
          USERS.normalize(
              user(
                  "\""
                      + ENTERPRISE
                      + ":manager.value\": \"m-1\", \""
                      + ENTERPRISE
                      + "\": {\"manager\": {\"$ref\": \"../Users/m-1\"}}"));
      assertEquals(
          Map.of("manager", Map.of("value", "m-1", "$ref", "../Users/m-1")),
          canonical.get(ENTERPRISE));
    }

    @Test
    void fullyQualifiedCoreAttributeIsAccepted() {
      assertEquals(
          "Boss", USERS.normalize(user("\"" + CORE_USER + ":title\": \"Boss\"")).get("title"));
    }

    @Test
    void managerAsPlainIdBecomesComplex() {
      Map<String, Object> canonical =
          USERS.normalize(user("\"" + ENTERPRISE + "\": {\"manager\": \"m-1\"}"));
      assertEquals(Map.of("manager", Map.of("value", "m-1")), canonical.get(ENTERPRISE));
    }

    @Test
    void blankManagerIdMeansNoManager() {
      Map<String, Object> canonical =
          USERS.normalize(user("\"" + ENTERPRISE + "\": {\"manager\": \"\"}"));
      assertAll(
          () -> assertFalse(canonical.containsKey(ENTERPRISE)),
          () -> assertEquals(List.of(CORE_USER), canonical.get("schemas")));
    }
  }

  @Nested
  class NamesAndSchemas {

    @Test
    void namesAreMatchedCaseInsensitivelyAndRewrittenToSchemaSpelling() {
      Map<String, Object> canonical =
          USERS.normalize(
              Json.object(
                  "{\"USERNAME\": \"u\", \"Name\": {\"GIVENname\": \"B\"},"
                      + " \"emails\": [{\"VALUE\": \"a@example.com\", \"Primary\": true}],"
                      + " \"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER\":"
                      + " {\"Department\": \"D\"}}"));
      assertEquals(
          Json.object(
              "{\"schemas\": [\""
                  + CORE_USER
                  + "\", \""
                  + ENTERPRISE
                  + "\"],"
                  + " \"userName\": \"u\", \"name\": {\"givenName\": \"B\"},"
                  + " \"emails\": [{\"value\": \"a@example.com\", \"primary\": true}],"
                  + " \""
                  + ENTERPRISE
                  + "\": {\"department\": \"D\"}}"),
          canonical);
    }

    @Test
    void outputFollowsSchemaOrderWithSchemasFirst() {
      Map<String, Object> canonical =
          USERS.normalize(
              Json.object(
                  "{\""
                      + ENTERPRISE
                      + "\": {\"division\": \"V\", \"department\": \"D\"}, \"active\": true,"
                      + " \"name\": {\"givenName\": \"B\", \"familyName\": \"J\"}, \"userName\":"
                      + " \"u\", \"externalId\": \"e\"}"));
      assertAll(
          () ->
              assertEquals(
                  List.of("schemas", "externalId", "userName", "name", "active", ENTERPRISE),
                  new ArrayList<>(canonical.keySet())),
          () ->
              assertEquals(
                  List.of("familyName", "givenName"),
                  new ArrayList<>(((Map<?, ?>) canonical.get("name")).keySet())),
          () ->
              assertEquals(
                  List.of("division", "department"),
                  new ArrayList<>(((Map<?, ?>) canonical.get(ENTERPRISE)).keySet())));
    }

    static Stream<Arguments> toleratedSchemas() {
      return Stream.of(
          Arguments.of("no schemas at all", ""),
          Arguments.of("schemas without the core URN", "\"schemas\": [\"" + ENTERPRISE + "\"]"),
          Arguments.of(
              "schemas missing a present extension", "\"schemas\": [\"" + CORE_USER + "\"]"),
          Arguments.of(
              "schemas in another case", "\"Schemas\": [\"" + CORE_USER.toUpperCase() + "\"]"),
          Arguments.of(
              "schemas naming an extension without data",
              "\"schemas\": [\"" + CORE_USER + "\", \"" + CUSTOM + "\"]"));
    }

    /** {@code schemas} is derived from the data (RFC 7643 §3), so a sloppy one does no harm. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void toleratedSchemas(String label, String schemas) {
      String members = "\"" + ENTERPRISE + "\": {\"department\": \"D\"}";
      Map<String, Object> canonical =
          USERS.normalize(user(schemas.isEmpty() ? members : schemas + ", " + members));
      assertEquals(List.of(CORE_USER, ENTERPRISE), canonical.get("schemas"));
    }

    /** RFC 7643 §3: {@code schemas} is multi-valued, so anything but a JSON array is malformed. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"" + CORE_USER + "\"", "{\"a\": 1}", "7", "true"})
    void schemasThatIsNoArrayIsInvalidSyntax(String schemas) {
      ScimException refused =
          assertThrows(ScimException.class, () -> USERS.normalize(user("\"schemas\": " + schemas)));
      assertEquals(400, refused.status());
      assertEquals("invalidSyntax", refused.scimType());
      assertEquals("attribute 'schemas' must be a JSON array of schema URNs", refused.detail());
    }

    @Test
    void schemasNamingAnotherResourceTypeIsRejected() {
      assertInvalidValue(
          rejected(USERS, user("\"schemas\": [\"" + TestSchemas.CORE_GROUP + "\"]")),
          "'schemas' lists '"
              + TestSchemas.CORE_GROUP
              + "', which is not a schema of resource type User");
    }

    static Stream<Arguments> unknownSchemaUrns() {
      return Stream.of(
          Arguments.of("urn:example:params:scim:schemas:extension:acme:2.0:User"),
          Arguments.of("urn:okta:schemas:unknown:1.0:User"),
          Arguments.of("https://example.com/schemas/User"),
          Arguments.of(""));
    }

    /** A schema the server does not have would be data silently dropped: refuse it by name. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void unknownSchemaUrns(String urn) {
      assertInvalidValue(
          rejected(USERS, user("\"schemas\": [\"" + CORE_USER + "\", \"" + urn + "\"]")),
          "'schemas' lists '" + urn + "', which is not a schema of resource type User");
    }

    /** Entra ID sends its own schema URN on groups, with nothing filed under it. */
    @Test
    void vendorSchemaUrnWithoutAttributesIsIgnored() {
      Map<String, Object> canonical =
          USERS.normalize(
              user(
                  "\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\","
                      + " \"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/User\"]"));
      assertEquals(List.of(CORE_USER), canonical.get("schemas"));
    }

    @Test
    void unknownAttributesAreAllNamed() {
      assertInvalidValue(
          rejected(
              USERS,
              user(
                  "\"shoeSize\": 44, \"name\": {\"givenName\": \"B\", \"nick\": \"x\"},"
                      + " \""
                      + ENTERPRISE
                      + "\": {\"badge\": \"1\"},"
                      + " \"urn:example:other:1.0:User\": {\"a\": 1}")),
          "unknown attributes 'name.nick', 'shoeSize', 'urn:example:other:1.0:User', '"
              + ENTERPRISE
              + ":badge'");
    }

    @Test
    void oneUnknownAttributeIsNamedInTheSingular() {
      assertInvalidValue(
          rejected(USERS, user("\"shoeSize\": null")), "unknown attribute 'shoeSize'");
    }

    static Stream<Arguments> givenTwice() {
      return Stream.of(
          Arguments.of("\"USERNAME\": \"other\"", "attribute 'userName' is given more than once"),
          Arguments.of(
              "\""
                  + ENTERPRISE
                  + "\": {\"department\": \"A\"}, \""
                  + ENTERPRISE
                  + ":Department\": \"B\"",
              "attribute '" + ENTERPRISE + ":department' is given more than once"),
          Arguments.of(
              "\""
                  + ENTERPRISE
                  + "\": {\"manager\": {\"value\": \"A\"}}, \""
                  + ENTERPRISE
                  + ":manager.value\": \"B\"",
              "attribute '" + ENTERPRISE + ":manager.value' is given more than once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void givenTwice(String members, String detail) {
      assertInvalidValue(rejected(USERS, user(members)), detail);
    }
  }

  @Nested
  class ReadOnlyAndUnassigned {

    /** RFC 7643 §2.2: readOnly values in a request "SHALL be ignored". */
    @Test
    void readOnlyAttributesAreRemovedWhateverTheirShape() {
      Map<String, Object> canonical =
          USERS.normalize(
              user(
                  "\"id\": 5, \"meta\": \"x\", \"groups\": [{\"value\": \"g\"}],"
                      + " \""
                      + ENTERPRISE
                      + "\": {\"manager\": {\"value\": \"m\","
                      + " \"displayName\": \"Boss\"}}"));
      assertEquals(
          Json.object(
              "{\"schemas\": [\""
                  + CORE_USER
                  + "\", \""
                  + ENTERPRISE
                  + "\"],"
                  + " \"userName\": \"bjensen@example.com\","
                  + " \""
                  + ENTERPRISE
                  + "\": {\"manager\": {\"value\": \"m\"}}}"),
          canonical);
    }

    @Test
    void idFromInputNeverSurvives() {
      assertFalse(USERS.normalize(user("\"id\": \"chosen-by-client\"")).containsKey("id"));
    }

    @Test
    void readOnlySubAttributeOfGroupMemberIsRemoved() {
      Map<String, Object> canonical =
          GROUPS.normalize(
              Json.object(
                  "{\"displayName\": \"G\", \"members\": [{\"value\": \"u1\","
                      + " \"display\": \"U\", \"type\": \"User\"}]}"));
      assertEquals(List.of(Map.of("value", "u1", "type", "User")), canonical.get("members"));
    }

    /** RFC 7643 §2.5: null, [] and {} are all "unassigned". */
    @Test
    void unassignedValuesAreRemoved() {
      Map<String, Object> canonical =
          USERS.normalize(
              user(
                  "\"displayName\": null, \"emails\": [], \"name\": {\"givenName\": null},"
                      + " \"addresses\": [{}], \"phoneNumbers\": [null],"
                      + " \""
                      + ENTERPRISE
                      + "\": {}, \""
                      + CUSTOM
                      + "\": null"));
      assertEquals(
          Json.object(
              "{\"schemas\": [\"" + CORE_USER + "\"], \"userName\": \"bjensen@example.com\"}"),
          canonical);
    }

    /** Okta sends "" for unset profile attributes; a GET must return exactly that. */
    @Test
    void emptyStringsAreKeptAsGiven() {
      Map<String, Object> canonical =
          USERS.normalize(user("\"name\": {\"middleName\": \"\"}, \"title\": \"\""));
      assertAll(
          () -> assertEquals(Map.of("middleName", ""), canonical.get("name")),
          () -> assertEquals("", canonical.get("title")));
    }

    @Test
    void writeOnlyPasswordIsKeptForTheCaller() {
      assertEquals("s3cret", USERS.normalize(user("\"password\": \"s3cret\"")).get("password"));
    }
  }

  @Nested
  class RequiredAndPrimary {

    static Stream<Arguments> missingRequired() {
      return Stream.of(
          Arguments.of(USERS, "{}", "attribute 'userName' is required"),
          Arguments.of(USERS, "{\"userName\": null}", "attribute 'userName' is required"),
          Arguments.of(USERS, "{\"userName\": \"  \"}", "attribute 'userName' must not be blank"),
          Arguments.of(GROUPS, "{\"members\": []}", "attribute 'displayName' is required"),
          Arguments.of(
              GROUPS, "{\"displayName\": \"\"}", "attribute 'displayName' must not be blank"),
          Arguments.of(
              THINGS, "{\"label\": \"L\"}", "extension '" + THING_EXTRA + "' is required"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void missingRequired(ResourceNormalizer normalizer, String json, String detail) {
      assertInvalidValue(rejected(normalizer, Json.object(json)), detail);
    }

    /** RFC 7643 §2.4: "primary" true appears no more than once per attribute. */
    @Test
    void twoPrimaryValuesAreRejected() {
      assertInvalidValue(
          rejected(
              USERS,
              user(
                  "\"emails\": [{\"value\": \"a@example.com\", \"primary\": true},"
                      + " {\"value\": \"b@example.com\", \"primary\": \"True\"}]")),
          "attribute 'emails' must not have more than one primary value");
    }

    @Test
    void onePrimaryAmongSeveralValuesIsAccepted() {
      assertDoesNotThrow(
          () ->
              USERS.normalize(
                  user(
                      "\"emails\": [{\"value\": \"a@example.com\", \"primary\": true},"
                          + " {\"value\": \"b@example.com\", \"primary\": false},"
                          + " {\"value\": \"c@example.com\"}]")));
    }
  }

  @Nested
  class Limits {

    private Map<String, Object> withString(String attribute, int length) {
      Map<String, Object> input = user("");
      input.put(attribute, "x".repeat(length));
      return input;
    }

    static Stream<Arguments> stringCaps() {
      return Stream.of(
          Arguments.of("userName", 512),
          Arguments.of("externalId", 512),
          Arguments.of("title", 4096),
          Arguments.of("password", 1024));
    }

    @ParameterizedTest(name = "{0} up to {1}")
    @MethodSource
    void stringCaps(String attribute, int max) {
      assertAll(
          () -> assertDoesNotThrow(() -> USERS.normalize(withString(attribute, max))),
          () ->
              assertInvalidValue(
                  rejected(USERS, withString(attribute, max + 1)),
                  "attribute '" + attribute + "' must not be longer than " + max + " characters"));
    }

    private static List<Object> emails(int count) {
      List<Object> emails = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        emails.add(Map.of("value", "u" + i + "@example.com"));
      }
      return emails;
    }

    @Test
    void multiValuedAttributesAreCapped() {
      Map<String, Object> input = user("");
      input.put("emails", emails(101));
      assertInvalidValue(
          rejected(USERS, input), "attribute 'emails' must not have more than 100 values");
    }

    @Test
    void groupMembersHaveTheirOwnCap() {
      ResourceNormalizer small =
          new ResourceNormalizer(
              TestSchemas.GROUP, new ResourceNormalizer.Limits(4096, 512, 1024, 65_536, 2, 3));
      Map<String, Object> three = Json.object("{\"displayName\": \"G\"}");
      three.put(
          "members", List.of(Map.of("value", "1"), Map.of("value", "2"), Map.of("value", "3")));
      Map<String, Object> four = new LinkedHashMap<>(three);
      four.put(
          "members",
          List.of(
              Map.of("value", "1"),
              Map.of("value", "2"),
              Map.of("value", "3"),
              Map.of("value", "4")));
      assertAll(
          () -> assertEquals(3, ((List<?>) small.normalize(three).get("members")).size()),
          () ->
              assertInvalidValue(
                  rejected(small, four), "attribute 'members' must not have more than 3 values"));
    }

    @Test
    void defaultMembersCapAllowsLargeGroups() {
      Map<String, Object> input = Json.object("{\"displayName\": \"G\"}");
      List<Object> members = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        members.add(Map.of("value", "u" + i));
      }
      input.put("members", members);
      assertEquals(5000, ((List<?>) GROUPS.normalize(input).get("members")).size());
    }

    @Test
    void longUnknownNamesAreClippedInTheDetail() {
      Map<String, Object> input = user("");
      input.put("y".repeat(5000), 1);
      ScimException e = rejected(USERS, input);
      assertEquals("unknown attribute '" + "y".repeat(100) + "...'", e.detail());
    }
  }

  @Nested
  class Robustness {

    @Test
    void missingBodyIsInvalidSyntax() {
      ScimException e = assertThrows(ScimException.class, () -> USERS.normalize(null));
      assertAll(
          () -> assertEquals(400, e.status()), () -> assertEquals("invalidSyntax", e.scimType()));
    }

    @Test
    void outputSharesNothingWithInput() {
      Map<String, Object> input =
          user("\"emails\": [{\"value\": \"a@example.com\"}], \"name\": {\"givenName\": \"B\"}");
      Map<String, Object> canonical = USERS.normalize(input);
      @SuppressWarnings("unchecked")
      List<Object> emails = (List<Object>) canonical.get("emails");
      emails.clear();
      @SuppressWarnings("unchecked")
      Map<String, Object> name = (Map<String, Object>) canonical.get("name");
      name.put("familyName", "J");
      assertAll(
          () -> assertEquals(1, ((List<?>) input.get("emails")).size()),
          () -> assertEquals(Map.of("givenName", "B"), input.get("name")));
    }

    @Test
    void canonicalFormIsAFixedPoint() {
      Map<String, Object> canonical =
          USERS.normalize(
              user(
                  "\"ACTIVE\": \"False\", \"emails\": {\"value\": \"a@example.com\"},"
                      + " \""
                      + ENTERPRISE
                      + ":manager\": \"m\""));
      assertEquals(canonical, USERS.normalize(canonical));
    }
  }

  @Nested
  class ReplaceOfRfc7644Section351 {

    private Map<String, Object> stored(String members) {
      return THINGS.normalize(thing(members));
    }

    static Stream<Arguments> allowedReplacements() {
      return Stream.of(
          Arguments.of("immutable attribute unchanged", "\"serial\": \"S1\"", "\"serial\": \"S1\""),
          Arguments.of(
              "case-insensitive immutable differing in case only",
              "\"serial\": \"S1\"",
              "\"serial\": \"s1\""),
          Arguments.of("immutable attribute set for the first time", "", "\"serial\": \"S1\""),
          Arguments.of(
              "readWrite sub-attribute beside an immutable one",
              "\"badge\": {\"number\": \"7\", \"color\": \"red\"}",
              "\"badge\": {\"number\": \"7\", \"color\": \"blue\"}"),
          Arguments.of("readWrite attribute cleared", "\"count\": 3", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void allowedReplacements(String label, String before, String after) {
      assertDoesNotThrow(() -> THINGS.checkReplace(stored(before), stored(after)));
    }

    static Stream<Arguments> forbiddenReplacements() {
      return Stream.of(
          Arguments.of("\"serial\": \"S1\"", "\"serial\": \"S2\"", "serial"),
          Arguments.of("\"serial\": \"S1\"", "", "serial"),
          Arguments.of("\"token\": \"abc\"", "\"token\": \"ABC\"", "token"),
          Arguments.of(
              "\"badge\": {\"number\": \"7\"}", "\"badge\": {\"number\": \"8\"}", "badge.number"),
          Arguments.of(
              "\"badge\": {\"number\": \"7\"}", "\"badge\": {\"color\": \"red\"}", "badge.number"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void forbiddenReplacements(String before, String after, String path) {
      ScimException e =
          assertThrows(
              ScimException.class, () -> THINGS.checkReplace(stored(before), stored(after)));
      assertAll(
          () -> assertEquals(400, e.status()),
          () -> assertEquals("mutability", e.scimType()),
          () -> assertEquals("attribute '" + path + "' is immutable and already set", e.detail()));
    }

    /** Members have no identity beyond their value: replacing the list adds and removes. */
    @Test
    void replacingGroupMembersIsAllowedDespiteImmutableSubAttributes() {
      Map<String, Object> before =
          GROUPS.normalize(
              Json.object("{\"displayName\": \"G\", \"members\": [{\"value\": \"u1\"}]}"));
      Map<String, Object> after =
          GROUPS.normalize(
              Json.object("{\"displayName\": \"G\", \"members\": [{\"value\": \"u2\"}]}"));
      assertDoesNotThrow(() -> GROUPS.checkReplace(before, after));
    }

    @Test
    void thingCarriesAllTypesThroughUnchanged() {
      Map<String, Object> canonical =
          stored(
              "\"count\": 3, \"ratio\": 0.5, \"since\": \"2008-01-23T04:56:22Z\","
                  + " \"blob\": \"aGVsbG8=\", \"serial\": \"S\"");
      assertEquals(List.of(THING, THING_EXTRA), canonical.get("schemas"));
      assertEquals(canonical, THINGS.normalize(canonical));
    }
  }
}
