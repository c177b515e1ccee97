package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SCIM rate limits against the deployed WAR: a tenant with a tiny limit is refused after its burst
 * with 429, {@code Retry-After} and a SCIM error body, on every SCIM endpoint; another tenant is
 * unaffected; after the wait the tenant is served again; the refusal is in the audit log; the admin
 * API and the console read and change the limit, and a change applies to the next request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT {

  static final String SCIM = "application/scim+json";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  private Http http() {
    return new Http(base);
  }

  private String tenant(Http http) {
    return http.createTenant("limits-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private Http.Answer settings(Http http, String tenantId, String json) {
    return http.send(
        "PATCH", "api/admin/tenants/" + tenantId, Http.admin(), "application/json", json);
  }

  @Test
  void aTenantOverItsLimitIsRefusedUntilItsBucketRefillsAndOthersAreUnaffected()
      throws InterruptedException {
    Http http = http();
    String tight = tenant(http);
    String other = tenant(http);
    String tightToken = Http.bearer(http.mintToken(tight));
    String otherToken = Http.bearer(http.mintToken(other));

    Http.Answer limited =
        settings(
            http,
            tight,
            "{\"scimRateLimit\":\"custom\",\"scimRequestsPerSecond\":1,\"scimBurst\":3}");
    assertEquals(200, limited.status(), limited.body());
    assertEquals("custom", limited.json().getString("scimRateLimit"));
    assertEquals(1, limited.json().getInt("scimRequestsPerSecond"));
    assertEquals(3, limited.json().getInt("scimBurst"));

    // The burst of 3 goes through (plus the one token a second refilled meanwhile), then 429.
    int served = 0;
    Http.Answer answer = http.get("scim/v2/Users?count=1", tightToken);
    // A slow machine refills a token per second of requests: allow many before calling it a miss.
    for (int i = 0; i < 60 && answer.status() != 429; i++) {
      assertEquals(200, answer.status(), answer.body());
      served++;
      answer = http.get("scim/v2/Users?count=1", tightToken);
    }
    assertTooMany(
        answer, "this tenant's SCIM rate limit (1 request per second, bursts of up to 3)");
    assertTrue(served >= 3, "served " + served + " before the first 429");

    // Every SCIM endpoint counts, discovery included (a token may refill between two requests, so
    // each is tried until refused); the admin API does not.
    assertTooMany(
        refusedWithin(30, 200, () -> http.get("scim/v2/ServiceProviderConfig", tightToken)),
        "this tenant's");
    assertTooMany(
        refusedWithin(
            30,
            201,
            () ->
                http.send(
                    "POST",
                    "scim/v2/Users",
                    tightToken,
                    SCIM,
                    "{\"userName\":\"" + UUID.randomUUID() + "@x.com\"}")),
        "this tenant's");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, http.get("api/admin/tenants/" + tight, Http.admin()).status());
    }

    // Another tenant on the same server is served throughout.
    for (int i = 0; i < 20; i++) {
      Http.Answer otherAnswer = http.get("scim/v2/Users?count=1", otherToken);
      assertEquals(200, otherAnswer.status(), otherAnswer.body());
    }

    // After the announced wait the tenant is served again.
    Http.Answer refused =
        refusedWithin(30, 200, () -> http.get("scim/v2/Users?count=1", tightToken));
    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 50);
    Http.Answer again = http.get("scim/v2/Users?count=1", tightToken);
    assertEquals(200, again.status(), again.body());

    // The refusals are in the tenant's audit log (written within a second or so).
    List<JsonValue> entries = List.of();
    for (int i = 0; i < 50 && entries.isEmpty(); i++) {
      Thread.sleep(200);
      Http.Answer audit =
          http.get("api/admin/tenants/" + tight + "/audit?status=429", Http.admin());
      assertEquals(200, audit.status(), audit.body());
      entries = audit.json().getJsonArray("entries");
    }
    assertFalse(entries.isEmpty(), "no 429 in the audit log");
    JsonObject entry = entries.get(0).asJsonObject();
    assertEquals(429, entry.getInt("status"));

    // Raising the limit to none applies to the very next request.
    Http.Answer unlimited = settings(http, tight, "{\"scimRateLimit\":\"unlimited\"}");
    assertEquals(200, unlimited.status(), unlimited.body());
    assertFalse(unlimited.json().containsKey("scimRequestsPerSecond"));
    for (int i = 0; i < 20; i++) {
      Http.Answer unlimitedAnswer = http.get("scim/v2/Users?count=1", tightToken);
      assertEquals(200, unlimitedAnswer.status(), unlimitedAnswer.body());
    }
  }

  @Test
  void theAdminApiShowsTheDefaultAndRefusesBadLimitsWithAClearMessage() {
    Http http = http();
    String id = tenant(http);
    JsonObject shown = http.get("api/admin/tenants/" + id, Http.admin()).json();
    assertEquals("default", shown.getString("scimRateLimit"));
    assertEquals(100, shown.getInt("scimRequestsPerSecond"));
    assertEquals(1000, shown.getInt("scimBurst"));

    String[][] refused = {
      {"{\"scimRateLimit\":\"custom\"}", "needs both scimRequestsPerSecond and scimBurst"},
      {"{\"scimRequestsPerSecond\":0,\"scimBurst\":5}", "between 1 and 10000"},
      {"{\"scimRateLimit\":\"sometimes\"}", "\"default\", \"custom\" or \"unlimited\""},
      {"{\"scimRateLimit\":\"unlimited\",\"scimBurst\":5}", "go only with scimRateLimit"},
    };
    for (String[] row : refused) {
      Http.Answer answer = settings(http, id, row[0]);
      assertEquals(400, answer.status(), row[0] + " → " + answer.body());
      assertTrue(answer.json().getString("message").contains(row[1]), answer.body());
    }
    assertEquals(
        "default",
        http.get("api/admin/tenants/" + id, Http.admin()).json().getString("scimRateLimit"),
        "a refused change changes nothing");
  }

  @Test
  void theConsoleShowsAndChangesTheLimit() {
    Http http = http();
    String id = tenant(http);
    String cookie = http.consoleSignIn("admin", Http.ADMIN_PASSWORD);
    Http.Answer page = http.get("console/settings.xhtml?id=" + id, null, "Cookie", cookie);
    assertEquals(200, page.status());
    assertTrue(
        page.body().contains("Server default — 100 requests per second, bursts of up to 1000."),
        "the default is shown");

    String form =
        "rate-limit=rate-limit&"
            + Http.formField("rate-limit:mode", "custom")
            + "&"
            + Http.formField("rate-limit:per-second", "7")
            + "&"
            + Http.formField("rate-limit:burst", "70")
            + "&"
            + Http.formField("rate-limit:submit", "Save limit")
            + "&"
            + Http.formField(
                "jakarta.faces.ViewState", Http.hiddenValue(page.body(), "jakarta.faces.ViewState"))
            + "&"
            + Http.formField("rollcall_csrf", Http.hiddenValue(page.body(), "rollcall_csrf"));
    Http.Answer saved =
        http.send(
            "POST",
            "console/settings.xhtml?id=" + id,
            null,
            "application/x-www-form-urlencoded",
            form,
            "Cookie",
            cookie);
    assertEquals(302, saved.status(), saved.body());
    assertTrue(
        saved.header("Location").contains("done=rate-limit-saved"), saved.header("Location"));
    JsonObject shown = http.get("api/admin/tenants/" + id, Http.admin()).json();
    assertEquals("custom", shown.getString("scimRateLimit"));
    assertEquals(7, shown.getInt("scimRequestsPerSecond"));
    assertEquals(70, shown.getInt("scimBurst"));
  }

  /** Sends until the answer is 429; every earlier answer must have the served status. */
  private static Http.Answer refusedWithin(
      int tries, int servedStatus, java.util.function.Supplier<Http.Answer> request) {
    for (int i = 0; i < tries; i++) {
      Http.Answer answer = request.get();
      if (answer.status() == 429) {
        return answer;
      }
      assertEquals(servedStatus, answer.status(), answer.body());
    }
    throw new AssertionError("not refused within " + tries + " requests");
  }

  private static void assertTooMany(Http.Answer answer, String detail) {
    assertEquals(429, answer.status(), answer.body());
    assertTrue(answer.header("Content-Type").startsWith(SCIM), answer.header("Content-Type"));
    assertEquals("no-store", answer.header("Cache-Control"));
    long retryAfter = Long.parseLong(answer.header("Retry-After"));
    assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
    JsonObject body = answer.json();
    assertEquals(
        "urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
    assertEquals("429", body.getString("status"));
    assertTrue(body.getString("detail").contains(detail), body.getString("detail"));
  }
}
