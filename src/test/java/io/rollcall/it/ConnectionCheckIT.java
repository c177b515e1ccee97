package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.rollcall.webhooks.WebhookSignature;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The connection check end to end: an identity provider's requests reach the audit log with their
 * User-Agent, query and error code, and the check names the provider, its connection test and the
 * fix for a wrong base URL — in the admin API and on the console's tenant page, whose button sends
 * the webhook a test event and shows the receiver's answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectionCheckIT {

  static final String OKTA = "Okta SCIM Client 1.0.0";

  private static ChromeDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startBrowser() {
    browser = Browsers.headless(1280, 900);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static String user(String email) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
         "name":{"givenName":"A","familyName":"B"},
         "emails":[{"primary":true,"value":"%s","type":"work"}],"active":true}
        """
        .formatted(email, email);
  }

  private static Http.Answer okta(
      Http http, String token, String method, String path, String json) {
    return http.send(
        method,
        "scim/v2/" + path,
        Http.bearer(token),
        json == null ? null : "application/scim+json",
        json,
        "User-Agent",
        OKTA);
  }

  private static String userNameFilter(String email) {
    return "Users?filter="
        + URLEncoder.encode("userName eq \"" + email + "\"", StandardCharsets.UTF_8)
        + "&startIndex=1&count=100";
  }

  /** Polls the connection check until it says what the test waits for (audit writes lag ~1 s). */
  private static JsonObject verdictWhen(Http http, String tenantId, Predicate<JsonObject> ready) {
    JsonObject verdict = null;
    for (int i = 0; i < 40; i++) {
      Http.Answer answer = http.get("api/admin/tenants/" + tenantId + "/connection", Http.admin());
      assertEquals(200, answer.status(), answer.body());
      verdict = answer.json();
      if (ready.test(verdict)) {
        return verdict;
      }
      sleep(500);
    }
    throw new AssertionError("the check never got there: " + verdict);
  }

  @Test
  void oktaShapedRequestsGiveAVerdictAndAWrongBaseUrlGivesItsFix() {
    Http http = new Http(base);
    String tenantId = http.createTenant("conn-" + UUID.randomUUID().toString().substring(0, 8));
    String token = http.mintToken(tenantId);
    String scimBaseUrl =
        http.get("api/admin/tenants/" + tenantId, Http.admin()).json().getString("scimBaseUrl");

    JsonObject nothing = verdictWhen(http, tenantId, v -> true);
    assertEquals("NOTHING_YET", nothing.getString("state"));
    assertTrue(nothing.getString("summary").contains(scimBaseUrl), nothing.toString());

    // Okta's "Test Connector Configuration", then an assignment: look-up and create, twice.
    assertEquals(200, okta(http, token, "GET", "Users?startIndex=1&count=2", null).status());
    assertEquals(200, okta(http, token, "GET", userNameFilter("ann@acme.com"), null).status());
    assertEquals(201, okta(http, token, "POST", "Users", user("ann@acme.com")).status());
    assertEquals(200, okta(http, token, "GET", userNameFilter("ann@acme.com"), null).status());
    assertEquals(409, okta(http, token, "POST", "Users", user("ann@acme.com")).status());

    JsonObject verdict =
        verdictWhen(http, tenantId, v -> v.getJsonObject("counts").getInt("requests") == 5);
    assertEquals("ATTENTION", verdict.getString("state"), verdict.toString());
    assertEquals("Okta", verdict.getString("identityProvider"));
    assertEquals("USER_AGENT", verdict.getString("identifiedBy"));
    assertTrue(verdict.getJsonObject("connectionTest").getBoolean("passed"));
    String summary = verdict.getString("summary");
    assertTrue(summary.startsWith("Okta reached Rollcall just now: connection test OK"), summary);
    assertTrue(summary.contains("1 user created"), summary);
    assertTrue(summary.contains("last error: 409 uniqueness for ann@…"), summary);

    // The audit log has the new fields.
    JsonObject conflict =
        http.get("api/admin/tenants/" + tenantId + "/audit?status=409", Http.admin())
            .json()
            .getJsonArray("entries")
            .getJsonObject(0);
    assertEquals("uniqueness", conflict.getString("scimType"));
    assertEquals(OKTA, conflict.getString("userAgent"));
    jakarta.json.JsonArray entries =
        http.get("api/admin/tenants/" + tenantId + "/audit", Http.admin())
            .json()
            .getJsonArray("entries");
    JsonObject first = entries.getJsonObject(entries.size() - 1);
    assertEquals("startIndex=1&count=2", first.getString("queryParams"), first.toString());

    // The base URL typed twice: Okta calls …/scim/v2/scim/v2/Users and gets 404.
    assertEquals(
        404, okta(http, token, "GET", "scim/v2/Users?startIndex=1&count=2", null).status());
    JsonObject failing = verdictWhen(http, tenantId, v -> "FAILING".equals(v.getString("state")));
    JsonObject finding = failing.getJsonArray("findings").getJsonObject(0);
    assertEquals("WRONG_BASE_URL", finding.getString("problem"));
    String fix = finding.getString("fix");
    assertTrue(fix.contains(scimBaseUrl + "/scim/v2/Users"), fix);
    assertTrue(
        fix.endsWith("to exactly " + scimBaseUrl + " and run its connection test again."), fix);

    // The console shows the same verdict, and the fix.
    signIn();
    browser.get(base + "console/tenant.xhtml?id=" + tenantId);
    String check = browser.findElement(By.id("connection-check")).getText();
    assertTrue(check.contains("Failing"), check);
    assertTrue(check.contains("Okta reached Rollcall"), check);
    assertTrue(check.contains("to exactly " + scimBaseUrl), check);
    assertTrue(browser.findElement(By.id("no-webhook")).isDisplayed());
  }

  /**
   * A revoked token is refused before the SCIM API (RFC 7644 §2: 401), but the tenant's audit log
   * and connection check still say which of its tokens was refused and why.
   */
  @Test
  void aRevokedTokenShowsInTheTenantsAuditLogAndCheckWithItsFix() {
    Http http = new Http(base);
    String tenantId = http.createTenant("conn-" + UUID.randomUUID().toString().substring(0, 8));
    Http.Answer minted =
        http.postJson("api/admin/tenants/" + tenantId + "/tokens", Http.admin(), "{}");
    String token = minted.json().getString("token");
    String prefix = minted.json().getString("prefix");
    assertEquals(200, okta(http, token, "GET", "Users?startIndex=1&count=2", null).status());
    assertEquals(
        204,
        http.send(
                "DELETE",
                "api/admin/tenants/" + tenantId + "/tokens/" + minted.json().getString("id"),
                Http.admin(),
                null,
                null)
            .status());

    assertEquals(401, okta(http, token, "GET", "Users?startIndex=1&count=2", null).status());

    JsonObject verdict =
        verdictWhen(http, tenantId, v -> v.getJsonObject("counts").getInt("requests") == 2);
    assertEquals("FAILING", verdict.getString("state"), verdict.toString());
    JsonObject finding = verdict.getJsonArray("findings").getJsonObject(0);
    assertEquals("TOKEN_REVOKED", finding.getString("problem"), verdict.toString());
    assertTrue(finding.getString("fix").contains("Create a new token"), finding.toString());
    JsonObject refused =
        http.get("api/admin/tenants/" + tenantId + "/audit?status=401", Http.admin())
            .json()
            .getJsonArray("entries")
            .getJsonObject(0);
    assertEquals("token_revoked", refused.getString("scimType"));
    assertTrue(prefix.startsWith(refused.getString("tokenPrefix")), refused.toString());
    assertEquals("/Users", refused.getString("path"));
    assertEquals(OKTA, refused.getString("userAgent"));
  }

  @Test
  void anAccessOnlyTenantRecordsWhyItRefusedAnUnknownPerson() {
    Http http = new Http(base);
    String tenantId = http.createTenant("conn-" + UUID.randomUUID().toString().substring(0, 8));
    assertEquals(
        200,
        http.send(
                "PATCH",
                "api/admin/tenants/" + tenantId,
                Http.admin(),
                "application/json",
                "{\"provisioningMode\":\"access-only\"}")
            .status());
    String token = http.mintToken(tenantId);
    Http.Answer refused = okta(http, token, "POST", "Users", user("nobody@acme.com"));
    assertEquals(400, refused.status(), refused.body());
    assertEquals("invalidValue", refused.json().getString("scimType"), "the client sees the RFC's");

    JsonObject verdict =
        verdictWhen(http, tenantId, v -> v.getJsonObject("counts").getInt("requests") == 1);
    JsonObject finding = verdict.getJsonArray("findings").getJsonObject(0);
    assertEquals("NO_ACCOUNT", finding.getString("problem"));
    assertEquals("no_account", verdict.getJsonObject("lastError").getString("code"));
    assertTrue(finding.getString("fix").contains("account directory"), finding.toString());
  }

  @Test
  void theWebhookTestShowsTheReceiversAnswerAndMovesNothing() throws Exception {
    Http http = new Http(base);
    String tenantId = http.createTenant("conn-" + UUID.randomUUID().toString().substring(0, 8));
    List<String> bodies = new CopyOnWriteArrayList<>();
    AtomicInteger answer = new AtomicInteger(204);
    AtomicBoolean badSignature = new AtomicBoolean();
    String[] secret = new String[1];
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          long timestamp =
              Long.parseLong(exchange.getRequestHeaders().getFirst("Rollcall-Timestamp"));
          if (!WebhookSignature.verify(
              secret[0],
              timestamp,
              body,
              exchange.getRequestHeaders().getFirst("Rollcall-Signature"))) {
            badSignature.set(true);
          }
          bodies.add(body);
          exchange.sendResponseHeaders(answer.get(), -1);
          exchange.close();
        });
    receiver.start();
    try {
      Http.Answer configured =
          http.send(
              "PUT",
              "api/admin/tenants/" + tenantId + "/webhook",
              Http.admin(),
              "application/json",
              "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
      assertEquals(200, configured.status(), configured.body());
      secret[0] = configured.json().getString("signingSecret");
      long delivered = configured.json().getJsonNumber("deliveredSeq").longValue();

      Http.Answer tested =
          http.send(
              "POST",
              "api/admin/tenants/" + tenantId + "/webhook/test",
              Http.admin(),
              "application/json",
              "{}");
      assertEquals(200, tested.status(), tested.body());
      assertTrue(tested.json().getBoolean("accepted"), tested.body());
      assertEquals(204, tested.json().getInt("status"));
      assertEquals(1, bodies.size());
      assertTrue(bodies.get(0).contains("\"kind\":\"test\""), bodies.get(0));
      assertFalse(bodies.get(0).contains("\"seq\""), "a test event is not in the stream");
      assertFalse(badSignature.get(), "the test event is signed like every event");
      JsonObject status =
          http.get("api/admin/tenants/" + tenantId + "/webhook", Http.admin()).json();
      assertEquals(delivered, status.getJsonNumber("deliveredSeq").longValue());
      assertEquals(0, status.getInt("failedAttempts"));

      JsonObject trail =
          http.get("api/admin/trail?action=webhook.test&limit=1", Http.admin())
              .json()
              .getJsonArray("entries")
              .getJsonObject(0);
      assertEquals(tenantId, trail.getString("target"));
      assertTrue(trail.getString("detail").contains("HTTP 204"), trail.toString());

      // The console's button shows a refusal as the receiver gave it.
      answer.set(500);
      signIn();
      browser.get(base + "console/tenant.xhtml?id=" + tenantId);
      press(browser.findElement(By.id("webhook-test:send")));
      String result = browser.findElement(By.id("webhook-test-result")).getText();
      assertTrue(result.contains("did not accept") && result.contains("HTTP 500"), result);
      assertEquals(2, bodies.size());
    } finally {
      receiver.stop(0);
    }
  }

  private void signIn() {
    browser.manage().deleteAllCookies();
    browser.get(base + "console/login.xhtml");
    type(By.id("signin:username"), "admin");
    type(By.id("signin:password"), Http.ADMIN_PASSWORD);
    press(browser.findElement(By.id("signin:submit")));
    assertTrue(browser.getCurrentUrl().endsWith("/console/tenants.xhtml"), browser.getCurrentUrl());
  }

  private static void type(By field, String value) {
    WebElement input = browser.findElement(field);
    input.clear();
    input.sendKeys(value);
  }

  private static void press(WebElement target) {
    WebElement page = browser.findElement(By.tagName("html"));
    target.click();
    until(
        () -> {
          try {
            page.isDisplayed();
            return false;
          } catch (WebDriverException gone) {
            return "complete".equals(browser.executeScript("return document.readyState"));
          }
        });
  }

  private static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the next page never came");
      }
      sleep(100);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
