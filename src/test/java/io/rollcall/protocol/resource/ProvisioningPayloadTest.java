package io.rollcall.protocol.resource;

import static io.rollcall.protocol.resource.TestSchemas.CORE_USER;
import static io.rollcall.protocol.resource.TestSchemas.CUSTOM;
import static io.rollcall.protocol.resource.TestSchemas.ENTERPRISE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole payloads as the identity providers send them, through {@link ResourceNormalizer} and back
 * out through {@link AttributeProjection}.
 */
class ProvisioningPayloadTest {

  private static final ResourceNormalizer USERS = new ResourceNormalizer(TestSchemas.USER);

  /** Every attribute of Rollcall's user mapping. */
  private static final String FULL_USER =
      """
      {
        "schemas": [
          "urn:ietf:params:scim:schemas:core:2.0:User",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
          "urn:ietf:params:scim:schemas:extension:spreadly:2.0:User"
        ],
        "externalId": "00u1a2b3c4d5e6f7g8h9",
        "userName": "barbara.jensen@example.com",
        "name": {"familyName": "Jensen", "givenName": "Barbara"},
        "title": "Tour Guide",
        "locale": "en-US",
        "phoneNumbers": [
          {"value": "+1 555 555 5555", "type": "work"},
          {"value": "+1 555 555 4444", "type": "mobile"}
        ],
        "addresses": [
          {
            "streetAddress": "100 Universal City Plaza",
            "locality": "Hollywood",
            "region": "CA",
            "postalCode": "91608",
            "country": "US",
            "type": "work"
          }
        ],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
          "organization": "Universal Studios",
          "division": "Theme Park",
          "department": "Tour Operations"
        },
        "urn:ietf:params:scim:schemas:extension:spreadly:2.0:User": {
          "customField1": "one", "customField2": "two", "customField3": "three",
          "customField4": "four", "customField5": "five", "customField6": "six",
          "customField7": "seven", "customField8": "eight", "customField9": "nine",
          "customField10": "ten"
        }
      }
      """;

  /** What the server adds when it stores a resource. */
  private static Map<String, Object> stored(Map<String, Object> canonical) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("schemas", canonical.get("schemas"));
    stored.put("id", "2819c223-7f76-453a-919d-413861904646");
    canonical.forEach(
        (key, value) -> {
          if (!key.equals("schemas") && !key.equals("password")) {
            stored.put(key, value);
          }
        });
    stored.put(
        "meta",
        Json.object(
            "{\"resourceType\": \"User\", \"created\": \"2011-08-01T21:32:44.882Z\","
                + " \"lastModified\": \"2011-08-01T21:32:44.882Z\","
                + " \"location\": \"https://example.com/v2/Users/2819c223\","
                + " \"version\": \"W/\\\"e180ee84f0671b1\\\"\"}"));
    return stored;
  }

  @Test
  void fullMappedUserRoundTripsUnchangedThroughNormalizerAndProjection() {
    Map<String, Object> input = Json.object(FULL_USER);
    Map<String, Object> canonical = USERS.normalize(input);
    Map<String, Object> stored = stored(canonical);
    Map<String, Object> returned = AttributeProjection.of(TestSchemas.USER, "", null).apply(stored);
    assertAll(
        () -> assertEquals(input, canonical),
        () ->
            assertEquals(
                List.of(
                    "schemas",
                    "externalId",
                    "userName",
                    "name",
                    "title",
                    "locale",
                    "phoneNumbers",
                    "addresses",
                    ENTERPRISE,
                    CUSTOM),
                new ArrayList<>(canonical.keySet())),
        () -> assertEquals(stored, returned),
        () -> assertEquals(new ArrayList<>(stored.keySet()), new ArrayList<>(returned.keySet())),
        () -> assertEquals(canonical, USERS.normalize(returned)));
  }

  /**
   * Okta's create request (Okta SCIM 2.0 reference, "Create users"): {@code groups} is readOnly and
   * ignored, the password is kept for hashing.
   */
  @Test
  void oktaCreateUser() {
    Map<String, Object> okta =
        Json.object(
            """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "userName": "test.user@okta.local",
              "name": {"givenName": "Test", "familyName": "User"},
              "emails": [{"primary": true, "value": "test.user@okta.local", "type": "work"}],
              "displayName": "Test User",
              "locale": "en-US",
              "externalId": "00ujl29u0le5T6Aj10h7",
              "groups": [],
              "password": "1mz050nq",
              "active": true
            }
            """);
    Map<String, Object> canonical = USERS.normalize(okta);
    assertAll(
        () ->
            assertEquals(
                Json.object(
                    """
                    {
                      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                      "externalId": "00ujl29u0le5T6Aj10h7",
                      "userName": "test.user@okta.local",
                      "name": {"familyName": "User", "givenName": "Test"},
                      "displayName": "Test User",
                      "locale": "en-US",
                      "active": true,
                      "password": "1mz050nq",
                      "emails": [{"value": "test.user@okta.local", "type": "work", "primary": true}]
                    }
                    """),
                canonical),
        () ->
            assertEquals(
                List.of(
                    "schemas",
                    "id",
                    "externalId",
                    "userName",
                    "name",
                    "displayName",
                    "locale",
                    "active",
                    "emails",
                    "meta"),
                new ArrayList<>(
                    AttributeProjection.defaults(TestSchemas.USER)
                        .apply(stored(canonical))
                        .keySet())));
  }

  private static final String ENTRA_CANONICAL =
      """
      {
        "schemas": [
          "urn:ietf:params:scim:schemas:core:2.0:User",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        ],
        "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        "userName": "Test_User_ab6490ee@contoso.com",
        "name": {"formatted": "Test User", "familyName": "User", "givenName": "Test"},
        "displayName": "Test User",
        "title": "Tour Guide",
        "active": true,
        "emails": [{"value": "Test_User_fd0ea19b@contoso.com", "type": "work", "primary": true}],
        "phoneNumbers": [{"value": "+1 555 0100", "type": "work"}],
        "addresses": [
          {
            "streetAddress": "1 Microsoft Way",
            "locality": "Redmond",
            "region": "WA",
            "postalCode": "98052",
            "country": "US",
            "type": "work",
            "primary": false
          }
        ],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
          "employeeNumber": "701984",
          "department": "Tour Operations",
          "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}
        }
      }
      """;

  /**
   * Entra ID's create request (Microsoft "Develop a sample SCIM endpoint" tutorial): {@code meta}
   * carries only {@code resourceType} and is readOnly, so it is ignored.
   */
  @Test
  void entraIdCreateUser() {
    Map<String, Object> entra =
        Json.object(
            """
            {
              "schemas": [
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
              ],
              "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
              "userName": "Test_User_ab6490ee@contoso.com",
              "active": true,
              "displayName": "Test User",
              "emails": [
                {"primary": true, "type": "work", "value": "Test_User_fd0ea19b@contoso.com"}
              ],
              "meta": {"resourceType": "User"},
              "name": {"formatted": "Test User", "familyName": "User", "givenName": "Test"},
              "addresses": [{
                "type": "work", "streetAddress": "1 Microsoft Way", "locality": "Redmond",
                "region": "WA", "postalCode": "98052", "country": "US", "primary": false
              }],
              "phoneNumbers": [{"type": "work", "value": "+1 555 0100"}],
              "title": "Tour Guide",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "701984",
                "department": "Tour Operations",
                "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}
              }
            }
            """);
    Map<String, Object> canonical = USERS.normalize(entra);
    assertAll(
        () -> assertEquals(Json.object(ENTRA_CANONICAL), canonical),
        () ->
            assertEquals(
                List.of(
                    "schemas",
                    "externalId",
                    "userName",
                    "name",
                    "displayName",
                    "title",
                    "active",
                    "emails",
                    "phoneNumbers",
                    "addresses",
                    ENTERPRISE),
                new ArrayList<>(canonical.keySet())));
  }

  /**
   * The same user in the looser shapes Entra ID also produces: string booleans, a plain manager id,
   * extension attributes as fully qualified top-level keys, {@code schemas} without the extension.
   */
  @Test
  void entraIdLooseShapesGiveTheSameCanonicalUser() {
    Map<String, Object> entra =
        Json.object(
            """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
              "userName": "Test_User_ab6490ee@contoso.com",
              "active": "True",
              "displayName": "Test User",
              "emails": {
                "primary": "True", "type": "work", "value": "Test_User_fd0ea19b@contoso.com"
              },
              "name": {"formatted": "Test User", "familyName": "User", "givenName": "Test"},
              "addresses": [{
                "type": "work", "streetAddress": "1 Microsoft Way", "locality": "Redmond",
                "region": "WA", "postalCode": "98052", "country": "US", "primary": "False"
              }],
              "phoneNumbers": [{"type": "work", "value": "+1 555 0100"}],
              "title": "Tour Guide",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "701984",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":
                "Tour Operations",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager":
                "26118915-6090-4610-87e4-49d8ca9f808d"
            }
            """);
    assertEquals(Json.object(ENTRA_CANONICAL), USERS.normalize(entra));
  }

  @Test
  void extensionsOnlyAppearInSchemasWhenTheyHoldValues() {
    Map<String, Object> canonical =
        USERS.normalize(
            Json.object(
                "{\"schemas\": [\""
                    + CORE_USER
                    + "\", \""
                    + ENTERPRISE
                    + "\", \""
                    + CUSTOM
                    + "\"],"
                    + " \"userName\": \"u\", \""
                    + CUSTOM
                    + "\": {\"customField1\": \"x\"}}"));
    assertEquals(List.of(CORE_USER, CUSTOM), canonical.get("schemas"));
  }
}
