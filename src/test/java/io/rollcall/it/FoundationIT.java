package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation, black-box: admin API, token lifecycle, the shape of every 401, tenant isolation
 * of tokens, the purge timer, health and JSON-only errors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FoundationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  private Http http() {
    return new Http(base);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void adminApiAnswersJson401WithoutOrWithWrongCredentials() {
    Http.Answer none = http().get("api/admin/tenants", null);
    assertEquals(401, none.status());
    assertTrue(none.header("WWW-Authenticate").startsWith("Basic realm=\"rollcall-admin\""));
    assertTrue(none.header("Content-Type").startsWith("application/json"));
    assertEquals(401, none.json().getInt("status"));

    Http.Answer wrong = http().get("api/admin/tenants", Http.basic("admin", "not-the-password"));
    assertEquals(401, wrong.status());
    assertEquals(401, wrong.json().getInt("status"));

    Http.Answer unknownUser =
        http().get("api/admin/tenants", Http.basic("mallory", Http.ADMIN_PASSWORD));
    assertEquals(401, unknownUser.status());
  }

  /**
   * A doubled slash maps to the same servlets, so it must not slip past authentication: each such
   * request was once answered 200 (empty) without credentials. Now a 400, never a 2xx.
   */
  @Test
  void doubledSlashesNeverSkipAuthentication() throws Exception {
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    for (String path :
        List.of("/scim/v2/Users", "/api/admin/tenants", "/api/app/v1/tenants/x/people")) {
      for (String method : List.of("GET", "POST")) {
        java.net.http.HttpResponse<String> answer =
            client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .method(
                        method,
                        method.equals("GET")
                            ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json")
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), method + " /" + path + ": " + answer.body());
        assertTrue(
            answer.body().contains("\"status\""),
            method + " /" + path + ": '" + answer.body() + "'");
      }
    }
  }

  @Test
  void scimTokenNeverOpensTheAdminApi() {
    Http http = http();
    String token = http.mintToken(http.createTenant(unique("no-admin")));
    assertEquals(401, http.get("api/admin/tenants", Http.bearer(token)).status());
  }

  /**
   * No trusted proxies are configured here, so the test client is just a client: whatever it writes
   * into forwarding headers must not reach the URLs Rollcall hands out.
   */
  @Test
  void forwardingHeadersFromAnUntrustedPeerDoNotChangeAnyUrl() {
    Http http = http();
    Http.Answer created =
        http.send(
            "POST",
            "api/admin/tenants",
            Http.admin(),
            "application/json",
            "{\"name\":\"" + unique("Forwarded") + "\"}",
            "X-Forwarded-Host",
            "evil.example.test",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Port",
            "8443");
    assertEquals(201, created.status(), created.body());
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    assertEquals(
        root + "api/admin/tenants/" + created.json().getString("id"), created.header("Location"));
    assertEquals(root + "scim/v2", created.json().getString("scimBaseUrl"));
  }

  @Test
  void createsListsAndReadsTenants() {
    Http http = http();
    String name = unique("Acme");
    Http.Answer created =
        http.postJson("api/admin/tenants", Http.admin(), "{\"name\":\"" + name + "\"}");
    assertEquals(201, created.status());
    JsonObject tenant = created.json();
    String id = tenant.getString("id");
    assertEquals(name, tenant.getString("name"));
    assertTrue(tenant.getString("scimBaseUrl").endsWith("/scim/v2"), tenant.toString());
    assertNotNull(tenant.getString("createdAt"));
    assertTrue(created.header("Location").endsWith("/api/admin/tenants/" + id));

    assertEquals(id, http.get("api/admin/tenants/" + id, Http.admin()).json().getString("id"));
    assertTrue(
        http.get("api/admin/tenants", Http.admin()).array().stream()
            .anyMatch(t -> t.asJsonObject().getString("id").equals(id)));
  }

  @Test
  void adminApiRejectsBadInputWithJson() {
    Http http = http();
    Http.Answer unknown = http.get("api/admin/tenants/" + UUID.randomUUID(), Http.admin());
    assertEquals(404, unknown.status());
    assertEquals(404, unknown.json().getInt("status"));

    Http.Answer malformed = http.postJson("api/admin/tenants", Http.admin(), "{\"name\":");
    assertEquals(400, malformed.status());
    assertEquals(400, malformed.json().getInt("status"));

    Http.Answer blank = http.postJson("api/admin/tenants", Http.admin(), "{\"name\":\"  \"}");
    assertEquals(400, blank.status());
    assertTrue(blank.json().getString("message").contains("name"));

    String tenant = http.createTenant(unique("bad-token-input"));
    Http.Answer badExpiry =
        http.postJson(
            "api/admin/tenants/" + tenant + "/tokens", Http.admin(), "{\"expiresInDays\":-3}");
    assertEquals(400, badExpiry.status());

    Http.Answer unknownToken =
        http.send(
            "DELETE",
            "api/admin/tenants/" + tenant + "/tokens/" + UUID.randomUUID(),
            Http.admin(),
            null,
            null);
    assertEquals(404, unknownToken.status());
  }

  @Test
  void mintedTokenIsShownOnceAndOpensTheScimApi() {
    Http http = http();
    String tenant = http.createTenant(unique("mint"));
    Http.Answer minted =
        http.postJson(
            "api/admin/tenants/" + tenant + "/tokens",
            Http.admin(),
            "{\"description\":\"Okta\",\"expiresInDays\":365}");
    assertEquals(201, minted.status());
    String secret = minted.json().getString("token");
    assertTrue(secret.startsWith("rcs_"));
    assertTrue(secret.length() >= 4 + 43, "256 bits in base64url need 43 characters");
    assertNotNull(minted.json().getString("expiresAt"));

    Http.Answer listed = http.get("api/admin/tenants/" + tenant + "/tokens", Http.admin());
    assertEquals(200, listed.status());
    assertFalse(listed.body().contains(secret), "the list must never show the secret");
    JsonObject entry = listed.array().getJsonObject(0);
    assertFalse(entry.containsKey("token"));
    assertFalse(entry.containsKey("secretHash"));
    assertEquals("active", entry.getString("status"));
    assertEquals("Okta", entry.getString("description"));

    Http.Answer config = http.get("scim/v2/ServiceProviderConfig", Http.bearer(secret));
    assertEquals(200, config.status());
    assertTrue(config.header("Content-Type").startsWith("application/scim+json"));
    assertTrue(
        config.json().getJsonArray("schemas").getString(0).endsWith("ServiceProviderConfig"));
    assertEquals(
        "oauthbearertoken",
        config.json().getJsonArray("authenticationSchemes").getJsonObject(0).getString("type"));

    JsonObject used =
        http.get("api/admin/tenants/" + tenant + "/tokens", Http.admin()).array().getJsonObject(0);
    assertTrue(used.containsKey("lastUsedAt"), "a used token records when it was last used");
  }

  @Test
  void scimApiAnswersRfcShaped401s() {
    Http http = http();
    Http.Answer missing = http.get("scim/v2/ServiceProviderConfig", null);
    assertScim401(missing);
    assertEquals("Bearer realm=\"rollcall\"", missing.header("WWW-Authenticate"));

    Http.Answer unknown =
        http.get("scim/v2/ServiceProviderConfig", Http.bearer("rcs_" + "A".repeat(43)));
    assertScim401(unknown);
    assertEquals(
        "Bearer realm=\"rollcall\", error=\"invalid_token\"", unknown.header("WWW-Authenticate"));

    Http.Answer garbage = http.get("scim/v2/Users", Http.bearer("\u00e9\u00e9 nonsense"));
    assertScim401(garbage);

    Http.Answer wrongScheme = http.get("scim/v2/Users", Http.admin());
    assertScim401(wrongScheme);
  }

  @Test
  void tokenInQueryStringOrFormNeverAuthenticates() {
    Http http = http();
    String token = http.mintToken(http.createTenant(unique("query")));
    assertScim401(http.get("scim/v2/ServiceProviderConfig?access_token=" + token, null));
    assertScim401(
        http.send(
            "POST",
            "scim/v2/Users",
            null,
            "application/x-www-form-urlencoded",
            "access_token=" + token));
  }

  @Test
  void revokedTokenStopsAtOnceAndIsPurgedAfterRetention() throws InterruptedException {
    Http http = http();
    String tenant = http.createTenant(unique("revoke"));
    String keep = http.mintToken(tenant);
    Http.Answer minted =
        http.postJson(
            "api/admin/tenants/" + tenant + "/tokens", Http.admin(), "{\"description\":\"old\"}");
    String tokenId = minted.json().getString("id");
    String secret = minted.json().getString("token");
    assertEquals(200, http.get("scim/v2/ServiceProviderConfig", Http.bearer(secret)).status());

    Http.Answer revoked =
        http.send(
            "DELETE",
            "api/admin/tenants/" + tenant + "/tokens/" + tokenId,
            Http.admin(),
            null,
            null);
    assertEquals(204, revoked.status());
    assertScim401(http.get("scim/v2/ServiceProviderConfig", Http.bearer(secret)));
    assertEquals(200, http.get("scim/v2/ServiceProviderConfig", Http.bearer(keep)).status());
    assertTrue(
        http.get("api/admin/tenants/" + tenant + "/tokens", Http.admin()).array().stream()
            .map(t -> t.asJsonObject())
            .anyMatch(
                t -> t.getString("id").equals(tokenId) && t.getString("status").equals("revoked")));

    // The test server keeps revoked tokens for 10 s and runs the purge timer every 3 s.
    boolean purged = false;
    for (int i = 0; i < 40 && !purged; i++) {
      Thread.sleep(1000);
      purged =
          http.get("api/admin/tenants/" + tenant + "/tokens", Http.admin()).array().stream()
              .noneMatch(t -> t.asJsonObject().getString("id").equals(tokenId));
    }
    assertTrue(purged, "the purge timer removes tokens revoked longer ago than the retention");
    assertEquals(
        1, http.get("api/admin/tenants/" + tenant + "/tokens", Http.admin()).array().size());
  }

  @Test
  void disabledTenantsTokensGet401UntilEnabled() {
    Http http = http();
    String tenant = http.createTenant(unique("disable"));
    String token = http.mintToken(tenant);
    assertEquals(
        200,
        http.send(
                "PATCH",
                "api/admin/tenants/" + tenant,
                Http.admin(),
                "application/json",
                "{\"active\":false}")
            .status());
    assertScim401(http.get("scim/v2/ServiceProviderConfig", Http.bearer(token)));
    http.send(
        "PATCH",
        "api/admin/tenants/" + tenant,
        Http.admin(),
        "application/json",
        "{\"active\":true}");
    assertEquals(200, http.get("scim/v2/ServiceProviderConfig", Http.bearer(token)).status());
  }

  @Test
  void noTokenSecretIsStoredInTheDatabase() throws Exception {
    Http http = http();
    String secret = http.mintToken(http.createTenant(unique("at-rest")));
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
    Path dataDir = Path.of(System.getProperty("rollcall.it.data", "target/it-data"));
    boolean hashWritten = false;
    for (int i = 0; i < 30 && !hashWritten; i++) {
      Thread.sleep(500);
      hashWritten = databaseContains(dataDir, hash);
    }
    assertTrue(
        hashWritten, "the token's hash reaches the database file (so the check below can fail)");
    assertFalse(databaseContains(dataDir, secret), "the secret itself is never stored");
    assertFalse(databaseContains(dataDir, secret.substring(4)), "nor its random part");
  }

  @Test
  void unknownPathsAndMethodsAnswerJson() {
    Http http = http();
    String token = http.mintToken(http.createTenant(unique("paths")));
    Http.Answer notFound = http.get("scim/v2/NoSuchEndpoint", Http.bearer(token));
    assertEquals(404, notFound.status());
    assertEquals("404", notFound.json().getString("status"));
    assertTrue(notFound.header("Content-Type").startsWith("application/scim+json"));

    Http.Answer notAllowed =
        http.send("DELETE", "scim/v2/ServiceProviderConfig", Http.bearer(token), null, null);
    assertEquals(405, notAllowed.status());
    assertEquals("405", notAllowed.json().getString("status"));
    assertTrue(notAllowed.header("Allow").contains("GET"), notAllowed.header("Allow"));

    Http.Answer outside = http.get("no/such/page", null);
    assertEquals(404, outside.status());
    assertEquals(404, outside.json().getInt("status"));
  }

  /** #13: admin API bodies are held to the SCIM API's payload limit. */
  @Test
  void adminApiBodiesAreLimitedLikeScimBodies() {
    Http http = http();
    String tenant = http.createTenant(unique("body-limit"));
    Http.Answer large =
        http.send(
            "PATCH",
            "api/admin/tenants/" + tenant,
            Http.admin(),
            "application/json",
            "{\"name\":\"" + "n".repeat(1024 * 1024) + "\"}");
    assertEquals(413, large.status(), large.body());
    assertEquals(413, large.json().getInt("status"));
    assertTrue(large.json().getString("message").contains("1048576"), large.body());
    Http.Answer fits =
        http.send(
            "PATCH",
            "api/admin/tenants/" + tenant,
            Http.admin(),
            "application/json",
            "{\"name\":\"" + unique("still-fine") + "\"}");
    assertEquals(200, fits.status(), fits.body());
  }

  @Test
  void healthReportsLivenessAndDatabaseReadiness() {
    Http http = http();
    Http.Answer ready = http.get("health/ready", null);
    assertEquals(200, ready.status());
    assertEquals("UP", ready.json().getString("status"));
    assertTrue(ready.body().contains("\"database\""));
    assertEquals(200, http.get("health/live", null).status());
  }

  @Test
  void metricsAreForAdminsOnlyAndShowEachTenantsScimTraffic() {
    Http http = http();
    // The runtime's own endpoint would be public: it is switched off in the post-boot file.
    assertNotEquals(200, http.get("metrics", null).status());
    // Nor is the runtime's generated OpenAPI document, which lists the admin plane's endpoints.
    assertEquals(404, http.get("openapi", null).status());
    assertEquals(404, http.get("openapi/", null).status());
    assertEquals(401, http.get("api/admin/metrics", null).status());
    assertEquals(401, http.get("api/admin/metrics", Http.bearer("rcs_not-a-real-token")).status());

    String tenant = http.createTenant(unique("metrics"));
    String token = Http.bearer(http.mintToken(tenant));
    assertEquals(200, http.get("scim/v2/Users", token).status());
    assertEquals(404, http.get("scim/v2/Users/no-such-user", token).status());
    Http.Answer revoked =
        http.postJson("api/admin/tenants/" + tenant + "/tokens", Http.admin(), "{}");
    String revokedId = revoked.json().getString("id");
    assertEquals(
        204,
        http.send(
                "DELETE",
                "api/admin/tenants/" + tenant + "/tokens/" + revokedId,
                Http.admin(),
                null,
                null)
            .status());
    assertEquals(
        401, http.get("scim/v2/Users", Http.bearer(revoked.json().getString("token"))).status());

    Http.Answer scrape = http.get("api/admin/metrics", Http.admin());
    assertEquals(200, scrape.status(), scrape.body());
    assertTrue(
        scrape.header("Content-Type").startsWith("text/plain"), scrape.header("Content-Type"));
    String labels = ",tenant=\"" + tenant + "\"}";
    assertTrue(
        scrape
            .body()
            .contains(
                "rollcall_scim_requests_seconds_count{endpoint=\"Users\",method=\"GET\",status=\"200\""
                    + labels
                    + " 1"),
        scrape.body());
    assertTrue(
        scrape
            .body()
            .contains(
                "rollcall_scim_requests_seconds_count{endpoint=\"Users/{id}\",method=\"GET\","
                    + "status=\"404\""
                    + labels
                    + " 1"),
        "ids never become label values");
    assertTrue(
        scrape.body().contains("rollcall_auth_failures_total{plane=\"scim\",reason=\"revoked\"}"),
        "refused tokens are counted by reason");
    for (String meter :
        List.of(
            "rollcall_audit_queue_depth_records",
            "rollcall_events_pending_events",
            "jvm_memory_used_bytes")) {
      assertTrue(scrape.body().contains(meter), meter);
    }
  }

  @Test
  void everyAnswerCarriesARequestIdAndAProxysOwnIdIsKept() {
    Http http = http();
    Http.Answer plain = http.get("scim/v2/Users", null);
    assertTrue(
        plain.header("X-Request-Id") != null
            && plain.header("X-Request-Id").matches("[0-9a-f]{16}"),
        "generated: " + plain.header("X-Request-Id"));
    assertEquals(
        "lb-7f3a9c21e4",
        http.get("api/admin/tenants", Http.admin(), "X-Request-Id", "lb-7f3a9c21e4")
            .header("X-Request-Id"));
    // What a client sends ends up in logs: anything but a plain id is replaced.
    String forged =
        http.get("health/ready", null, "X-Request-Id", "x\" event=admin").header("X-Request-Id");
    assertTrue(forged.matches("[0-9a-f]{16}"), forged);
  }

  /**
   * RFC 7644 §3.11: /Me is unsupported, so 501 rather than 404. /Bulk exists (tested in BulkIT): a
   * method it lacks is 405 with Allow.
   */
  @Test
  void meAnswers501AndBulkAnswers405ToGet() {
    Http http = http();
    String token = Http.bearer(http.mintToken(http.createTenant(unique("me-bulk"))));
    for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
      Http.Answer me =
          http.send(
              method,
              "scim/v2/Me",
              token,
              method.equals("GET") || method.equals("DELETE") ? null : "application/scim+json",
              method.equals("GET") || method.equals("DELETE") ? null : "{}");
      assertEquals(501, me.status(), method + " /Me: " + me.body());
      assertTrue(me.header("Content-Type").startsWith("application/scim+json"));
      assertEquals("501", me.json().getString("status"));
      assertEquals(
          "urn:ietf:params:scim:api:messages:2.0:Error",
          me.json().getJsonArray("schemas").getString(0));
    }
    Http.Answer getBulk = http.get("scim/v2/Bulk", token);
    assertEquals(405, getBulk.status(), getBulk.body());
    assertEquals("405", getBulk.json().getString("status"));
    assertTrue(getBulk.header("Allow").contains("POST"), getBulk.header("Allow"));
    assertScim401(http.get("scim/v2/Me", null));
  }

  private static void assertScim401(Http.Answer answer) {
    assertEquals(401, answer.status(), answer.body());
    assertNotNull(answer.header("WWW-Authenticate"));
    assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer realm=\"rollcall\""));
    assertTrue(answer.header("Content-Type").startsWith("application/scim+json"));
    JsonObject body = answer.json();
    assertEquals(
        "urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
    assertEquals("401", body.getString("status"));
  }

  private static boolean databaseContains(Path dir, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        if (indexOf(content, needle) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
