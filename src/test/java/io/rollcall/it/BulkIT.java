package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /Bulk} black-box against the deployed WAR (RFC 7644 §3.7): the RFC's own examples,
 * forward references, failOnErrors, versions, circular references, the limits of §3.7.4, and that
 * every operation answers, writes events and is audited exactly as its single request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BulkIT {

  static final String SCIM = "application/scim+json";
  static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  private record Tenant(Http http, String id, String token) {
    Http.Answer scim(String method, String path, String json) {
      return http.send(method, "scim/v2/" + path, Http.bearer(token), SCIM, json);
    }

    /** Posts a bulk request and checks the envelope: 200, BulkResponse, SCIM media type. */
    List<JsonObject> bulk(String json) {
      Http.Answer answer = scim("POST", "Bulk", json);
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.header("Content-Type").startsWith(SCIM), answer.header("Content-Type"));
      assertEquals(BULK_RESPONSE, answer.json().getJsonArray("schemas").getString(0));
      return answer.json().getJsonArray("Operations").getValuesAs(JsonObject.class);
    }

    Http.Answer admin(String method, String path, String json) {
      return http.send(
          method, "api/admin/tenants/" + id + path, Http.admin(), "application/json", json);
    }
  }

  private Tenant tenant(String settings) {
    Http http = new Http(base);
    String id = http.createTenant("bulk-" + UUID.randomUUID().toString().substring(0, 8));
    Tenant t = new Tenant(http, id, http.mintToken(id));
    if (settings != null) {
      assertEquals(200, t.admin("PATCH", "", settings).status());
    }
    return t;
  }

  private static List<String> statuses(List<JsonObject> operations) {
    return operations.stream().map(o -> o.getString("status")).toList();
  }

  private static String idOf(JsonObject operation) {
    String location = operation.getString("location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static JsonObject error(JsonObject operation, String status, String scimType) {
    assertEquals(status, operation.getString("status"), operation.toString());
    JsonObject response = operation.getJsonObject("response");
    assertNotNull(response, operation.toString());
    assertEquals(
        "urn:ietf:params:scim:api:messages:2.0:Error",
        response.getJsonArray("schemas").getString(0));
    assertEquals(status, response.getString("status"));
    if (scimType == null) {
      assertFalse(response.containsKey("scimType"), response.toString());
    } else {
      assertEquals(scimType, response.getString("scimType"), response.toString());
    }
    return response;
  }

  private static Set<String> memberIds(JsonObject group) {
    JsonArray members = group.getJsonArray("members");
    return members == null
        ? Set.of()
        : members.getValuesAs(JsonObject.class).stream()
            .map(m -> m.getString("value"))
            .collect(Collectors.toSet());
  }

  /**
   * RFC 7644 §3.7.2: "Alice" and the group "Tour Guides" with Alice as a member by bulkId, then the
   * §3.7.2 manager reference in the enterprise extension, written before the manager's POST.
   */
  @Test
  void rfcExamplesAndForwardReferences() {
    Tenant t = tenant("{\"groupsEnabled\":true}");
    List<JsonObject> ops =
        t.bulk(
            """
            {"schemas":["%s"],
             "Operations":[
               {"method":"POST","path":"/Users","bulkId":"qwerty",
                "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Alice"}},
               {"method":"POST","path":"/Groups","bulkId":"ytrewq",
                "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                        "displayName":"Tour Guides","members":[{"type":"User","value":"bulkId:qwerty"}]}}]}
            """
                .formatted(BULK_REQUEST));
    assertEquals(List.of("201", "201"), statuses(ops));
    assertEquals("qwerty", ops.get(0).getString("bulkId"));
    assertEquals("POST", ops.get(0).getString("method"));
    assertTrue(ops.get(0).getString("location").contains("/scim/v2/Users/"));
    assertTrue(ops.get(1).getString("location").contains("/scim/v2/Groups/"));
    String alice = idOf(ops.get(0));
    Http.Answer user = t.scim("GET", "Users/" + alice, null);
    assertEquals(200, user.status());
    assertEquals(
        user.json().getJsonObject("meta").getString("version"), ops.get(0).getString("version"));
    assertEquals(ops.get(0).getString("location"), user.header("Location"));
    JsonObject group = t.scim("GET", "Groups/" + idOf(ops.get(1)), null).json();
    assertEquals(Set.of(alice), memberIds(group));
    assertEquals(
        idOf(ops.get(1)),
        user.json().getJsonArray("groups").getJsonObject(0).getString("value"),
        "User.groups sees the membership made in the same bulk request");

    // Forward references: a group before its members, Bob's manager before the manager.
    List<JsonObject> forward =
        t.bulk(
            """
            {"Operations":[
               {"method":"POST","path":"/Groups","bulkId":"team",
                "data":{"displayName":"Team","members":[{"value":"bulkId:bob"},{"value":"bulkId:carol"}]}},
               {"method":"POST","path":"/Users","bulkId":"bob",
                "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"Bob",
                        "%s":{"employeeNumber":"11250","manager":{"value":"bulkId:carol"}}}},
               {"method":"POST","path":"/Users","bulkId":"carol","data":{"userName":"Carol"}},
               {"method":"PATCH","path":"/Users/bulkId:carol",
                "data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                        "Operations":[{"op":"replace","path":"title","value":"Manager"}]}}]}
            """
                .formatted(ENTERPRISE, ENTERPRISE));
    assertEquals(List.of("201", "201", "201", "200"), statuses(forward));
    String bob = idOf(forward.get(1));
    String carol = idOf(forward.get(2));
    assertEquals(carol, idOf(forward.get(3)));
    assertEquals(
        Set.of(bob, carol),
        memberIds(t.scim("GET", "Groups/" + idOf(forward.get(0)), null).json()));
    JsonObject bobRead = t.scim("GET", "Users/" + bob, null).json();
    assertEquals(
        carol, bobRead.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"));
    assertEquals("Manager", t.scim("GET", "Users/" + carol, null).json().getString("title"));
  }

  /** An initial load: a group listed first, then two hundred new people who are its members. */
  @Test
  void aGroupWithTwoHundredNewMembersInOneRequest() {
    Tenant t = tenant("{\"groupsEnabled\":true}");
    int n = 200;
    StringBuilder json = new StringBuilder("{\"Operations\":[");
    json.append("{\"method\":\"POST\",\"path\":\"/Groups\",\"bulkId\":\"all\",")
        .append("\"data\":{\"displayName\":\"Everyone\",\"members\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append("{\"value\":\"bulkId:p").append(i).append("\"}");
    }
    json.append("]}}");
    for (int i = 0; i < n; i++) {
      json.append(",{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"p")
          .append(i)
          .append("\",\"data\":{\"userName\":\"person")
          .append(i)
          .append("@example.com\"}}");
    }
    json.append("]}");
    List<JsonObject> ops = t.bulk(json.toString());
    assertEquals(n + 1, ops.size());
    assertTrue(statuses(ops).stream().allMatch("201"::equals), statuses(ops).toString());
    Set<String> people =
        ops.subList(1, n + 1).stream().map(BulkIT::idOf).collect(Collectors.toSet());
    assertEquals(n, people.size());
    assertEquals(people, memberIds(t.scim("GET", "Groups/" + idOf(ops.get(0)), null).json()));
  }

  /**
   * RFC 7644 §3.7.3: failOnErrors stops processing and the response lists only the processed
   * operations; without it every operation runs and each failure is reported in place with its
   * single request's error. Each operation is its own transaction: a failure keeps the others.
   */
  @Test
  void failuresFailOnErrorsAndVersions() {
    Tenant t = tenant(null);
    Http.Answer created = t.scim("POST", "Users", "{\"userName\":\"bob@example.com\"}");
    assertEquals(201, created.status());
    String bob = created.json().getString("id");
    String version = created.header("ETag");

    List<JsonObject> ops =
        t.bulk(
            """
            {"Operations":[
               {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"ann@example.com"}},
               {"method":"POST","path":"/Users","bulkId":"dup","data":{"userName":"BOB@example.com"}},
               {"method":"PUT","path":"/Users/%s","version":"W/\\"999\\"","data":{"userName":"bob@example.com","title":"x"}},
               {"method":"PATCH","path":"/Users/%s","version":%s,
                "data":{"Operations":[{"op":"replace","path":"title","value":"Boss"}]}},
               {"method":"PATCH","path":"/Users/%s","data":{"Operations":[{"op":"replace","path":"title","value":5}]}},
               {"method":"DELETE","path":"/Users/no-such-user"},
               {"method":"POST","path":"/Users","bulkId":"c","data":{"userName":"cid@example.com"}}]}
            """
                .formatted(bob, bob, jsonString(version), bob));
    assertEquals(List.of("201", "409", "412", "200", "400", "404", "201"), statuses(ops));
    error(ops.get(1), "409", "uniqueness");
    assertFalse(ops.get(1).containsKey("location"), "a failed POST has no location");
    error(ops.get(2), "412", null);
    assertTrue(ops.get(2).getString("location").endsWith("/Users/" + bob));
    Http.Answer bobNow = t.scim("GET", "Users/" + bob, null);
    assertEquals(bobNow.header("ETag"), ops.get(3).getString("version"));
    assertFalse(version.equals(ops.get(3).getString("version")));
    error(ops.get(4), "400", "invalidValue");
    error(ops.get(5), "404", null);
    assertEquals("Boss", bobNow.json().getString("title"));
    assertEquals(200, t.scim("GET", "Users/" + idOf(ops.get(0)), null).status());
    assertEquals(200, t.scim("GET", "Users/" + idOf(ops.get(6)), null).status());

    List<JsonObject> stopped =
        t.bulk(
            """
            {"failOnErrors":1,"Operations":[
               {"method":"POST","path":"/Users","bulkId":"d","data":{"userName":"dan@example.com"}},
               {"method":"POST","path":"/Users","bulkId":"e","data":{"userName":"ann@example.com"}},
               {"method":"POST","path":"/Users","bulkId":"f","data":{"userName":"fay@example.com"}}]}
            """);
    assertEquals(List.of("201", "409"), statuses(stopped));
    Http.Answer fay = t.scim("GET", "Users?filter=userName%20eq%20%22fay@example.com%22", null);
    assertEquals(0, fay.json().getInt("totalResults"), "nothing after failOnErrors ran");
  }

  /** RFC 7644 §3.7.1: circular references are answered 409; unknown bulkIds 400. */
  @Test
  void circularAndUnknownReferences() {
    Tenant t = tenant("{\"groupsEnabled\":true}");
    List<JsonObject> ops =
        t.bulk(
            """
            {"Operations":[
               {"method":"POST","path":"/Groups","bulkId":"qwerty",
                "data":{"displayName":"Group A","members":[{"type":"Group","value":"bulkId:ytrewq"}]}},
               {"method":"POST","path":"/Groups","bulkId":"ytrewq",
                "data":{"displayName":"Group B","members":[{"type":"Group","value":"bulkId:qwerty"}]}},
               {"method":"POST","path":"/Groups","bulkId":"c",
                "data":{"displayName":"Group C","members":[{"value":"bulkId:nobody"}]}},
               {"method":"POST","path":"/Groups","bulkId":"d","data":{"displayName":"Group D"}}]}
            """);
    assertEquals(List.of("409", "409", "400", "201"), statuses(ops));
    assertTrue(error(ops.get(0), "409", null).getString("detail").contains("circular"));
    error(ops.get(2), "400", "invalidValue");
    assertEquals(1, t.scim("GET", "Groups", null).json().getInt("totalResults"));
  }

  /**
   * RFC 7644 §3.7.4: the limits are advertised and enforced with 413 naming the limit; malformed
   * requests are 400 and run nothing; a request without a token is 401.
   */
  @Test
  void limitsAndMalformedRequests() {
    Tenant t = tenant(null);
    JsonObject bulk = t.scim("GET", "ServiceProviderConfig", null).json().getJsonObject("bulk");
    assertTrue(bulk.getBoolean("supported"));
    int maxOperations = bulk.getInt("maxOperations");
    int maxPayloadSize = bulk.getInt("maxPayloadSize");

    String delete = "{\"method\":\"DELETE\",\"path\":\"/Users/x\"}";
    Http.Answer tooMany =
        t.scim(
            "POST",
            "Bulk",
            "{\"Operations\":["
                + String.join(",", Collections.nCopies(maxOperations + 1, delete))
                + "]}");
    assertEquals(413, tooMany.status(), tooMany.body());
    assertTrue(tooMany.json().getString("detail").contains(Integer.toString(maxOperations)));
    assertTrue(tooMany.header("Content-Type").startsWith(SCIM));

    StringBuilder big = new StringBuilder("{\"Operations\":[");
    List<String> fat = new ArrayList<>();
    String padding = "x".repeat(10_000);
    for (int i = 0; fat.size() * 10_100 < maxPayloadSize + 20_000; i++) {
      fat.add(
          "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b"
              + i
              + "\",\"data\":{\"userName\":\"u"
              + i
              + "\",\"title\":\""
              + padding
              + "\"}}");
    }
    big.append(String.join(",", fat)).append("]}");
    Http.Answer tooLarge = t.scim("POST", "Bulk", big.toString());
    assertEquals(413, tooLarge.status(), tooLarge.body());
    assertTrue(tooLarge.json().getString("detail").contains("maxPayloadSize"));
    assertTrue(tooLarge.json().getString("detail").contains(Integer.toString(maxPayloadSize)));

    for (String body :
        List.of(
            "[]",
            "{\"Operations\":[]}",
            "{\"Operations\":{}}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + delete
                + "]}",
            "{\"Operations\":[" + delete + ",5]}",
            "{\"failOnErrors\":0,\"Operations\":[" + delete + "]}",
            "{\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\"a\"}},"
                + "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":{\"userName\":\"b\"}}]}",
            "{not json")) {
      Http.Answer refused = t.scim("POST", "Bulk", body);
      assertEquals(400, refused.status(), body + " → " + refused.body());
      assertTrue(refused.header("Content-Type").startsWith(SCIM));
    }
    assertEquals(
        0,
        t.scim("GET", "Users", null).json().getInt("totalResults"),
        "a refused request runs nothing");

    List<JsonObject> malformed =
        t.bulk(
            """
            {"Operations":[
               {"method":"GET","path":"/Users"},
               {"method":"POST","path":"/Users","data":{"userName":"nobulkid"}},
               {"method":"POST","path":"/Widgets","bulkId":"w","data":{}},
               {"method":"POST","path":"/Users","bulkId":"ok","data":{"userName":"ok@example.com"}}]}
            """);
    assertEquals(List.of("400", "400", "400", "201"), statuses(malformed));

    assertEquals(
        401,
        t.http
            .send("POST", "scim/v2/Bulk", null, SCIM, "{\"Operations\":[" + delete + "]}")
            .status());
  }

  /**
   * Tenant settings give each operation its single request's answer: without groups every /Groups
   * operation is 404; an access-only tenant refuses to create a person the app does not know (400
   * invalidValue) and links one it does.
   */
  @Test
  void tenantSettingsAnswerPerOperation() {
    Tenant noGroups = tenant(null);
    List<JsonObject> ops =
        noGroups.bulk(
            """
            {"Operations":[
               {"method":"POST","path":"/Users","bulkId":"u","data":{"userName":"u@example.com"}},
               {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"G","members":[{"value":"bulkId:u"}]}},
               {"method":"PATCH","path":"/Groups/abc","data":{"Operations":"not even valid"}}]}
            """);
    assertEquals(List.of("201", "404", "404"), statuses(ops));
    assertEquals(
        noGroups.scim("POST", "Groups", "{\"displayName\":\"G\"}").status(),
        Integer.parseInt(ops.get(1).getString("status")));

    Tenant accessOnly = tenant("{\"provisioningMode\":\"access-only\"}");
    assertEquals(
        200,
        accessOnly
            .admin("PUT", "/accounts", "[{\"email\":\"known@acme.com\",\"displayName\":\"Known\"}]")
            .status());
    List<JsonObject> access =
        accessOnly.bulk(
            """
            {"Operations":[
               {"method":"POST","path":"/Users","bulkId":"k","data":{"userName":"Known@Acme.com"}},
               {"method":"POST","path":"/Users","bulkId":"s","data":{"userName":"stranger@acme.com"}}]}
            """);
    assertEquals(List.of("201", "400"), statuses(access));
    String single =
        accessOnly
            .scim("POST", "Users", "{\"userName\":\"stranger@acme.com\"}")
            .json()
            .getString("detail");
    assertEquals(single, error(access.get(1), "400", "invalidValue").getString("detail"));
  }

  /**
   * The token decides the tenant for every operation: another tenant's ids are unknown (404, and a
   * member of another tenant 400), and userName is unique per tenant only. Also a PUT on a group by
   * bulkId, written before the POST that creates the group.
   */
  @Test
  void operationsStayInTheCallersTenant() {
    Tenant mine = tenant("{\"groupsEnabled\":true}");
    Tenant other = tenant("{\"groupsEnabled\":true}");
    Http.Answer theirs = other.scim("POST", "Users", "{\"userName\":\"x@example.com\"}");
    assertEquals(201, theirs.status());
    String theirId = theirs.json().getString("id");
    List<JsonObject> ops =
        mine.bulk(
            """
            {"Operations":[
               {"method":"DELETE","path":"/Users/%s"},
               {"method":"PATCH","path":"/Users/%s",
                "data":{"Operations":[{"op":"replace","path":"title","value":"changed"}]}},
               {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"G","members":[{"value":"%s"}]}},
               {"method":"POST","path":"/Users","bulkId":"same","data":{"userName":"x@example.com"}},
               {"method":"PUT","path":"/Groups/bulkId:g2",
                "data":{"displayName":"G2","members":[{"value":"bulkId:same"}]}},
               {"method":"POST","path":"/Groups","bulkId":"g2","data":{"displayName":"G2"}}]}
            """
                .formatted(theirId, theirId, theirId));
    assertEquals(List.of("404", "404", "400", "201", "200", "201"), statuses(ops));
    error(ops.get(2), "400", "invalidValue");
    JsonObject untouched = other.scim("GET", "Users/" + theirId, null).json();
    assertFalse(untouched.containsKey("title"), untouched.toString());
    assertEquals(idOf(ops.get(5)), idOf(ops.get(4)));
    assertEquals(
        Set.of(idOf(ops.get(3))),
        memberIds(mine.scim("GET", "Groups/" + idOf(ops.get(5)), null).json()));
  }

  /** Each operation writes its provisioning events and its own audit entry, as its twin would. */
  @Test
  void eventsAndAuditPerOperation() throws InterruptedException {
    Tenant t = tenant(null);
    Http.Answer key =
        t.http.postJson(
            "api/admin/app-keys",
            Http.admin(),
            "{\"description\":\"bulk\",\"tenantId\":\"" + t.id + "\"}");
    assertEquals(201, key.status(), key.body());
    String appKey = key.json().getString("key");

    List<JsonObject> ops =
        t.bulk(
            """
            {"Operations":[
               {"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"a@example.com"}},
               {"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"b@example.com"}},
               {"method":"PATCH","path":"/Users/bulkId:a",
                "data":{"Operations":[{"op":"replace","value":{"active":false}}]}},
               {"method":"DELETE","path":"/Users/bulkId:b"},
               {"method":"DELETE","path":"/Users/missing"}]}
            """);
    assertEquals(List.of("201", "201", "200", "204", "404"), statuses(ops));
    String a = idOf(ops.get(0));
    String b = idOf(ops.get(1));

    JsonArray events =
        t.http
            .get("api/app/v1/tenants/" + t.id + "/events?after=0&limit=100", Http.bearer(appKey))
            .json()
            .getJsonArray("events");
    List<String> kinds =
        events.getValuesAs(JsonObject.class).stream()
            .map(
                e ->
                    e.getString("scimUserId").equals(a)
                        ? "a:" + e.getString("kind")
                        : "b:" + e.getString("kind"))
            .filter(k -> !k.endsWith("permissions_changed"))
            .toList();
    assertEquals(List.of("a:provisioned", "b:provisioned", "a:deactivated", "b:deleted"), kinds);

    // The audit writer runs every second: wait for the entries.
    List<JsonObject> entries = List.of();
    for (int attempt = 0; attempt < 30 && entries.size() < 6; attempt++) {
      Thread.sleep(500);
      entries =
          t.admin("GET", "/audit?limit=50", null)
              .json()
              .getJsonArray("entries")
              .getValuesAs(JsonObject.class);
    }
    Set<String> seen =
        entries.stream()
            .map(e -> e.getString("method") + " " + e.getString("path") + " " + e.getInt("status"))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "POST /Bulk 200",
            "POST /Users 201",
            "PATCH /Users/" + a + " 200",
            "DELETE /Users/" + b + " 204",
            "DELETE /Users/missing 404"),
        seen,
        entries.toString());
    assertEquals(6, entries.size(), entries.toString());
    assertTrue(
        entries.stream()
            .anyMatch(
                e ->
                    e.getString("path").equals("/Users")
                        && a.equals(e.getString("resourceId", null))));
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
