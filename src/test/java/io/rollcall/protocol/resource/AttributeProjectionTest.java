package io.rollcall.protocol.resource;

import static io.rollcall.protocol.resource.TestSchemas.CORE_USER;
import static io.rollcall.protocol.resource.TestSchemas.CUSTOM;
import static io.rollcall.protocol.resource.TestSchemas.ENTERPRISE;
import static io.rollcall.protocol.resource.TestSchemas.THING_EXTRA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.ScimLimits;
import io.rollcall.protocol.filter.AttributePath;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttributeProjectionTest {

  /** A stored user: what the normalizer keeps plus the server's id, meta, groups and password. */
  private static final Map<String, Object> STORED =
      Json.object(
          """
          {
            "schemas": [
              "urn:ietf:params:scim:schemas:core:2.0:User",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
              "urn:ietf:params:scim:schemas:extension:spreadly:2.0:User"
            ],
            "id": "u-1",
            "externalId": "e-1",
            "userName": "bjensen@example.com",
            "name": {"familyName": "Jensen", "givenName": "Barbara"},
            "password": "hash-that-must-never-leave",
            "emails": [
              {"value": "b@example.com", "type": "work", "primary": true},
              {"value": "bj@example.org", "type": "home"}
            ],
            "groups": [{"value": "g-1", "display": "Tour Guides"}],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
              "department": "Tours",
              "manager": {"value": "m-1", "displayName": "Boss"}
            },
            "urn:ietf:params:scim:schemas:extension:spreadly:2.0:User": {
              "customField1": "one", "customField2": "two"
            },
            "meta": {"resourceType": "User", "version": "W/\\"1\\""},
            "internalRowVersion": 7
          }
          """);

  private static Map<String, Object> project(String attributes, String excluded) {
    return AttributeProjection.of(TestSchemas.USER, attributes, excluded).apply(STORED);
  }

  private static String schemas(String... urns) {
    StringBuilder json = new StringBuilder("\"schemas\": [");
    for (int i = 0; i < urns.length; i++) {
      json.append(i == 0 ? "" : ", ").append('"').append(urns[i]).append('"');
    }
    return json.append("]").toString();
  }

  static Stream<Arguments> attributesParameter() {
    String core = schemas(CORE_USER);
    return Stream.of(
        Arguments.of(
            "userName", "{" + core + ", \"id\": \"u-1\", \"userName\": \"bjensen@example.com\"}"),
        Arguments.of(
            "name.givenName",
            "{" + core + ", \"id\": \"u-1\", \"name\": {\"givenName\": \"Barbara\"}}"),
        Arguments.of(
            "emails.value",
            "{"
                + core
                + ", \"id\": \"u-1\", \"emails\": [{\"value\": \"b@example.com\"},"
                + " {\"value\": \"bj@example.org\"}]}"),
        Arguments.of(
            "USERNAME, Emails.TYPE",
            "{"
                + core
                + ", \"id\": \"u-1\", \"userName\": \"bjensen@example.com\","
                + " \"emails\": [{\"type\": \"work\"}, {\"type\": \"home\"}]}"),
        Arguments.of(
            ENTERPRISE + ":department",
            "{"
                + schemas(CORE_USER, ENTERPRISE)
                + ", \"id\": \"u-1\", \""
                + ENTERPRISE
                + "\": {\"department\": \"Tours\"}}"),
        Arguments.of(
            ENTERPRISE.toLowerCase() + ":MANAGER.value",
            "{"
                + schemas(CORE_USER, ENTERPRISE)
                + ", \"id\": \"u-1\", \""
                + ENTERPRISE
                + "\": {\"manager\": {\"value\": \"m-1\"}}}"),
        Arguments.of(
            CUSTOM,
            "{"
                + schemas(CORE_USER, CUSTOM)
                + ", \"id\": \"u-1\", \""
                + CUSTOM
                + "\": {\"customField1\": \"one\", \"customField2\": \"two\"}}"),
        Arguments.of(
            "name,name.givenName",
            "{"
                + core
                + ", \"id\": \"u-1\", \"name\": {\"familyName\": \"Jensen\","
                + " \"givenName\": \"Barbara\"}}"),
        Arguments.of("password", "{" + core + ", \"id\": \"u-1\"}"),
        Arguments.of("id", "{" + core + ", \"id\": \"u-1\"}"),
        Arguments.of("shoeSize,userName.first,emails.shoe", "{" + core + ", \"id\": \"u-1\"}"),
        Arguments.of(
            "meta.version",
            "{" + core + ", \"id\": \"u-1\", \"meta\": {\"version\": \"W/\\\"1\\\"\"}}"),
        Arguments.of(
            "groups,,userName",
            "{"
                + core
                + ", \"id\": \"u-1\", \"userName\": \"bjensen@example.com\","
                + " \"groups\": [{\"value\": \"g-1\", \"display\": \"Tour Guides\"}]}"));
  }

  /**
   * RFC 7644 §3.9 {@code attributes}: what is named plus {@code returned: always}; never the
   * password; unknown names select nothing.
   */
  @ParameterizedTest(name = "attributes={0}")
  @MethodSource
  void attributesParameter(String attributes, String expected) {
    assertEquals(Json.object(expected), project(attributes, null));
  }

  static Stream<Arguments> excludedAttributesParameter() {
    return Stream.of(
        Arguments.of("id", List.of(), List.of()),
        Arguments.of("emails,META", List.of("emails", "meta"), List.of()),
        Arguments.of("name.givenName", List.of("name.givenName"), List.of()),
        Arguments.of("emails.type", List.of("emails.type"), List.of()),
        Arguments.of(ENTERPRISE, List.of(ENTERPRISE), List.of(ENTERPRISE)),
        Arguments.of(ENTERPRISE + ":manager", List.of(ENTERPRISE + ".manager"), List.of()),
        Arguments.of(
            ENTERPRISE + ":department," + ENTERPRISE + ":manager",
            List.of(ENTERPRISE),
            List.of(ENTERPRISE)),
        Arguments.of(CUSTOM + ":customField1", List.of(CUSTOM + ".customField1"), List.of()),
        Arguments.of("shoeSize", List.of(), List.of()));
  }

  /**
   * RFC 7644 §3.9 {@code excludedAttributes}: the default set minus what is named; it "SHALL have
   * no effect" on {@code returned: always}.
   *
   * @param removed dotted paths expected to be gone from the default projection
   * @param removedSchemas extension URNs expected to be gone from {@code schemas}
   */
  @ParameterizedTest(name = "excludedAttributes={0}")
  @MethodSource
  void excludedAttributesParameter(
      String excluded, List<String> removed, List<String> removedSchemas) {
    Map<String, Object> expected = AttributeProjection.defaults(TestSchemas.USER).apply(STORED);
    for (String path : removed) {
      if (path.equals(ENTERPRISE) || path.equals(CUSTOM)) {
        expected.remove(path);
      } else if (path.startsWith("urn:")) {
        int dot = path.lastIndexOf('.');
        ((Map<?, ?>) expected.get(path.substring(0, dot))).remove(path.substring(dot + 1));
      } else if (path.contains(".")) {
        String[] parts = path.split("\\.");
        Object value = expected.get(parts[0]);
        if (value instanceof List<?> list) {
          list.forEach(item -> ((Map<?, ?>) item).remove(parts[1]));
        } else {
          ((Map<?, ?>) value).remove(parts[1]);
        }
      } else {
        expected.remove(path);
      }
    }
    ((List<?>) expected.get("schemas")).removeAll(removedSchemas);
    assertEquals(expected, project(null, excluded));
  }

  @Test
  void defaultsReturnEveryDefaultAttributeButNeverThePasswordOrUnknownKeys() {
    Map<String, Object> projected = AttributeProjection.defaults(TestSchemas.USER).apply(STORED);
    Map<String, Object> expected = new LinkedHashMap<>(STORED);
    expected.remove("password");
    expected.remove("internalRowVersion");
    @SuppressWarnings("unchecked")
    Map<String, Object> enterprise = (Map<String, Object>) expected.get(ENTERPRISE);
    assertAll(
        () -> assertEquals(expected, projected),
        () -> assertEquals("Boss", ((Map<?, ?>) enterprise.get("manager")).get("displayName")),
        () -> assertNull(projected.get("password")));
  }

  @Test
  void tooManyNamesAreInvalidValue() {
    String names =
        String.join(",", Collections.nCopies(ScimLimits.MAX_ATTRIBUTE_NAMES + 1, "title"));
    for (String[] parameters : new String[][] {{names, null}, {null, names}}) {
      ScimException e =
          assertThrows(
              ScimException.class,
              () -> AttributeProjection.of(TestSchemas.USER, parameters[0], parameters[1]));
      String name = parameters[0] != null ? "attributes" : "excludedAttributes";
      assertAll(
          () -> assertEquals("invalidValue", e.scimType()),
          () ->
              assertEquals(
                  "'"
                      + name
                      + "' names more than "
                      + ScimLimits.MAX_ATTRIBUTE_NAMES
                      + " attributes",
                  e.detail()));
    }
    String most = String.join(",", Collections.nCopies(ScimLimits.MAX_ATTRIBUTE_NAMES, "title"));
    assertTrue(
        AttributeProjection.of(TestSchemas.USER, most, null).includes(AttributePath.of("title")));
  }

  @Test
  void bothParametersAreRejectedAsMutuallyExclusive() {
    ScimException e =
        assertThrows(
            ScimException.class,
            () -> AttributeProjection.of(TestSchemas.USER, "userName", "emails"));
    assertAll(
        () -> assertEquals(400, e.status()),
        () ->
            assertEquals(
                "'attributes' and 'excludedAttributes' are mutually exclusive (RFC 7644 §3.9)",
                e.detail()));
  }

  @Test
  void blankParametersCountAsAbsent() {
    assertEquals(AttributeProjection.defaults(TestSchemas.USER).apply(STORED), project(" ", ""));
  }

  @Test
  void listFormFromSearchRequestBehavesLikeTheQueryParameter() {
    assertEquals(
        project("userName,emails.value", null),
        AttributeProjection.of(TestSchemas.USER, List.of("userName", "emails.value"), null)
            .apply(STORED));
  }

  @Test
  void projectionSharesNothingWithTheStoredResource() {
    Map<String, Object> projected = project(null, null);
    ((List<?>) projected.get("emails")).clear();
    ((Map<?, ?>) projected.get("name")).clear();
    assertAll(
        () -> assertEquals(2, ((List<?>) STORED.get("emails")).size()),
        () -> assertEquals(2, ((Map<?, ?>) STORED.get("name")).size()));
  }

  private static final Map<String, Object> THING =
      Json.object(
          "{\"id\": \"t-1\", \"label\": \"L\", \"hint\": \"H\","
              + " \"badge\": {\"number\": \"7\", \"color\": \"red\", \"issuer\": \"I\","
              + " \"pin\": \"1234\"}, \""
              + THING_EXTRA
              + "\": {\"note\": \"n\"}}");

  static Stream<Arguments> returnedRequest() {
    String core = "\"schemas\": [\"" + TestSchemas.THING + "\"], \"id\": \"t-1\"";
    String all =
        "\"schemas\": [\"" + TestSchemas.THING + "\", \"" + THING_EXTRA + "\"], \"id\": \"t-1\"";
    return Stream.of(
        Arguments.of(
            null,
            null,
            "{"
                + all
                + ", \"label\": \"L\", \"badge\": {\"number\": \"7\", \"color\": \"red\"},"
                + " \""
                + THING_EXTRA
                + "\": {\"note\": \"n\"}}"),
        Arguments.of("hint", null, "{" + core + ", \"hint\": \"H\"}"),
        Arguments.of(
            "badge", null, "{" + core + ", \"badge\": {\"number\": \"7\", \"color\": \"red\"}}"),
        Arguments.of("badge.issuer", null, "{" + core + ", \"badge\": {\"issuer\": \"I\"}}"),
        Arguments.of("badge.pin", null, "{" + core + "}"),
        Arguments.of(
            TestSchemas.THING,
            null,
            "{"
                + core
                + ", \"label\": \"L\", \"hint\": \"H\","
                + " \"badge\": {\"number\": \"7\", \"color\": \"red\"}}"),
        Arguments.of(
            null,
            "label",
            "{"
                + all
                + ", \"badge\": {\"number\": \"7\", \"color\": \"red\"},"
                + " \""
                + THING_EXTRA
                + "\": {\"note\": \"n\"}}"));
  }

  /**
   * RFC 7643 §2.2: {@code request} attributes only when named in {@code attributes}; {@code never}
   * (the writeOnly {@code badge.pin}) not even then.
   */
  @ParameterizedTest(name = "attributes={0} excludedAttributes={1}")
  @MethodSource
  void returnedRequest(String attributes, String excluded, String expected) {
    assertEquals(
        Json.object(expected),
        AttributeProjection.of(TestSchemas.THING_TYPE, attributes, excluded).apply(THING));
  }

  static Stream<Arguments> includes() {
    return Stream.of(
        Arguments.of(null, null, AttributePath.of("userName"), true),
        Arguments.of(null, null, AttributePath.of("password"), false),
        Arguments.of(null, null, AttributePath.of("groups"), true),
        Arguments.of(null, null, AttributePath.of("shoeSize"), false),
        Arguments.of("emails.value", null, AttributePath.of("emails"), true),
        Arguments.of("emails.value", null, AttributePath.of("emails", "value"), true),
        Arguments.of("emails.value", null, AttributePath.of("emails", "type"), false),
        Arguments.of("emails.value", null, AttributePath.of("name"), false),
        Arguments.of("emails.value", null, AttributePath.of("id"), true),
        Arguments.of(null, "groups", AttributePath.of("groups"), false),
        Arguments.of(null, "groups", AttributePath.of("ID"), true),
        Arguments.of(null, "name.givenName", AttributePath.of("name"), true),
        Arguments.of(null, "name.givenName", AttributePath.of("name", "givenName"), false),
        Arguments.of(
            ENTERPRISE + ":manager.value",
            null,
            new AttributePath(ENTERPRISE, "manager", "value"),
            true),
        Arguments.of(
            ENTERPRISE + ":manager.value",
            null,
            new AttributePath(ENTERPRISE, "manager", "displayName"),
            false),
        Arguments.of(null, ENTERPRISE, new AttributePath(ENTERPRISE, "department", null), false),
        Arguments.of(null, null, new AttributePath("urn:example:none", "department", null), false));
  }

  /** Lets a service skip loading what the response will not carry. */
  @ParameterizedTest(name = "attributes={0} excludedAttributes={1} includes {2}")
  @MethodSource
  void includes(String attributes, String excluded, AttributePath path, boolean expected) {
    assertEquals(
        expected, AttributeProjection.of(TestSchemas.USER, attributes, excluded).includes(path));
  }

  @Test
  void excludingMembersLetsTheGroupServiceSkipLoadingThem() {
    AttributeProjection projection = AttributeProjection.of(TestSchemas.GROUP, null, "members");
    assertAll(
        () -> assertFalse(projection.includes(AttributePath.of("members"))),
        () -> assertTrue(projection.includes(AttributePath.of("displayName"))),
        () ->
            assertEquals(
                Json.object(
                    "{\"schemas\": [\""
                        + TestSchemas.CORE_GROUP
                        + "\"], \"id\": \"g-1\","
                        + " \"displayName\": \"G\"}"),
                projection.apply(
                    Json.object(
                        "{\"id\": \"g-1\", \"displayName\": \"G\","
                            + " \"members\": [{\"value\": \"u-1\"}]}"))));
  }

  @Test
  void includesSchemaTellsWhetherAnExtensionIsNeeded() {
    AttributeProjection onlyUserName = AttributeProjection.of(TestSchemas.USER, "userName", null);
    AttributeProjection withoutEnterprise =
        AttributeProjection.of(TestSchemas.USER, null, ENTERPRISE);
    assertAll(
        () -> assertTrue(onlyUserName.includesSchema(CORE_USER)),
        () -> assertFalse(onlyUserName.includesSchema(ENTERPRISE)),
        () -> assertFalse(withoutEnterprise.includesSchema(ENTERPRISE)),
        () -> assertTrue(withoutEnterprise.includesSchema(CUSTOM)),
        () -> assertFalse(withoutEnterprise.includesSchema("urn:example:none")));
  }
}
