package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access-only provisioning end to end, as the first customer guide describes it: people exist in
 * the app first (account directory), SCIM grants and revokes their access by email, and the host
 * app asks the access-check API. Also the lifecycle policies and the separation of secrets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessOnlyIT {

  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  private record Tenant(Http http, String id, String scimToken, String appKey) {
    Http.Answer scim(String method, String path, String json) {
      return http.send(
          method,
          "scim/v2/" + path,
          Http.bearer(scimToken),
          json == null ? null : "application/scim+json",
          json);
    }

    Http.Answer patch(String userId, String operations) {
      return scim(
          "PATCH",
          "Users/" + userId,
          "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operations + "}");
    }

    JsonObject access(String email) {
      Http.Answer answer =
          http.get(
              "api/app/v1/tenants/"
                  + id
                  + "/access?email="
                  + URLEncoder.encode(email, StandardCharsets.UTF_8),
              Http.bearer(appKey));
      assertEquals(200, answer.status(), answer.body());
      assertNotNull(answer.header("Server-Timing"));
      return answer.json();
    }

    Http.Answer settings(String json) {
      return http.send("PATCH", "api/admin/tenants/" + id, Http.admin(), "application/json", json);
    }

    Http.Answer upload(String contentType, String body) {
      return http.send(
          "PUT", "api/admin/tenants/" + id + "/accounts", Http.admin(), contentType, body);
    }
  }

  private Tenant tenant(String mode) {
    Http http = new Http(base);
    String id = http.createTenant("access-" + UUID.randomUUID().toString().substring(0, 8));
    assertEquals(
        200,
        http.send(
                "PATCH",
                "api/admin/tenants/" + id,
                Http.admin(),
                "application/json",
                "{\"provisioningMode\":\"" + mode + "\"}")
            .status());
    Http.Answer key =
        http.postJson(
            "api/admin/app-keys",
            Http.admin(),
            "{\"description\":\"host app\",\"tenantId\":\"" + id + "\"}");
    assertEquals(201, key.status(), key.body());
    assertTrue(key.json().getString("key").startsWith("rca_"));
    return new Tenant(http, id, http.mintToken(id), key.json().getString("key"));
  }

  private static String user(String email) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
         "name":{"givenName":"A","familyName":"B"},"title":"Sent by the IdP",
         "emails":[{"primary":true,"value":"%s","type":"work"}],"active":true}
        """
        .formatted(email, email);
  }

  @Test
  void theGuidesTestFlowEndToEnd() {
    Tenant t = tenant("access-only");
    Http.Answer loaded =
        t.upload(
            "application/json",
            "[{\"email\":\"alice@acme.com\",\"displayName\":\"Alice\",\"title\":\"Controller\",\"department\":\"Finance\"},"
                + "{\"email\":\"bob@acme.com\",\"displayName\":\"Bob\"}]");
    assertEquals(200, loaded.status(), loaded.body());
    assertEquals(2, loaded.json().getInt("created"));

    // Before the IdP assigns her: no access.
    JsonObject before = t.access("alice@acme.com");
    assertFalse(before.getBoolean("hasAccess"));

    // The IdP assigns her (its userName may differ in case).
    Http.Answer created = t.scim("POST", "Users", user("Alice@Acme.com"));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    JsonObject granted = t.access("alice@acme.com");
    assertTrue(granted.getBoolean("hasAccess"));
    assertEquals(id, granted.getString("scimUserId"));
    assertNotNull(granted.getString("since"));

    // Deactivation revokes, reactivation restores; the SCIM user stays.
    assertEquals(200, t.patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]").status());
    assertFalse(t.access("alice@acme.com").getBoolean("hasAccess"));
    assertEquals(200, t.scim("GET", "Users/" + id, null).status());
    assertEquals(200, t.patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":true}}]").status());
    assertTrue(t.access("alice@acme.com").getBoolean("hasAccess"));

    // Someone the app does not know: a clear error, nothing created.
    Http.Answer unknown = t.scim("POST", "Users", user("carol@acme.com"));
    assertEquals(400, unknown.status());
    assertEquals("invalidValue", unknown.json().getString("scimType"));
    assertTrue(
        unknown.json().getString("detail").contains("must exist")
            || unknown.json().getString("detail").contains("exist in the app"),
        unknown.body());
    assertEquals(
        0,
        t.scim(
                "GET",
                "Users?filter="
                    + URLEncoder.encode("userName eq \"carol@acme.com\"", StandardCharsets.UTF_8),
                null)
            .json()
            .getInt("totalResults"));

    // An email change moves access; to an unknown email it fails and nothing changes.
    assertEquals(
        200,
        t.patch(id, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"bob@acme.com\"}]")
            .status());
    assertFalse(t.access("alice@acme.com").getBoolean("hasAccess"));
    assertTrue(t.access("bob@acme.com").getBoolean("hasAccess"));
    Http.Answer moveToUnknown =
        t.patch(id, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"nobody@acme.com\"}]");
    assertEquals(400, moveToUnknown.status());
    assertEquals("bob@acme.com", t.scim("GET", "Users/" + id, null).json().getString("userName"));
    Http.Answer putToUnknown = t.scim("PUT", "Users/" + id, user("nobody@acme.com"));
    assertEquals(400, putToUnknown.status());
    assertTrue(t.access("bob@acme.com").getBoolean("hasAccess"));

    // The people list, and the account's HR data untouched by what the IdP sent.
    JsonObject people =
        t.http.get("api/app/v1/tenants/" + t.id + "/people", Http.bearer(t.appKey)).json();
    assertEquals(1, people.getJsonArray("people").size());
    assertEquals("bob@acme.com", people.getJsonArray("people").getJsonObject(0).getString("email"));
    JsonObject accounts =
        t.http.get("api/admin/tenants/" + t.id + "/accounts", Http.admin()).json();
    assertEquals(
        "Controller", accounts.getJsonArray("accounts").getJsonObject(0).getString("title"));
  }

  /** What the guide's Okta mapping sends: no title, no department. */
  private static String oktaUser(String email) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
         "name":{"givenName":"A","familyName":"B"},
         "emails":[{"primary":true,"value":"%s","type":"work"}],"active":true}
        """
        .formatted(email, email);
  }

  private static List<String> groups(JsonObject access) {
    return access.getJsonArray("permissionGroups").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  @Test
  void theGuidesRulesWorkFromHrDataAloneAndAFullSyncRevokesADepartedPerson() {
    Tenant t = tenant("access-only");
    String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    String hr = "urn:rollcall:params:scim:schemas:extension:hr:2.0:User";
    Http.Answer rules =
        t.http.send(
            "PUT",
            "api/admin/tenants/" + t.id + "/permission-rules",
            Http.admin(),
            "application/json",
            "[{\"filter\":\""
                + enterprise
                + ":department eq \\\"Finance\\\"\",\"group\":\"Finance\"},"
                + "{\"filter\":\"title co \\\"Manager\\\"\",\"group\":\"Team Lead\"},"
                + "{\"filter\":\""
                + hr
                + ":isManager eq true and "
                + hr
                + ":level le 1\",\"group\":\"Admin\"}]");
    assertEquals(200, rules.status(), rules.body());
    String directory =
        "[{\"email\":\"ceo@acme.com\",\"title\":\"Chief Executive\"},"
            + "{\"email\":\"max@acme.com\",\"title\":\"Engineering Manager\",\"managerEmail\":\"ceo@acme.com\"},"
            + "{\"email\":\"eng@acme.com\",\"title\":\"Engineer\",\"managerEmail\":\"max@acme.com\"},"
            + "{\"email\":\"fran@acme.com\",\"title\":\"Accountant\",\"department\":\"Finance\","
            + "\"managerEmail\":\"ceo@acme.com\"}]";
    Http.Answer loaded = t.upload("application/json", directory);
    assertEquals(200, loaded.status(), loaded.body());
    assertEquals(2, loaded.json().getJsonObject("hierarchy").getInt("managers"));

    // Assigned through Okta with the guide's attribute set: the groups come from the HR record.
    String fran = t.scim("POST", "Users", oktaUser("fran@acme.com")).json().getString("id");
    t.scim("POST", "Users", oktaUser("max@acme.com"));
    t.scim("POST", "Users", oktaUser("ceo@acme.com"));
    t.scim("POST", "Users", oktaUser("eng@acme.com"));
    assertEquals(List.of("Finance"), groups(t.access("fran@acme.com")));
    assertEquals(List.of("Admin", "Team Lead"), groups(t.access("max@acme.com")));
    assertEquals(List.of("Admin"), groups(t.access("ceo@acme.com")));
    assertEquals(List.of(), groups(t.access("eng@acme.com")));

    JsonObject preview =
        t.http
            .postJson(
                "api/admin/tenants/" + t.id + "/permission-rules/preview",
                Http.admin(),
                "{\"filter\":\"" + hr + ":isManager eq true\"}")
            .json();
    assertEquals(2, preview.getInt("matches"), preview.toString());

    // The hierarchy is read-only for SCIM (RFC 7643 §2.2).
    Http.Answer write =
        t.patch(fran, "[{\"op\":\"replace\",\"path\":\"" + hr + ":level\",\"value\":0}]");
    assertEquals(400, write.status(), write.body());
    assertEquals("mutability", write.json().getString("scimType"));

    // A full HR sync without fran: she departs, loses access at once, and there is an event.
    Http.Answer replaced =
        t.http.send(
            "PUT",
            "api/admin/tenants/" + t.id + "/accounts?mode=replace",
            Http.admin(),
            "application/json",
            directory.replace(
                ",{\"email\":\"fran@acme.com\",\"title\":\"Accountant\",\"department\":\"Finance\","
                    + "\"managerEmail\":\"ceo@acme.com\"}",
                ""));
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals("replace", replaced.json().getString("mode"));
    assertEquals(1, replaced.json().getInt("departed"));
    assertEquals("fran@acme.com", replaced.json().getJsonArray("departedEmails").getString(0));
    JsonObject gone = t.access("fran@acme.com");
    assertFalse(gone.getBoolean("hasAccess"));
    JsonObject page =
        t.http
            .get("api/app/v1/tenants/" + t.id + "/events?after=0&limit=1000", Http.bearer(t.appKey))
            .json();
    boolean departedEvent =
        page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .anyMatch(
                e ->
                    e.getString("kind").equals("departed")
                        && e.getString("scimUserId").equals(fran));
    assertTrue(departedEvent, page.toString());

    // A truncated file departs nobody; the next upload that contains fran brings her back.
    Http.Answer truncated =
        t.http.send(
            "PUT",
            "api/admin/tenants/" + t.id + "/accounts?mode=replace",
            Http.admin(),
            "application/json",
            "[]");
    assertEquals(409, truncated.status(), truncated.body());
    assertTrue(truncated.json().getBoolean("departuresRefused"));
    assertTrue(t.access("max@acme.com").getBoolean("hasAccess"));
    Http.Answer back = t.upload("application/json", directory);
    assertEquals(1, back.json().getInt("rejoined"), back.body());
    assertTrue(t.access("fran@acme.com").getBoolean("hasAccess"));
    assertEquals(List.of("Finance"), groups(t.access("fran@acme.com")));
  }

  @Test
  void theConsolesUploadRunsAFullHrSyncAndShowsItsReport() {
    Tenant t = tenant("access-only");
    Http.Answer loaded =
        t.upload("text/csv", "email,managerEmail\na@x.com,\nb@x.com,a@x.com\nc@x.com,a@x.com\n");
    assertEquals(200, loaded.status(), loaded.body());

    String cookie = t.http.consoleSignIn("admin", Http.ADMIN_PASSWORD);
    String userId = t.scim("POST", "Users", oktaUser("a@x.com")).json().getString("id");
    Http.Answer person =
        t.http.get("console/user.xhtml?id=" + t.id + "&user=" + userId, null, "Cookie", cookie);
    assertEquals(200, person.status(), person.body());
    assertTrue(person.body().contains("Person for permission rules"), person.body());
    assertTrue(person.body().contains("directReports"), person.body());

    Http.Answer page = t.http.get("console/settings.xhtml?id=" + t.id, null, "Cookie", cookie);
    assertEquals(200, page.status(), page.body());
    Matcher form =
        Pattern.compile("<form id=\"upload\"[^>]*action=\"([^\"]*)\"").matcher(page.body());
    assertTrue(form.find(), "the upload form");
    String action = form.group(1).replace("&amp;", "&");
    action = action.substring(action.indexOf("console/"));

    String boundary = "----rollcall" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    java.util.function.BiConsumer<String, String> field =
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n");
    field.accept("upload", "upload");
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"upload:file\"; filename=\"people.csv\"")
        .append("\r\nContent-Type: text/csv\r\n\r\n")
        .append("email,managerEmail\na@x.com,\nb@x.com,gone@x.com\n")
        .append("\r\n");
    field.accept("upload:replace", "on");
    field.accept("upload:submit", "Upload");
    field.accept(
        "jakarta.faces.ViewState", Http.hiddenValue(page.body(), "jakarta.faces.ViewState"));
    field.accept("rollcall_csrf", Http.hiddenValue(page.body(), "rollcall_csrf"));
    body.append("--").append(boundary).append("--\r\n");
    Http.Answer uploaded =
        t.http.send(
            "POST",
            action,
            null,
            "multipart/form-data; boundary=" + boundary,
            body.toString(),
            "Cookie",
            cookie);

    assertEquals(200, uploaded.status(), uploaded.body());
    assertTrue(uploaded.body().contains("id=\"upload-report\""), uploaded.body());
    assertTrue(uploaded.body().contains("1 departed"), uploaded.body());
    assertTrue(uploaded.body().contains("id=\"departed-list\""), uploaded.body());
    assertTrue(uploaded.body().contains("gone@x.com"), "the missing manager is reported");
    JsonObject accounts =
        t.http.get("api/admin/tenants/" + t.id + "/accounts", Http.admin()).json();
    JsonObject c = accounts.getJsonArray("accounts").getJsonObject(2);
    assertEquals("c@x.com", c.getString("email"));
    assertFalse(c.isNull("departedAt"), c.toString());
  }

  @Test
  void accountUploadsAreIdempotentStreamedAndReportBadRows() {
    Tenant t = tenant("access-only");
    String json =
        "[{\"email\":\"a@x.com\",\"title\":\"T\"},{\"email\":\"not-an-email\"},{\"title\":\"no email\"},"
            + "{\"email\":\"b@x.com\",\"shoe\":\"44\"},{\"email\":\"c@x.com\",\"title\":7}]";
    JsonObject first = t.upload("application/json", json).json();
    assertEquals(5, first.getInt("received"));
    assertEquals(1, first.getInt("created"));
    assertEquals(4, first.getInt("rejected"));
    assertEquals(2, first.getJsonArray("errors").getJsonObject(0).getInt("row"));
    JsonObject again = t.upload("application/json", json).json();
    assertEquals(0, again.getInt("created"));
    assertEquals(1, again.getInt("unchanged"));

    String csv =
        "email,displayName,Manager Email\r\nd@x.com,\"Doe, Dana\",a@x.com\r\na@x.com,Alpha,\r\n,missing,\r\n";
    JsonObject fromCsv = t.upload("text/csv", csv).json();
    assertEquals(3, fromCsv.getInt("received"));
    assertEquals(1, fromCsv.getInt("created"));
    assertEquals(1, fromCsv.getInt("updated"));
    assertEquals(1, fromCsv.getInt("rejected"));

    Http.Answer badCsv = t.upload("text/csv", "mail,name\nx@y.z,X\n");
    assertEquals(400, badCsv.status());
    Http.Answer notJson = t.upload("application/json", "[{\"email\":");
    assertEquals(400, notJson.status());
    assertEquals(400, t.upload("application/xml", "<a/>").status());
  }

  @Test
  void applicationKeysAndScimTokensNeverOpenEachOthersApi() {
    Tenant a = tenant("full");
    Tenant b = tenant("full");
    Http http = a.http;
    String path = "api/app/v1/tenants/" + a.id + "/access?email=x@y.z";
    assertEquals(200, http.get(path, Http.bearer(a.appKey)).status());
    assertEquals(401, http.get(path, Http.bearer(a.scimToken)).status());
    assertEquals(401, http.get(path, Http.admin()).status());
    assertEquals(401, http.get(path, null).status());
    assertEquals(
        404,
        http.get(path, Http.bearer(b.appKey)).status(),
        "a key of another tenant learns nothing");
    assertEquals(401, http.get("scim/v2/Users", Http.bearer(a.appKey)).status());
    assertEquals(401, http.get("api/admin/tenants", Http.bearer(a.appKey)).status());

    Http.Answer all =
        http.postJson("api/admin/app-keys", Http.admin(), "{\"description\":\"every tenant\"}");
    String everyTenant = all.json().getString("key");
    assertEquals(
        200,
        http.get("api/app/v1/tenants/" + b.id + "/access?email=x@y.z", Http.bearer(everyTenant))
            .status());
    assertEquals(
        204,
        http.send(
                "DELETE",
                "api/admin/app-keys/" + all.json().getString("id"),
                Http.admin(),
                null,
                null)
            .status());
    assertEquals(
        401,
        http.get("api/app/v1/tenants/" + b.id + "/access?email=x@y.z", Http.bearer(everyTenant))
            .status());
    assertFalse(http.get("api/admin/app-keys", Http.admin()).body().contains(everyTenant));
  }

  @Test
  void fullProvisioningTenantsAnswerAccessFromScimUsers() {
    Tenant t = tenant("full");
    String id = t.scim("POST", "Users", user("dan@full.com")).json().getString("id");
    assertTrue(t.access("DAN@full.com").getBoolean("hasAccess"));
    t.patch(id, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
    assertFalse(t.access("dan@full.com").getBoolean("hasAccess"));
  }

  @Test
  void everyChangeIsAnOrderedEventAndPermissionRulesFollowTheData() throws InterruptedException {
    Tenant t = tenant("full");
    String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    Http.Answer rules =
        t.http.send(
            "PUT",
            "api/admin/tenants/" + t.id + "/permission-rules",
            Http.admin(),
            "application/json",
            "[{\"filter\":\""
                + enterprise
                + ":department eq \\\"Finance\\\"\",\"group\":\"Finance\"},"
                + "{\"filter\":\"title co \\\"Manager\\\"\",\"group\":\"Team Lead\"}]");
    assertEquals(200, rules.status(), rules.body());
    assertEquals(
        400,
        t.http
            .send(
                "PUT",
                "api/admin/tenants/" + t.id + "/permission-rules",
                Http.admin(),
                "application/json",
                "[{\"filter\":\"title eq\",\"group\":\"X\"}]")
            .status());

    String id =
        t.scim(
                "POST",
                "Users",
                "{\"userName\":\"ivy@full.com\",\"title\":\"Engineer\",\""
                    + enterprise
                    + "\":{\"department\":\"Finance\"}}")
            .json()
            .getString("id");
    JsonObject access = t.access("ivy@full.com");
    assertEquals("Finance", access.getJsonArray("permissionGroups").getString(0));

    t.patch(id, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Finance Manager\"}]");
    t.patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
    t.patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":true}}]");
    assertEquals(
        400,
        t.patch(id, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":5}]").status(),
        "a failed change is rolled back and (checked below) leaves no event");
    assertEquals(204, t.scim("DELETE", "Users/" + id, null).status());

    JsonObject page =
        t.http
            .get("api/app/v1/tenants/" + t.id + "/events?after=0&limit=100", Http.bearer(t.appKey))
            .json();
    var events = page.getJsonArray("events");
    java.util.List<String> kinds = new java.util.ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.getJsonObject(i).getInt("seq"), "numbers are gapless and ordered");
      assertEquals(id, events.getJsonObject(i).getString("scimUserId"));
      kinds.add(events.getJsonObject(i).getString("kind"));
    }
    assertEquals(
        java.util.List.of(
            "provisioned",
            "updated",
            "permissions_changed",
            "deactivated",
            "reactivated",
            "deleted"),
        kinds);
    JsonObject provisioned = events.getJsonObject(0);
    assertEquals("ivy@full.com", provisioned.getString("email"));
    assertEquals(
        "Finance",
        provisioned.getJsonObject("changes").getJsonArray("permissionGroups").getString(0));
    assertEquals(
        "title",
        events.getJsonObject(1).getJsonObject("changes").getJsonArray("attributes").getString(0));
    assertEquals(
        "Team Lead",
        events.getJsonObject(2).getJsonObject("changes").getJsonArray("added").getString(0));

    // Resuming after the last number returns nothing new; after 3 returns the rest.
    long last = page.getJsonNumber("next").longValue();
    assertEquals(
        0,
        t.http
            .get("api/app/v1/tenants/" + t.id + "/events?after=" + last, Http.bearer(t.appKey))
            .json()
            .getJsonArray("events")
            .size());
    assertEquals(
        3,
        t.http
            .get("api/app/v1/tenants/" + t.id + "/events?after=3", Http.bearer(t.appKey))
            .json()
            .getJsonArray("events")
            .size());

    // Changing the rules re-evaluates everyone in the background.
    String joe =
        t.scim("POST", "Users", "{\"userName\":\"joe@full.com\",\"title\":\"Sales Manager\"}")
            .json()
            .getString("id");
    assertEquals(
        "Team Lead", t.access("joe@full.com").getJsonArray("permissionGroups").getString(0));
    JsonObject preview =
        t.http
            .postJson(
                "api/admin/tenants/" + t.id + "/permission-rules/preview",
                Http.admin(),
                "{\"filter\":\"title sw \\\"Sales\\\"\"}")
            .json();
    assertEquals(1, preview.getInt("matches"));
    assertEquals("joe@full.com", preview.getJsonArray("sample").getString(0));
    t.http.send(
        "PUT",
        "api/admin/tenants/" + t.id + "/permission-rules",
        Http.admin(),
        "application/json",
        "[{\"filter\":\"title sw \\\"Sales\\\"\",\"group\":\"Sales\"}]");
    boolean regrouped = false;
    for (int i = 0; i < 40 && !regrouped; i++) {
      Thread.sleep(250);
      var groups =
          t.http
              .get(
                  "api/app/v1/tenants/" + t.id + "/access?email=joe%40full.com",
                  Http.bearer(t.appKey))
              .json()
              .getJsonArray("permissionGroups");
      regrouped = groups.size() == 1 && groups.getString(0).equals("Sales");
    }
    assertTrue(regrouped, "groups follow a rule change for existing people");
    assertNotNull(joe);
  }

  /**
   * A local receiver that fails, then times out, then accepts: every event still arrives, once
   * accepted, in order, with a valid signature; the SCIM API never waits for it.
   */
  @Test
  void webhooksDeliverEveryEventSignedAndInOrderThroughFailures() throws Exception {
    Tenant t = tenant("full");
    java.util.List<String> bodies =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    String[] secret = new String[1];
    java.util.concurrent.atomic.AtomicBoolean badSignature =
        new java.util.concurrent.atomic.AtomicBoolean();
    com.sun.net.httpserver.HttpServer receiver =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int call = calls.incrementAndGet();
          try {
            if (call == 1) {
              exchange.sendResponseHeaders(500, -1);
              return;
            }
            if (call == 2) {
              Thread.sleep(4000); // longer than the test server's 2 s webhook timeout
              exchange.sendResponseHeaders(200, -1);
              return;
            }
            long timestamp =
                Long.parseLong(exchange.getRequestHeaders().getFirst("Rollcall-Timestamp"));
            if (!io.rollcall.webhooks.WebhookSignature.verify(
                secret[0],
                timestamp,
                body,
                exchange.getRequestHeaders().getFirst("Rollcall-Signature"))) {
              badSignature.set(true);
            }
            bodies.add(body);
            exchange.sendResponseHeaders(204, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    receiver.start();
    try {
      Http.Answer configured =
          t.http.send(
              "PUT",
              "api/admin/tenants/" + t.id + "/webhook",
              Http.admin(),
              "application/json",
              "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
      assertEquals(200, configured.status(), configured.body());
      secret[0] = configured.json().getString("signingSecret");
      assertFalse(
          t.http
              .get("api/admin/tenants/" + t.id + "/webhook", Http.admin())
              .json()
              .containsKey("signingSecret"),
          "the signing secret is shown once");

      long start = System.nanoTime();
      String id = t.scim("POST", "Users", user("kim@full.com")).json().getString("id");
      t.patch(id, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]");
      t.patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
      assertTrue(
          (System.nanoTime() - start) / 1e9 < 3.5, "SCIM writes do not wait for the receiver");

      for (int i = 0; i < 60 && bodies.size() < 3; i++) {
        Thread.sleep(500);
      }
      assertEquals(
          3,
          bodies.size(),
          "every event arrives despite a failure and a timeout: " + calls.get() + " calls");
      assertFalse(badSignature.get(), "every signature verifies");
      assertTrue(bodies.get(0).contains("\"kind\":\"provisioned\""));
      assertTrue(bodies.get(1).contains("\"kind\":\"updated\""));
      assertTrue(bodies.get(2).contains("\"kind\":\"deactivated\""));
      JsonObject status = t.http.get("api/admin/tenants/" + t.id + "/webhook", Http.admin()).json();
      assertEquals(status.getInt("latestSeq"), status.getInt("deliveredSeq"));

      // Paused: nothing is sent until it is resumed.
      t.http.send(
          "POST",
          "api/admin/tenants/" + t.id + "/webhook/pause",
          Http.admin(),
          "application/json",
          "{}");
      t.patch(id, "[{\"op\":\"replace\",\"value\":{\"active\":true}}]");
      Thread.sleep(2500);
      assertEquals(3, bodies.size());
      t.http.send(
          "POST",
          "api/admin/tenants/" + t.id + "/webhook/resume",
          Http.admin(),
          "application/json",
          "{}");
      for (int i = 0; i < 20 && bodies.size() < 4; i++) {
        Thread.sleep(500);
      }
      assertEquals(4, bodies.size());
      assertTrue(bodies.get(3).contains("\"kind\":\"reactivated\""));
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void deletePoliciesAndAutomaticErasure() throws InterruptedException {
    Tenant t = tenant("full");
    assertEquals(400, t.settings("{\"deletePolicy\":\"shred\"}").status());
    assertEquals(400, t.settings("{\"eraseDeactivatedAfterDays\":-1}").status());

    // Default policy: deprovision. DELETE, then the same person can be provisioned again.
    String first = t.scim("POST", "Users", user("eve@full.com")).json().getString("id");
    assertEquals(204, t.scim("DELETE", "Users/" + first, null).status());
    assertEquals(404, t.scim("GET", "Users/" + first, null).status());
    assertEquals(201, t.scim("POST", "Users", user("eve@full.com")).status());

    JsonObject erase =
        t.settings("{\"deletePolicy\":\"erase\",\"eraseDeactivatedAfterDays\":0}").json();
    assertEquals("erase", erase.getString("deletePolicy"));
    assertEquals(0, erase.getInt("eraseDeactivatedAfterDays"));
    String second = t.scim("POST", "Users", user("fay@full.com")).json().getString("id");
    assertEquals(204, t.scim("DELETE", "Users/" + second, null).status());
    assertEquals(201, t.scim("POST", "Users", user("fay@full.com")).status());

    // Deactivated users are erased by the timer (every 2 s in the test server); active ones stay.
    String leaving = t.scim("POST", "Users", user("gus@full.com")).json().getString("id");
    String staying = t.scim("POST", "Users", user("hal@full.com")).json().getString("id");
    t.patch(leaving, "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");
    boolean erased = false;
    for (int i = 0; i < 30 && !erased; i++) {
      Thread.sleep(500);
      erased = t.scim("GET", "Users/" + leaving, null).status() == 404;
    }
    assertTrue(erased, "a user deactivated longer than the tenant's period is erased");
    assertEquals(200, t.scim("GET", "Users/" + staying, null).status());
    JsonObject never = t.settings("{\"eraseDeactivatedAfterDays\":null}").json();
    assertFalse(never.containsKey("eraseDeactivatedAfterDays"), "null means never erase");
    assertEquals("erase", never.getString("deletePolicy"), "an unnamed setting stays as it was");
  }
}
