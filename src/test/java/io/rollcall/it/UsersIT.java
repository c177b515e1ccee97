package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /Users} black-box against the deployed WAR: the customer mapping round trip, the Okta and
 * Microsoft Entra ID request sequences, uniqueness under races, versions, deletion, tenant
 * isolation, pagination and the error shapes of RFC 7644 §3.12.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsersIT {

  static final String SCIM = "application/scim+json";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String SPREADLY = "urn:ietf:params:scim:schemas:extension:spreadly:2.0:User";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  private Http http() {
    return new Http(base);
  }

  /** A fresh tenant and its token. */
  private record Client(Http http, String tenantId, String token) {
    Http.Answer get(String path) {
      return http.get("scim/v2/" + path, Http.bearer(token));
    }

    Http.Answer send(String method, String path, String json, String... headers) {
      return http.send(method, "scim/v2/" + path, Http.bearer(token), SCIM, json, headers);
    }

    Http.Answer create(String json) {
      return send("POST", "Users", json);
    }

    Http.Answer patch(String id, String operations) {
      return send(
          "PATCH",
          "Users/" + id,
          "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operations + "}");
    }

    String createdId(String json) {
      Http.Answer created = create(json);
      assertEquals(201, created.status(), created.body());
      return created.json().getString("id");
    }
  }

  private Client client() {
    Http http = http();
    String tenant = http.createTenant("users-" + UUID.randomUUID().toString().substring(0, 8));
    return new Client(http, tenant, http.mintToken(tenant));
  }

  /** A fresh tenant whose settings name its identity provider (README, "IdP profiles"). */
  private Client client(String idpProfile) {
    Client c = client();
    Http.Answer set = setProfile(c, idpProfile);
    assertEquals(200, set.status(), set.body());
    assertEquals(idpProfile, set.json().getString("idpProfile"));
    return c;
  }

  private static Http.Answer setProfile(Client c, String idpProfile) {
    return c.http.send(
        "PATCH",
        "api/admin/tenants/" + c.tenantId,
        Http.admin(),
        "application/json",
        "{\"idpProfile\":\"" + idpProfile + "\"}");
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void assertScimError(Http.Answer answer, int status, String scimType) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.header("Content-Type").startsWith(SCIM), answer.header("Content-Type"));
    JsonObject body = answer.json();
    assertEquals(
        "urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
    assertEquals(Integer.toString(status), body.getString("status"));
    if (scimType != null) {
      assertEquals(scimType, body.getString("scimType"), answer.body());
    }
  }

  // ---- the second customer guide: every mapped attribute round-trips ----

  static final String FULL_USER =
      """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:spreadly:2.0:User"],
       "userName":"%s",
       "externalId":"IMPORT-42",
       "name":{"givenName":"Grace","familyName":"Hopper"},
       "phoneNumbers":[{"value":"+49 30 1234","type":"work"},{"value":"+49 170 5555","type":"mobile"}],
       "title":"Rear Admiral",
       "locale":"de-DE",
       "addresses":[{"type":"work","streetAddress":"Unter den Linden 1","locality":"Berlin",
                     "region":"BE","postalCode":"10117","country":"DE"}],
       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
         {"department":"Engineering","division":"Compilers","organization":"Navy"},
       "urn:ietf:params:scim:schemas:extension:spreadly:2.0:User":
         {"customField1":"c1","customField2":"c2","customField3":"c3","customField4":"c4",
          "customField5":"c5","customField6":"c6","customField7":"c7","customField8":"c8",
          "customField9":"c9","customField10":"c10"}}
      """;

  @Test
  void everyAttributeOfTheCustomerMappingRoundTrips() {
    Client c = client();
    assertEquals(
        200,
        c.http
            .send(
                "PATCH",
                "api/admin/tenants/" + c.tenantId,
                Http.admin(),
                "application/json",
                "{\"customUserSchema\":\"" + SPREADLY + "\"}")
            .status());
    Http.Answer created = c.create(FULL_USER.formatted("grace@example.com"));
    assertEquals(201, created.status(), created.body());
    JsonObject user = created.json();
    String id = user.getString("id");
    assertTrue(created.header("Location").endsWith("/scim/v2/Users/" + id));
    assertEquals(user.getJsonObject("meta").getString("version"), created.header("ETag"));
    assertEquals("User", user.getJsonObject("meta").getString("resourceType"));

    JsonObject read = c.get("Users/" + id).json();
    assertEquals("grace@example.com", read.getString("userName"));
    assertEquals("IMPORT-42", read.getString("externalId"));
    assertEquals("Grace", read.getJsonObject("name").getString("givenName"));
    assertEquals("Hopper", read.getJsonObject("name").getString("familyName"));
    assertEquals("Rear Admiral", read.getString("title"));
    assertEquals("de-DE", read.getString("locale"));
    assertEquals(
        "+49 30 1234", read.getJsonArray("phoneNumbers").getJsonObject(0).getString("value"));
    assertEquals("mobile", read.getJsonArray("phoneNumbers").getJsonObject(1).getString("type"));
    JsonObject address = read.getJsonArray("addresses").getJsonObject(0);
    assertEquals("Unter den Linden 1", address.getString("streetAddress"));
    assertEquals("Berlin", address.getString("locality"));
    assertEquals("BE", address.getString("region"));
    assertEquals("10117", address.getString("postalCode"));
    assertEquals("DE", address.getString("country"));
    JsonObject enterprise = read.getJsonObject(ENTERPRISE);
    assertEquals("Engineering", enterprise.getString("department"));
    assertEquals("Compilers", enterprise.getString("division"));
    assertEquals("Navy", enterprise.getString("organization"));
    JsonObject custom = read.getJsonObject(SPREADLY);
    for (int i = 1; i <= 10; i++) {
      assertEquals("c" + i, custom.getString("customField" + i));
    }
    assertTrue(read.getJsonArray("schemas").toString().contains(SPREADLY));

    // Filter on the mapped attributes, the way the IdP would look the user up.
    for (String filter :
        List.of(
            "userName eq \"GRACE@example.com\"",
            "externalId eq \"IMPORT-42\"",
            "phoneNumbers[type eq \"mobile\" and value eq \"+49 170 5555\"]",
            "addresses[type eq \"work\" and locality eq \"Berlin\"]",
            ENTERPRISE + ":division eq \"Compilers\"",
            SPREADLY + ":customField10 eq \"c10\"",
            "locale eq \"de-DE\"")) {
      Http.Answer found = c.get("Users?filter=" + q(filter));
      assertEquals(200, found.status(), filter + " → " + found.body());
      assertEquals(1, found.json().getInt("totalResults"), filter);
      assertEquals(id, found.json().getJsonArray("Resources").getJsonObject(0).getString("id"));
    }

    // PATCH by the guide's paths, then PUT the whole object back.
    Http.Answer patched =
        c.patch(
            id,
            """
            [{"op":"replace","path":"phoneNumbers[type eq \\"work\\"].value","value":"+49 30 9999"},
             {"op":"replace","path":"addresses[type eq \\"work\\"].locality","value":"Potsdam"},
             {"op":"replace","path":"%s:customField3","value":"patched"}]
            """
                .formatted(SPREADLY));
    assertEquals(200, patched.status(), patched.body());
    JsonObject afterPatch = patched.json();
    assertEquals(
        "+49 30 9999", afterPatch.getJsonArray("phoneNumbers").getJsonObject(0).getString("value"));
    assertEquals(
        "Potsdam", afterPatch.getJsonArray("addresses").getJsonObject(0).getString("locality"));
    assertEquals("patched", afterPatch.getJsonObject(SPREADLY).getString("customField3"));
    assertNotEquals(
        user.getJsonObject("meta").getString("version"),
        afterPatch.getJsonObject("meta").getString("version"));

    Http.Answer put = c.send("PUT", "Users/" + id, FULL_USER.formatted("grace@example.com"));
    assertEquals(200, put.status(), put.body());
    assertEquals(
        "+49 30 1234", put.json().getJsonArray("phoneNumbers").getJsonObject(0).getString("value"));
    assertEquals("c3", put.json().getJsonObject(SPREADLY).getString("customField3"));
  }

  // ---- Okta ----

  @Test
  void oktaProvisioningSequence() {
    // The Okta profile alone carries the whole sequence.
    Client c = client("okta");
    // Connectivity test Okta runs when the admin saves the integration.
    Http.Answer probe = c.get("Users?startIndex=1&count=2");
    assertEquals(200, probe.status());
    assertEquals(
        "urn:ietf:params:scim:api:messages:2.0:ListResponse",
        probe.json().getJsonArray("schemas").getString(0));
    assertEquals(0, probe.json().getInt("totalResults"));

    // Lookup before create: an empty list, not a 404.
    Http.Answer lookup =
        c.get("Users?filter=" + q("userName eq \"isaac@example.com\"") + "&startIndex=1&count=100");
    assertEquals(200, lookup.status());
    assertEquals(0, lookup.json().getInt("totalResults"));
    assertEquals(0, lookup.json().getJsonArray("Resources").size());

    Http.Answer created =
        c.create(
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"isaac@example.com",
             "name":{"givenName":"Isaac","familyName":"Brock"},
             "emails":[{"primary":true,"value":"isaac@example.com","type":"work"}],
             "displayName":"Isaac Brock","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
             "groups":[],"password":"1mz050nq","active":true}
            """);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertFalse(created.body().contains("password"), "a password is never returned");
    assertFalse(created.body().contains("1mz050nq"));
    assertTrue(created.json().getBoolean("active"));

    Http.Answer found =
        c.get("Users?filter=" + q("userName eq \"isaac@example.com\"") + "&startIndex=1&count=100");
    assertEquals(1, found.json().getInt("totalResults"));

    // Okta's full-object PUT may omit attributes it does not manage: they are removed (RFC 7644
    // §3.5.1).
    Http.Answer put =
        c.send(
            "PUT",
            "Users/" + id,
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s",
             "userName":"isaac@example.com","name":{"givenName":"Isaac","familyName":"Brock-Smith"},
             "emails":[{"primary":true,"value":"isaac@example.com","type":"work"}],
             "active":true,"groups":[],"meta":{"resourceType":"User"}}
            """
                .formatted(id));
    assertEquals(200, put.status(), put.body());
    assertEquals("Brock-Smith", put.json().getJsonObject("name").getString("familyName"));
    assertFalse(put.json().containsKey("displayName"));
    assertEquals(id, put.json().getString("id"));

    // Deactivate: path-less replace.
    Http.Answer deactivated = c.patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
    assertEquals(200, deactivated.status(), deactivated.body());
    assertFalse(deactivated.json().getBoolean("active"));
    assertFalse(c.get("Users/" + id).json().getBoolean("active"));
    assertEquals(1, c.get("Users?filter=" + q("active eq false")).json().getInt("totalResults"));

    // Reactivate.
    Http.Answer reactivated = c.patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":true}}]");
    assertTrue(reactivated.json().getBoolean("active"));
  }

  // ---- Microsoft Entra ID ----

  @Test
  void entraIdProvisioningSequence() {
    // The Entra ID profile alone carries the whole sequence.
    Client c = client("entra-id");
    String flag = "aadOptscim062020";
    Http.Answer byExternal = c.get("Users?" + flag + "&filter=" + q("externalId eq \"alice-ext\""));
    assertEquals(200, byExternal.status(), byExternal.body());
    assertEquals(0, byExternal.json().getInt("totalResults"));

    Http.Answer created =
        c.http.send(
            "POST",
            "scim/v2/Users?" + flag,
            Http.bearer(c.token),
            "application/scim+json; charset=utf-8",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"alice-ext","userName":"Alice@contoso.com","active":true,
             "displayName":"Alice Smith",
             "emails":[{"primary":true,"type":"work","value":"Alice@contoso.com"}],
             "meta":{"resourceType":"User"},
             "name":{"formatted":"Alice Smith","familyName":"Smith","givenName":"Alice"},
             "roles":[],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
               {"employeeNumber":"701984","department":"Sales"}}
            """);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertEquals(
        1, c.get("Users?filter=" + q("externalId eq \"alice-ext\"")).json().getInt("totalResults"));
    assertEquals(
        1,
        c.get("Users?filter=" + q("emails[type eq \"work\"].value eq \"alice@contoso.com\""))
            .json()
            .getInt("totalResults"),
        "Entra's value-path filter with a trailing sub-attribute (non-standard, tolerated)");

    String managerId = c.createdId("{\"userName\":\"boss@contoso.com\"}");
    Http.Answer patched =
        c.patch(
            id,
            """
            [{"op":"Replace","path":"active","value":"False"},
             {"op":"Replace","value":{"name.givenName":"Alicia",
               "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Marketing"}},
             {"op":"Add","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"+1 555 0199"},
             {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"alicia@contoso.com"},
             {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%s"}]
            """
                .formatted(managerId));
    assertEquals(200, patched.status(), patched.body());
    JsonObject user = patched.json();
    assertFalse(user.getBoolean("active"));
    assertEquals("Alicia", user.getJsonObject("name").getString("givenName"));
    assertEquals("Smith", user.getJsonObject("name").getString("familyName"));
    assertEquals("Marketing", user.getJsonObject(ENTERPRISE).getString("department"));
    assertEquals("701984", user.getJsonObject(ENTERPRISE).getString("employeeNumber"));
    assertEquals(
        managerId, user.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"));
    assertEquals(
        "+1 555 0199", user.getJsonArray("phoneNumbers").getJsonObject(0).getString("value"));
    assertEquals("mobile", user.getJsonArray("phoneNumbers").getJsonObject(0).getString("type"));
    assertEquals(
        "alicia@contoso.com", user.getJsonArray("emails").getJsonObject(0).getString("value"));

    // Adding a work email to a user that has none creates the element.
    String bare = c.createdId("{\"userName\":\"bare@contoso.com\"}");
    Http.Answer added =
        c.patch(
            bare,
            "[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"bare@contoso.com\"}]");
    assertEquals(200, added.status(), added.body());
    assertEquals("work", added.json().getJsonArray("emails").getJsonObject(0).getString("type"));

    Http.Answer deleted = c.send("DELETE", "Users/" + id + "?" + flag, null);
    assertEquals(204, deleted.status());
  }

  // ---- IdP profiles: the tolerances apply only where the tenant's identity provider needs them
  // ----

  /**
   * A tenant set to "other" gets RFC 7644's answers to what Entra ID sends (§3.5.2.3 noTarget,
   * §3.12 Table 9), a tenant that never chose keeps every tolerance, and the admin API refuses a
   * profile it does not know.
   */
  @Test
  void strictProfileGetsTheRfcAnswers() {
    Client c = client();
    Http.Answer tenant = c.http.get("api/admin/tenants/" + c.tenantId, Http.admin());
    assertEquals("any", tenant.json().getString("idpProfile"), "a new tenant has not chosen");
    Http.Answer unknown = setProfile(c, "azure");
    assertEquals(400, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("idpProfile must be one of"), unknown.body());
    assertEquals(
        "any",
        c.http.get("api/admin/tenants/" + c.tenantId, Http.admin()).json().getString("idpProfile"));

    String anyId =
        c.createdId(
            "{\"userName\":\"any@contoso.com\",\"emails\":[{\"type\":\"home\","
                + "\"value\":\"any@home.example\"}]}");
    String workEmail =
        "[{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
            + "\"value\":\"any@contoso.com\"}]";
    Http.Answer tolerated = c.patch(anyId, workEmail);
    assertEquals(200, tolerated.status(), tolerated.body());

    assertEquals(200, setProfile(c, "other").status());
    String id =
        c.createdId(
            "{\"userName\":\"strict@contoso.com\",\"emails\":[{\"type\":\"home\","
                + "\"value\":\"strict@home.example\"}]}");
    // RFC 7644 §3.5.2.3: a value filter that matches nothing is noTarget, nothing is created.
    assertScimError(
        c.patch(
            id,
            "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"strict@contoso.com\"}]"),
        400,
        "noTarget");
    assertEquals(1, c.get("Users/" + id).json().getJsonArray("emails").size());
    // §3.5.2: ops are add, remove and replace.
    assertScimError(
        c.patch(id, "[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"x\"}]"),
        400,
        "invalidSyntax");
    // RFC 7643 §2.3.2: a boolean is true or false.
    assertScimError(
        c.patch(id, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"}]"),
        400,
        "invalidValue");
    // §3.4.2.2: no sub-attribute after a value filter in a filter.
    assertScimError(
        c.get("Users?filter=" + q("emails[type eq \"home\"].value eq \"strict@home.example\"")),
        400,
        "invalidFilter");
    // The RFC's own spellings still work.
    Http.Answer rfc =
        c.patch(
            id,
            "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
                + "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"type\":\"work\","
                + "\"value\":\"strict@contoso.com\"}]}]");
    assertEquals(200, rfc.status(), rfc.body());
    assertEquals(
        1,
        c.get("Users?filter=" + q("emails[type eq \"work\" and value eq \"strict@contoso.com\"]"))
            .json()
            .getInt("totalResults"));
    // Unknown attributes stay refused, naming them (RFC 7644 §3.12 invalidValue).
    Http.Answer misspelled =
        c.send("PUT", "Users/" + id, "{\"userName\":\"strict@contoso.com\",\"nickNmae\":\"S\"}");
    assertScimError(misspelled, 400, "invalidValue");
    assertTrue(misspelled.body().contains("nickNmae"), misspelled.body());
  }

  /**
   * Microsoft's SCIM reference collection sends a misspelled attribute in a PUT and expects it
   * ignored: under the Entra ID profile it is dropped, and the connection check names it (never its
   * value).
   */
  @Test
  void entraProfileDropsAMisspelledAttributeAndTheConnectionCheckNamesIt() {
    Client c = client("entra-id");
    String id = c.createdId("{\"userName\":\"ref@contoso.com\"}");
    Http.Answer put =
        c.send(
            "PUT",
            "Users/" + id,
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ref@contoso.com\",\"title\":\"Engineer\","
                + "\"nickNmae\":\"never-stored\"}");
    assertEquals(200, put.status(), put.body());
    assertEquals("Engineer", put.json().getString("title"));
    assertFalse(put.body().contains("nickNmae"), put.body());
    assertFalse(put.body().contains("never-stored"), put.body());

    JsonObject verdict = null;
    for (int i = 0; i < 40; i++) {
      verdict = c.http.get("api/admin/tenants/" + c.tenantId + "/connection", Http.admin()).json();
      if (!verdict.getJsonArray("droppedAttributes").isEmpty()) {
        break;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    JsonObject dropped = verdict.getJsonArray("droppedAttributes").getJsonObject(0);
    assertEquals("nickNmae", dropped.getString("name"), verdict.toString());
    assertEquals("PUT /Users/" + id, dropped.getString("example"));
    assertFalse(verdict.toString().contains("never-stored"));
    assertEquals("OK", verdict.getString("state"), "a dropped attribute is no failure");
  }

  // ---- semantics ----

  /** RFC 7644 §7.8: look-alike spellings of one userName are one userName (README, "Case"). */
  @Test
  void lookAlikeUserNamesCollideAndLookupsFindThem() {
    Client c = client();
    String composed = "bj\u00f6rn@example.com";
    String id = c.createdId("{\"userName\":\"" + composed + "\"}");
    assertScimError(c.create("{\"userName\":\"bjo\u0308rn@example.com\"}"), 409, "uniqueness");
    assertScimError(
        c.create("{\"userName\":\"\uff42\uff4a\u00f6\uff52\uff4e@example.com\"}"),
        409,
        "uniqueness");
    Http.Answer found = c.get("Users?filter=" + q("userName eq \"BJO\u0308RN@EXAMPLE.COM\""));
    assertEquals(1, found.json().getInt("totalResults"));
    assertEquals(id, found.json().getJsonArray("Resources").getJsonObject(0).getString("id"));
    assertEquals(
        composed, c.get("Users/" + id).json().getString("userName"), "the value is stored as sent");
  }

  @Test
  void userNameIsUniquePerTenantCaseInsensitivelyAndTenantsAreIsolated() throws Exception {
    Client a = client();
    Client b = client();
    String id = a.createdId("{\"userName\":\"dup@example.com\",\"title\":\"secret title\"}");
    assertScimError(a.create("{\"userName\":\"DUP@example.com\"}"), 409, "uniqueness");
    // The same userName in another tenant is fine, and neither sees the other's.
    String other = b.createdId("{\"userName\":\"dup@example.com\"}");
    assertNotEquals(id, other);
    assertEquals(1, b.get("Users").json().getInt("totalResults"));
    assertEquals(
        1, b.get("Users?filter=" + q("title pr or userName pr")).json().getInt("totalResults"));
    assertFalse(b.get("Users").body().contains("secret title"));
    assertScimError(b.get("Users/" + id), 404, null);
    assertScimError(b.send("PUT", "Users/" + id, "{\"userName\":\"x@example.com\"}"), 404, null);
    assertScimError(
        b.patch(id, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]"), 404, null);
    assertScimError(b.send("DELETE", "Users/" + id, null), 404, null);
    assertEquals("secret title", a.get("Users/" + id).json().getString("title"));

    // Renaming onto a taken userName is refused too.
    String second = a.createdId("{\"userName\":\"second@example.com\"}");
    assertScimError(
        a.patch(
            second, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"Dup@Example.com\"}]"),
        409,
        "uniqueness");

    // Twenty identical creates racing: exactly one wins.
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> a.create("{\"userName\":\"race@example.com\"}").status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void versionsGuardWritesAndRevalidation() {
    Client c = client();
    Http.Answer created = c.create("{\"userName\":\"etag@example.com\"}");
    String id = created.json().getString("id");
    String etag = created.header("ETag");
    assertNotNull(etag);
    assertTrue(etag.startsWith("W/\""));

    Http.Answer notModified =
        c.http.send(
            "GET", "scim/v2/Users/" + id, Http.bearer(c.token), null, null, "If-None-Match", etag);
    assertEquals(304, notModified.status());

    Http.Answer changed =
        c.send(
            "PATCH",
            "Users/" + id,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}",
            "If-Match",
            etag);
    assertEquals(200, changed.status(), changed.body());
    String newTag = changed.header("ETag");
    assertNotEquals(etag, newTag);

    assertScimError(
        c.send("PUT", "Users/" + id, "{\"userName\":\"etag@example.com\"}", "If-Match", etag),
        412,
        null);
    assertScimError(
        c.send(
            "PATCH",
            "Users/" + id,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"y\"}]}",
            "If-Match",
            etag),
        412,
        null);
    assertScimError(c.send("DELETE", "Users/" + id, null, "If-Match", etag), 412, null);
    assertEquals("x", c.get("Users/" + id).json().getString("title"));
    assertEquals(
        200,
        c.http
            .send(
                "GET",
                "scim/v2/Users/" + id,
                Http.bearer(c.token),
                null,
                null,
                "If-None-Match",
                etag)
            .status());
    assertEquals(204, c.send("DELETE", "Users/" + id, null, "If-Match", newTag).status());
  }

  @Test
  void deletedUsersAreGoneEverywhereAndCanBeProvisionedAgain() {
    Client c = client();
    String id = c.createdId("{\"userName\":\"gone@example.com\"}");
    assertEquals(204, c.send("DELETE", "Users/" + id, null).status());
    assertScimError(c.get("Users/" + id), 404, null);
    assertScimError(c.send("PUT", "Users/" + id, "{\"userName\":\"gone@example.com\"}"), 404, null);
    assertScimError(
        c.patch(id, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]"), 404, null);
    assertScimError(c.send("DELETE", "Users/" + id, null), 404, null);
    assertEquals(
        0,
        c.get("Users?filter=" + q("userName eq \"gone@example.com\""))
            .json()
            .getInt("totalResults"));
    String again = c.createdId("{\"userName\":\"gone@example.com\"}");
    assertNotEquals(id, again);
  }

  @Test
  void patchIsAtomicAndReportsRfcErrors() {
    Client c = client();
    String id = c.createdId("{\"userName\":\"atomic@example.com\",\"title\":\"before\"}");
    Http.Answer failed =
        c.patch(
            id,
            "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"after\"},{\"op\":\"remove\"}]");
    assertScimError(failed, 400, "noTarget");
    assertEquals("before", c.get("Users/" + id).json().getString("title"));
    assertScimError(
        c.patch(id, "[{\"op\":\"replace\",\"path\":\"nosuchattr\",\"value\":1}]"),
        400,
        "invalidPath");
    assertScimError(
        c.patch(id, "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}]"),
        400,
        "mutability");
    assertScimError(
        c.patch(id, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]"),
        400,
        "invalidValue");
    assertScimError(
        c.patch(
            id,
            "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\" or value co \\\"x\\\"].value\",\"value\":\"a@b.c\"}]"),
        400,
        "noTarget");
  }

  @Test
  void badInputGetsScimErrorsNeverServerErrors() {
    Client c = client();
    assertScimError(c.create("{\"userName\":"), 400, "invalidSyntax");
    assertScimError(c.create("[1,2]"), 400, "invalidSyntax");
    assertScimError(c.create("{\"userName\":42}"), 400, "invalidValue");
    assertScimError(c.create("{\"displayName\":\"no user name\"}"), 400, "invalidValue");
    assertScimError(
        c.create("{\"userName\":\"x@example.com\",\"active\":\"sometimes\"}"), 400, "invalidValue");
    assertScimError(
        c.create(
            "{\"userName\":\"x@example.com\",\"emails\":\"notalist\"}"
                .replace("\"notalist\"", "{\"value\":5}")),
        400,
        "invalidValue");
    assertScimError(
        c.http.send(
            "POST",
            "scim/v2/Users",
            Http.bearer(c.token),
            "text/plain",
            "{\"userName\":\"t@example.com\"}"),
        415,
        null);
    assertScimError(
        c.http.send(
            "POST",
            "scim/v2/Users",
            Http.bearer(c.token),
            SCIM,
            "{\"userName\":\"" + "a".repeat(2_000_000) + "\"}"),
        413,
        null);
    assertScimError(c.get("Users?filter=" + q("userName eq")), 400, "invalidFilter");
    assertScimError(c.get("Users?filter=" + q("nosuch eq \"x\"")), 400, "invalidFilter");
    assertScimError(
        c.get("Users?filter=" + q("(".repeat(200) + "userName pr" + ")".repeat(200))),
        400,
        "invalidFilter");
    assertScimError(c.get("Users?sortBy=nosuch"), 400, null);
    assertScimError(c.get("Users?count=abc"), 400, "invalidValue");
    assertScimError(c.get("Users/" + UUID.randomUUID()), 404, null);
    assertScimError(c.get("Users?cursor=not-a-cursor"), 400, "invalidCursor");

    // Content types: scim+json, json, with charset, or none at all.
    assertEquals(
        201,
        c.http
            .send(
                "POST",
                "scim/v2/Users",
                Http.bearer(c.token),
                "application/json",
                "{\"userName\":\"j@example.com\"}")
            .status());
    assertEquals(
        201,
        c.http
            .send(
                "POST",
                "scim/v2/Users",
                Http.bearer(c.token),
                "application/json; charset=UTF-8",
                "{\"userName\":\"k@example.com\"}")
            .status());
    assertEquals(
        201,
        c.http
            .send(
                "POST",
                "scim/v2/Users",
                Http.bearer(c.token),
                null,
                "{\"userName\":\"none@example.com\"}")
            .status());
  }

  @Test
  void paginationByIndexAndByCursor() {
    Client c = client();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      ids.add(
          c.createdId(
              "{\"userName\":\"page" + i + "@example.com\",\"title\":\"t" + (6 - i) + "\"}"));
    }
    JsonObject first = c.get("Users?startIndex=0&count=3&sortBy=title").json();
    assertEquals(7, first.getInt("totalResults"));
    assertEquals(
        1, first.getInt("startIndex"), "startIndex below 1 is read as 1 (RFC 7644 §3.4.2.4)");
    assertEquals(3, first.getInt("itemsPerPage"));
    assertEquals("t0", first.getJsonArray("Resources").getJsonObject(0).getString("title"));
    JsonObject descending = c.get("Users?sortBy=title&sortOrder=descending&count=1").json();
    assertEquals("t6", descending.getJsonArray("Resources").getJsonObject(0).getString("title"));
    JsonObject none = c.get("Users?count=-5").json();
    assertEquals(7, none.getInt("totalResults"));
    assertEquals(0, none.getJsonArray("Resources").size(), "a negative count is read as 0");

    // RFC 9865: walk all pages with cursors; every user exactly once.
    Set<String> seen = new HashSet<>();
    String cursor = "";
    int pages = 0;
    while (cursor != null && pages < 10) {
      JsonObject page = c.get("Users?count=3&cursor=" + q(cursor)).json();
      assertEquals(7, page.getInt("totalResults"), "every page tells the whole total");
      page.getJsonArray("Resources")
          .forEach(r -> assertTrue(seen.add(r.asJsonObject().getString("id"))));
      cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
      pages++;
    }
    assertEquals(ids, seen);
    assertEquals(3, pages);
    JsonObject whole = c.get("Users?count=7&cursor=").json();
    assertFalse(
        whole.containsKey("nextCursor"),
        "a page that ends with the last user has no nextCursor (RFC 9865 §2)");
    assertEquals(7, whole.getInt("totalResults"));
    JsonObject sorted = c.get("Users?count=7&sortBy=title&cursor=").json();
    assertFalse(sorted.containsKey("nextCursor"));
    assertEquals(7, sorted.getInt("totalResults"));
    JsonObject lastSorted = c.get("Users?startIndex=6&count=5&sortBy=title").json();
    assertEquals(7, lastSorted.getInt("totalResults"), "a short last page still tells the total");
    assertEquals(2, lastSorted.getJsonArray("Resources").size());
    assertEquals(7, c.get("Users?startIndex=20&count=5").json().getInt("totalResults"));

    // POST .search with the same semantics.
    Http.Answer search =
        c.send(
            "POST",
            "Users/.search",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"title eq \\\"t3\\\"\",\"attributes\":[\"userName\"],\"startIndex\":1,\"count\":10}");
    assertEquals(200, search.status(), search.body());
    JsonObject hit = search.json().getJsonArray("Resources").getJsonObject(0);
    assertEquals("page3@example.com", hit.getString("userName"));
    assertFalse(hit.containsKey("title"), "only the requested attributes (and id) are returned");
    assertTrue(hit.containsKey("id"));
  }

  @Test
  void discoveryTellsWhatTheServerDoes() {
    Client c = client();
    JsonObject config = c.get("ServiceProviderConfig").json();
    assertTrue(config.getJsonObject("patch").getBoolean("supported"));
    assertTrue(config.getJsonObject("filter").getBoolean("supported"));
    assertTrue(config.getJsonObject("sort").getBoolean("supported"));
    assertTrue(config.getJsonObject("etag").getBoolean("supported"));
    assertTrue(config.getJsonObject("bulk").getBoolean("supported"));
    assertEquals(1000, config.getJsonObject("bulk").getInt("maxOperations"));
    assertEquals(1048576, config.getJsonObject("bulk").getInt("maxPayloadSize"));
    assertTrue(config.getJsonObject("pagination").getBoolean("cursor"));
    int max = config.getJsonObject("filter").getInt("maxResults");
    for (int i = 0; i < 3; i++) {
      c.createdId("{\"userName\":\"cap" + i + "@example.com\"}");
    }
    assertTrue(c.get("Users?count=" + (max + 50)).json().getInt("itemsPerPage") <= max);

    JsonObject types = c.get("ResourceTypes").json();
    assertEquals(1, types.getInt("totalResults"), "groups are off for a new tenant");
    JsonObject userType = types.getJsonArray("Resources").getJsonObject(0);
    assertEquals("/Users", userType.getString("endpoint"));
    assertEquals(2, userType.getJsonArray("schemaExtensions").size());

    Http.Answer schemas = c.get("Schemas");
    assertTrue(schemas.body().contains("urn:ietf:params:scim:schemas:extension:rollcall:2.0:User"));
    assertTrue(schemas.body().contains("customField10"));
    JsonObject user = c.get("Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
    assertTrue(user.getJsonArray("attributes").toString().contains("\"x509Certificates\""));
    assertScimError(c.get("Groups"), 404, null);
  }

  // ---- #13: Location everywhere, timestamps, strict bodies, bounds, methods ----

  @Test
  void everyAnswerAboutOneUserCarriesItsLocationAndNothingMovesWithoutAChange() {
    Client c = client();
    String body =
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"where@example.com\",\"title\":\"Here\"}";
    Http.Answer created = c.create(body);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    String location = created.header("Location");
    assertTrue(location.startsWith("http") && location.endsWith("/scim/v2/Users/" + id), location);
    JsonObject meta = created.json().getJsonObject("meta");
    assertEquals(meta.getString("created"), meta.getString("lastModified"));
    assertEquals(location, meta.getString("location"));

    Http.Answer read = c.get("Users/" + id);
    assertEquals(200, read.status(), read.body());
    assertEquals(location, read.header("Location"));

    Http.Answer unchanged = c.send("PUT", "Users/" + id, body);
    assertEquals(200, unchanged.status(), unchanged.body());
    assertEquals(location, unchanged.header("Location"));
    assertEquals(created.header("ETag"), unchanged.header("ETag"), "a PUT changing nothing");
    assertEquals(
        meta.getString("lastModified"),
        unchanged.json().getJsonObject("meta").getString("lastModified"));

    Http.Answer patched =
        c.patch(id, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"There\"}]");
    assertEquals(200, patched.status(), patched.body());
    assertEquals(location, patched.header("Location"));
    assertNotEquals(created.header("ETag"), patched.header("ETag"));
  }

  /** Microsoft's documented path-less Replace whose keys are paths, one value-filtered. */
  @Test
  void entraPathlessReplaceWithValueFilteredKeys() {
    Client c = client("entra-id");
    String id =
        c.createdId(
            "{\"userName\":\"kim@contoso.com\",\"emails\":[{\"type\":\"work\","
                + "\"value\":\"kim@contoso.com\",\"primary\":true}]}");
    Http.Answer patched =
        c.patch(
            id,
            "[{\"op\":\"Replace\",\"value\":{"
                + "\"emails[type eq \\\"work\\\"].value\":\"kim.berg@contoso.com\","
                + "\"name.givenName\":\"Kim\",\"name.familyName\":\"Berg\","
                + "\""
                + ENTERPRISE
                + ":department\":\"Sales\"}},"
                + "{\"op\":\"Add\",\"value\":{"
                + "\"phoneNumbers[type eq \\\"mobile\\\"].value\":\"+1 555 0100\"}}]");
    assertEquals(200, patched.status(), patched.body());
    JsonObject user = patched.json();
    assertEquals(
        "kim.berg@contoso.com", user.getJsonArray("emails").getJsonObject(0).getString("value"));
    assertEquals("Kim", user.getJsonObject("name").getString("givenName"));
    assertEquals("Berg", user.getJsonObject("name").getString("familyName"));
    assertEquals("Sales", user.getJsonObject(ENTERPRISE).getString("department"));
    assertEquals(
        "+1 555 0100", user.getJsonArray("phoneNumbers").getJsonObject(0).getString("value"));
  }

  @Test
  void malformedBodiesAre400sThatNameTheProblem() {
    Client c = client();
    String[][] cases = {
      {
        "{\"userName\":\"a@example.com\",\"userName\":\"b@example.com\"}",
        "invalidSyntax",
        "repeats the key"
      },
      {
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:example:acme:1.0:User\"],"
            + "\"userName\":\"c@example.com\"}",
        "invalidValue",
        "urn:example:acme:1.0:User"
      },
      {
        "{\"userName\":\"d@example.com\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}",
        "invalidSyntax",
        "deeper than"
      },
      {"{\"userName\":\"e@example.com\",\"x\":1e99999999999}", "invalidValue", "out of range"},
      {"{\"userName\":\"f@example.com\"", "invalidSyntax", "not valid JSON"}
    };
    for (String[] bad : cases) {
      Http.Answer answer = c.create(bad[0]);
      assertScimError(answer, 400, bad[1]);
      assertTrue(answer.json().getString("detail").contains(bad[2]), answer.body());
    }
    String id = c.createdId("{\"userName\":\"g@example.com\"}");
    assertScimError(
        c.send(
            "PATCH",
            "Users/" + id,
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"add\","
                + "\"op\":\"remove\",\"path\":\"title\"}]}"),
        400,
        "invalidSyntax");
    assertScimError(c.get("Users?startIndex=99999999999"), 400, "invalidValue");
    // count is capped, not refused (RFC 7644 §3.4.2.4).
    assertEquals(200, c.get("Users?count=99999999999999999999").status());
  }

  /**
   * Over HTTP/1.1, as the limits are documented. (The shared client upgrades to HTTP/2, where the
   * container's own header-list limit applies before Rollcall sees the request; an over-long header
   * there also spoils the connection for the requests after it, so this test keeps to a connection
   * of its own.)
   */
  @Test
  void overlongRequestTargetAndHeadersGetScimErrors() throws Exception {
    Client c = client();
    HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String longFilter = "userName eq \"" + "a".repeat(40_000) + "\"";
    Http.Answer target = get11(http11, c, "Users?filter=" + q(longFilter));
    assertScimError(target, 414, null);
    assertEquals("414", target.json().getString("status"));

    String names = String.join(",", Collections.nCopies(10_000, "title"));
    assertScimError(get11(http11, c, "Users?attributes=" + names), 414, null);

    Http.Answer headers = get11(http11, c, "Users", "X-Padding", "p".repeat(40_000));
    assertScimError(headers, 431, null);
    assertEquals("431", headers.json().getString("status"));

    assertEquals(200, get11(http11, c, "Users?count=1").status(), "the bounds leave room");
  }

  private String root() {
    String text = base.toString();
    return text.endsWith("/") ? text : text + "/";
  }

  private Http.Answer get11(HttpClient client, Client c, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root() + "scim/v2/" + path))
            .header("Authorization", Http.bearer(c.token()));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Http.Answer(response.statusCode(), response.body(), response);
  }

  /** The endpoints exist, so a method they lack is 405 with Allow, never 404. */
  @Test
  void unsupportedMethodsOnUsersAre405WithAllow() {
    Client c = client();
    String id = c.createdId("{\"userName\":\"methods@example.com\"}");
    for (String[] request :
        new String[][] {
          {"PUT", "Users"},
          {"DELETE", "Users"},
          {"PATCH", "Users"},
          {"POST", "Users/" + id},
          {"GET", "Users/.search"},
          {"GET", ".search"},
          {"POST", "ServiceProviderConfig"}
        }) {
      Http.Answer answer = c.send(request[0], request[1], request[0].equals("GET") ? null : "{}");
      assertScimError(answer, 405, null);
      assertNotNull(answer.header("Allow"), request[0] + " " + request[1]);
    }
    assertTrue(c.send("PUT", "Users", "{}").header("Allow").contains("POST"));
  }
}
