package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin plane under attack, black-box, on a server configured as in production behind a
 * TLS-terminating proxy: {@code ROLLCALL_PUBLIC_URL} is https, the proxy on this machine is
 * trusted, private webhook destinations are not allowed. Every request comes through the "proxy"
 * (the test connects from 127.0.0.1) with the client address in {@code X-Forwarded-For}, so one
 * server can show an attacker and an admin at different addresses.
 *
 * <p>The same server serves the OpenAPI document ({@code ROLLCALL_OPENAPI_ENABLED}), so it is where
 * the document is compared with {@code docs/openapi.yaml} and real answers are checked against it.
 */
class AdminPlaneSecurityIT {

  private static final String ATTACKER = "203.0.113.66";
  private static final Pattern RETRY_AFTER = Pattern.compile("[1-9][0-9]*");

  private static MicroServer server;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    Path work = Path.of(System.getProperty("rollcall.it.data", "target/it-data"), "admin-plane");
    server =
        new MicroServer(
            work.resolve("db"),
            work.resolve("logs"),
            Map.of(
                "ROLLCALL_PUBLIC_URL", "https://rollcall.example.test",
                "ROLLCALL_TRUSTED_PROXIES", "127.0.0.1, ::1",
                "ROLLCALL_WEBHOOKS_ALLOW_PRIVATE", "false",
                "ROLLCALL_OPENAPI_ENABLED", "true"),
            List.of("post-boot-commands.asadmin"),
            List.of());
    server.start();
    http = new Http(server.base());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Http.Answer basicFrom(String address, String user, String password) {
    return http.get("api/admin/tenants", Http.basic(user, password), "X-Forwarded-For", address);
  }

  /** Guesses from {@code address} until refused; every guess before is an ordinary 401. */
  private static Http.Answer guessUntilThrottled(String address, String user) {
    for (int i = 0; i < 6; i++) {
      Http.Answer answer = basicFrom(address, user, "guess-" + i);
      if (answer.status() == 429) {
        return answer;
      }
      assertEquals(401, answer.status(), answer.body());
    }
    return basicFrom(address, user, "one-more-guess");
  }

  private static void assertThrottledJson(Http.Answer answer) {
    assertEquals(429, answer.status(), answer.body());
    assertTrue(
        RETRY_AFTER.matcher(answer.header("Retry-After")).matches(), answer.header("Retry-After"));
    assertTrue(Integer.parseInt(answer.header("Retry-After")) <= 30);
    assertTrue(answer.header("Content-Type").startsWith("application/json"));
    assertEquals(429, answer.json().getInt("status"));
    assertTrue(answer.json().getString("message").contains("Retry-After"), answer.body());
    assertEquals("no-store", answer.header("Cache-Control"));
  }

  @Test
  void apiBruteForceIsThrottledWhileTheAdminElsewhereStillSignsIn() {
    assertEquals(200, basicFrom("198.51.100.1", "admin", Http.ADMIN_PASSWORD).status());

    Http.Answer refused = guessUntilThrottled(ATTACKER, "admin");
    assertThrottledJson(refused);
    assertEquals(
        429,
        basicFrom(ATTACKER, "admin", Http.ADMIN_PASSWORD).status(),
        "the right password from the guessing address is refused too, unchecked");
    assertEquals(
        429,
        basicFrom("198.51.100.10, " + ATTACKER, "admin", Http.ADMIN_PASSWORD).status(),
        "an address written left of the proxy's entry is the client's own claim and ignored");

    assertEquals(
        200,
        basicFrom("198.51.100.10", "admin", Http.ADMIN_PASSWORD).status(),
        "the admin at another address is not locked out");
    assertEquals(
        200,
        http.get("api/admin/tenants", Http.admin()).status(),
        "nor is the proxy's own address");
  }

  @Test
  void unknownAccountsAreThrottledExactlyLikeRealOnes() {
    Http.Answer refused = guessUntilThrottled("203.0.113.77", "nobody-" + System.nanoTime());
    assertThrottledJson(refused);
  }

  @Test
  void oneAddressSprayingManyAccountsIsThrottledForAllOfThem() {
    String sprayer = "203.0.113.99";
    Http.Answer last = null;
    for (int i = 0; i < 25 && (last == null || last.status() != 429); i++) {
      last = basicFrom(sprayer, "user" + i, "guess");
    }
    assertThrottledJson(last);
    assertEquals(429, basicFrom(sprayer, "admin", Http.ADMIN_PASSWORD).status());
  }

  @Test
  void consoleBruteForceIsThrottledWithAClearMessageAndTheAdminElsewhereSignsIn() {
    String attacker = "203.0.113.88";
    assertEquals(302, consoleSignIn("198.51.100.2", "admin", Http.ADMIN_PASSWORD).status());
    Http.Answer answer = null;
    for (int i = 0; i < 7; i++) {
      answer = consoleSignIn(attacker, "admin", "guess-" + i);
      if (answer.status() == 429) {
        break;
      }
      assertEquals(200, answer.status());
      assertTrue(answer.body().contains("The username or password is not correct."));
    }
    assertEquals(429, answer.status());
    assertTrue(RETRY_AFTER.matcher(answer.header("Retry-After")).matches());
    assertTrue(answer.body().contains("Too many failed sign-ins. Try again"), answer.body());
    assertEquals(429, consoleSignIn(attacker, "admin", Http.ADMIN_PASSWORD).status());

    Http.Answer admin = consoleSignIn("198.51.100.20", "admin", Http.ADMIN_PASSWORD);
    assertEquals(302, admin.status(), admin.body());
    assertTrue(admin.header("Location").endsWith("/console/tenants.xhtml"));
    String cookie = sessionCookie(admin);
    assertTrue(cookie.contains("; Secure") || cookie.contains(";Secure"), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
  }

  @Test
  void theSessionCookieIsSecureWhenThePublicUrlIsHttps() {
    Http.Answer page = http.get("console/login.xhtml", null);
    assertEquals(200, page.status());
    String cookie = sessionCookie(page);
    assertTrue(cookie.matches("(?i).*;\\s*secure(;.*|$)"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
  }

  @Test
  void everyAuthenticatedApiAnswerIsNoStore() {
    String tenant = http.createTenant("headers");
    String token = Http.bearer(http.mintToken(tenant));
    Http.Answer key =
        http.postJson(
            "api/admin/app-keys",
            Http.admin(),
            "{\"description\":\"headers\",\"tenantId\":\"" + tenant + "\"}");
    assertEquals(201, key.status(), key.body());
    String appKey = Http.bearer(key.json().getString("key"));
    Http.Answer user =
        http.send(
            "POST",
            "scim/v2/Users",
            token,
            "application/scim+json",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ann@example.com\"}");
    assertEquals(201, user.status(), user.body());

    List<Http.Answer> answers =
        List.of(
            http.get("api/admin/tenants", Http.admin()),
            http.get("api/admin/tenants/" + tenant, Http.admin()),
            http.get("api/admin/tenants/" + tenant + "/tokens", Http.admin()),
            http.get("api/admin/tenants/no-such-tenant", Http.admin()),
            http.get("api/admin/app-keys", Http.admin()),
            key,
            user,
            http.get("scim/v2/Users", token),
            http.get("scim/v2/Users/" + user.json().getString("id"), token),
            http.get("scim/v2/Users/no-such-user", token),
            http.get("scim/v2/ServiceProviderConfig", token),
            http.get("api/app/v1/tenants/" + tenant + "/access?email=ann@example.com", appKey),
            http.get("api/app/v1/tenants/" + tenant + "/people?limit=10", appKey),
            http.get("api/app/v1/tenants/" + tenant + "/events?after=0&limit=10", appKey));
    for (Http.Answer answer : answers) {
      assertTrue(answer.status() < 500, answer.status() + " " + answer.body());
      assertEquals(
          "no-store",
          answer.header("Cache-Control"),
          answer.raw().request().uri() + " " + answer.status());
    }
  }

  @Test
  void everyUrlRollcallHandsOutIsThePublicOneWhateverTheProxyForwards() {
    String publicRoot = "https://rollcall.example.test/";
    // The configured URL wins over a trusted proxy's headers, so these change nothing.
    String[] forwarded = {"X-Forwarded-Host", "other.example.test", "X-Forwarded-Proto", "http"};
    Http.Answer tenant =
        http.send(
            "POST",
            "api/admin/tenants",
            Http.admin(),
            "application/json",
            "{\"name\":\"public-urls\"}",
            forwarded);
    assertEquals(201, tenant.status(), tenant.body());
    String tenantId = tenant.json().getString("id");
    assertEquals(publicRoot + "api/admin/tenants/" + tenantId, tenant.header("Location"));
    assertEquals(publicRoot + "scim/v2", tenant.json().getString("scimBaseUrl"));
    Http.Answer groupsOn =
        http.send(
            "PATCH",
            "api/admin/tenants/" + tenantId,
            Http.admin(),
            "application/json",
            "{\"groupsEnabled\":true}");
    assertEquals(200, groupsOn.status(), groupsOn.body());
    String token = Http.bearer(http.mintToken(tenantId));

    Http.Answer user =
        http.send(
            "POST",
            "scim/v2/Users",
            token,
            "application/scim+json",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"public@example.com\"}",
            forwarded);
    assertEquals(201, user.status(), user.body());
    String userId = user.json().getString("id");
    String userUrl = publicRoot + "scim/v2/Users/" + userId;
    assertEquals(userUrl, user.header("Location"));
    assertEquals(userUrl, user.json().getJsonObject("meta").getString("location"));

    Http.Answer group =
        http.send(
            "POST",
            "scim/v2/Groups",
            token,
            "application/scim+json",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Public\",\"members\":[{\"value\":\""
                + userId
                + "\"}]}");
    assertEquals(201, group.status(), group.body());
    String groupUrl = publicRoot + "scim/v2/Groups/" + group.json().getString("id");
    assertEquals(groupUrl, group.header("Location"));
    assertEquals(userUrl, group.json().getJsonArray("members").getJsonObject(0).getString("$ref"));
    Http.Answer member = http.get("scim/v2/Users/" + userId, token, forwarded);
    assertEquals(groupUrl, member.json().getJsonArray("groups").getJsonObject(0).getString("$ref"));

    Http.Answer listed =
        http.get("scim/v2/Users?filter=userName%20eq%20%22public%40example.com%22", token);
    assertEquals(
        userUrl,
        listed
            .json()
            .getJsonArray("Resources")
            .getJsonObject(0)
            .getJsonObject("meta")
            .getString("location"));
    Http.Answer types = http.get("scim/v2/ResourceTypes/User", token, forwarded);
    assertEquals(
        publicRoot + "scim/v2/ResourceTypes/User",
        types.json().getJsonObject("meta").getString("location"));

    Http.Answer signedIn = consoleSignIn("198.51.100.30", "admin", Http.ADMIN_PASSWORD);
    assertEquals(302, signedIn.status(), signedIn.body());
    assertEquals(publicRoot + "console/tenants.xhtml", signedIn.header("Location"));
    Http.Answer signInFirst = http.get("console/tenants.xhtml", null);
    assertEquals(302, signInFirst.status());
    assertEquals(publicRoot + "console/login.xhtml", signInFirst.header("Location"));
    Http.Answer page =
        http.get(
            "console/tenant.xhtml?id=" + tenantId,
            null,
            "Cookie",
            Http.cookies(signedIn, null),
            "X-Forwarded-Host",
            "other.example.test");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("value=\"" + publicRoot + "scim/v2\""), page.body());
  }

  @Test
  void webhooksAimedInsideTheNetworkAreRefusedWhenSaved() {
    String tenant = http.createTenant("ssrf");
    String path = "api/admin/tenants/" + tenant + "/webhook";
    for (String url :
        List.of(
            "https://127.0.0.1/hook",
            "https://localhost/hook",
            "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.5/hook",
            "https://172.16.0.1/hook",
            "https://192.168.1.1/hook",
            "https://100.64.0.1/hook",
            "https://0.0.0.0/hook",
            "https://[::1]/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:a9fe:a9fe]/hook",
            "https://[fd00::1]/hook",
            "https://[fe80::1]/hook",
            "https://224.0.0.1/hook",
            "https://2130706433/hook",
            "http://192.0.2.10/hook",
            "https://user:pw@192.0.2.10/hook",
            "https://[::1/hook",
            "not a url")) {
      Http.Answer answer = http.send("PUT", path, Http.admin(), "application/json", json(url));
      assertEquals(400, answer.status(), url + " " + answer.body());
      assertEquals(400, answer.json().getInt("status"));
      assertTrue(answer.json().getString("message").startsWith("url must"), answer.body());
    }
    assertEquals(
        400, http.send("PUT", path, Http.admin(), "application/json", "{\"url\":5}").status());
    assertEquals(404, http.get(path, Http.admin()).status(), "nothing was saved");

    Http.Answer saved =
        http.send("PUT", path, Http.admin(), "application/json", json("https://192.0.2.10/hook"));
    assertEquals(200, saved.status(), saved.body());
    assertEquals(204, http.send("DELETE", path, Http.admin(), null, null).status());
  }

  @Test
  void malformedCredentialsAndForwardingHeadersAreFourHundreds() {
    for (String authorization :
        List.of(
            "Basic",
            "Basic !!!not-base64!!!",
            "Basic " + "QQ==".repeat(200),
            Http.basic("x".repeat(500), "y"),
            Http.basic("admin\u0000", "pw"),
            "Bearer rcs_nothing")) {
      Http.Answer answer =
          http.get("api/admin/tenants", authorization, "X-Forwarded-For", "203.0.113.200");
      assertTrue(
          answer.status() == 401 || answer.status() == 429,
          authorization.length() + ": " + answer.status());
      answer.json();
    }
    for (String forwarded :
        List.of("garbage", "1.2.3.4, , ,", "[::1", "unknown", "999.1.1.1", ",".repeat(300))) {
      Http.Answer answer =
          http.get("api/admin/tenants", Http.admin(), "X-Forwarded-For", forwarded);
      assertEquals(200, answer.status(), forwarded);
    }
  }

  // --- The OpenAPI contract

  @Test
  void theServedOpenApiDocumentIsTheCheckedInOne() {
    Http.Answer served = http.get("openapi", null);
    assertEquals(200, served.status(), served.body());
    OpenApiContract.writeServed(served.body());
    List<String> differences =
        OpenApiContract.differences(
            OpenApiContract.checkedIn().document(), OpenApiContract.parse(served.body()), 20);
    assertTrue(
        differences.isEmpty(),
        "The OpenAPI document the server generates differs from "
            + OpenApiContract.CHECKED_IN
            + " at "
            + differences
            + ". If the change is intended, copy "
            + OpenApiContract.SERVED
            + " to "
            + OpenApiContract.CHECKED_IN
            + " (see the README's OpenAPI section).");
  }

  @Test
  void realAnswersConformToTheCheckedInOpenApiDocument() {
    String admin = Http.admin();
    List<Sample> samples = new ArrayList<>();
    Http.Answer created = http.postJson("api/admin/tenants", admin, "{\"name\":\"contract\"}");
    samples.add(new Sample("POST", "/api/admin/tenants", created));
    String tenant = created.json().getString("id");
    String tenantPath = "api/admin/tenants/" + tenant;
    samples.add(new Sample("GET", "/api/admin/tenants", http.get("api/admin/tenants", admin)));
    samples.add(
        new Sample(
            "PATCH",
            "/api/admin/tenants/{id}",
            http.send(
                "PATCH",
                tenantPath,
                admin,
                "application/json",
                "{\"groupsEnabled\":true,\"eraseDeactivatedAfterDays\":30}")));
    samples.add(new Sample("GET", "/api/admin/tenants/{id}", http.get(tenantPath, admin)));
    Http.Answer minted =
        http.postJson(tenantPath + "/tokens", admin, "{\"description\":\"contract\"}");
    samples.add(new Sample("POST", "/api/admin/tenants/{id}/tokens", minted));
    samples.add(
        new Sample(
            "GET", "/api/admin/tenants/{id}/tokens", http.get(tenantPath + "/tokens", admin)));
    Http.Answer key =
        http.postJson(
            "api/admin/app-keys",
            admin,
            "{\"description\":\"contract\",\"tenantId\":\"" + tenant + "\"}");
    samples.add(new Sample("POST", "/api/admin/app-keys", key));
    samples.add(
        new Sample(
            "PUT",
            "/api/admin/tenants/{id}/permission-rules",
            http.send(
                "PUT",
                tenantPath + "/permission-rules",
                admin,
                "application/json",
                "[{\"filter\":\"userName pr\",\"group\":\"staff\"}]")));
    samples.add(
        new Sample(
            "PUT",
            "/api/admin/tenants/{id}/webhook",
            http.send(
                "PUT",
                tenantPath + "/webhook",
                admin,
                "application/json",
                "{\"url\":\"https://192.0.2.10/hook\"}")));

    String token = Http.bearer(minted.json().getString("token"));
    Http.Answer user =
        http.send(
            "POST",
            "scim/v2/Users",
            token,
            "application/scim+json",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"contract@example.com\"}");
    assertEquals(201, user.status(), user.body());

    String appKey = Http.bearer(key.json().getString("key"));
    String app = "api/app/v1/tenants/" + tenant;
    samples.add(
        new Sample(
            "GET",
            "/api/app/v1/tenants/{tenantId}/access",
            http.get(app + "/access?email=contract@example.com", appKey)));
    samples.add(
        new Sample(
            "GET", "/api/app/v1/tenants/{tenantId}/people", http.get(app + "/people", appKey)));
    samples.add(
        new Sample(
            "GET",
            "/api/app/v1/tenants/{tenantId}/events",
            http.get(app + "/events?after=0", appKey)));
    samples.add(
        new Sample(
            "GET", "/api/app/v1/tenants/{tenantId}/access", http.get(app + "/access", null)));

    samples.add(
        new Sample(
            "GET", "/api/admin/tenants/{id}/webhook", http.get(tenantPath + "/webhook", admin)));
    samples.add(
        new Sample(
            "GET",
            "/api/admin/tenants/{id}/connection",
            http.get(tenantPath + "/connection", admin)));
    samples.add(
        new Sample("GET", "/api/admin/tenants/{id}/audit", http.get(tenantPath + "/audit", admin)));
    samples.add(new Sample("GET", "/api/admin/trail", http.get("api/admin/trail?limit=5", admin)));
    samples.add(new Sample("GET", "/api/admin/me", http.get("api/admin/me", admin)));
    samples.add(
        new Sample(
            "GET", "/api/admin/tenants/{id}", http.get("api/admin/tenants/no-such-tenant", admin)));
    samples.add(
        new Sample(
            "PATCH",
            "/api/admin/tenants/{id}",
            http.send("PATCH", tenantPath, admin, "application/json", "{\"colour\":\"red\"}")));

    OpenApiContract contract = OpenApiContract.checkedIn();
    List<String> problems = new ArrayList<>();
    Set<Integer> statuses = new TreeSet<>();
    for (Sample sample : samples) {
      statuses.add(sample.answer().status());
      for (String violation :
          contract.violations(
              sample.method(), sample.path(), sample.answer().status(), sample.answer().body())) {
        problems.add(
            sample.method()
                + " "
                + sample.path()
                + " "
                + sample.answer().status()
                + ": "
                + violation);
      }
    }
    assertEquals(Set.of(200, 201, 400, 401, 404), statuses, "the sample's statuses");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private record Sample(String method, String path, Http.Answer answer) {}

  private static String json(String url) {
    return "{\"url\":\"" + url.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  // --- The console's sign-in form over plain HTTP, as a script would drive it

  private static Http.Answer consoleSignIn(String address, String user, String password) {
    Http.Answer page = http.get("console/login.xhtml", null, "X-Forwarded-For", address);
    assertEquals(200, page.status());
    String cookie = Http.cookies(page, null);
    String form =
        "signin=signin"
            + "&"
            + Http.formField("signin:username", user)
            + "&"
            + Http.formField("signin:password", password)
            + "&"
            + Http.formField("signin:submit", "Sign in")
            + "&"
            + Http.formField(
                "jakarta.faces.ViewState", Http.hiddenValue(page.body(), "jakarta.faces.ViewState"))
            + "&"
            + Http.formField("rollcall_csrf", Http.hiddenValue(page.body(), "rollcall_csrf"));
    return http.send(
        "POST",
        "console/login.xhtml",
        null,
        "application/x-www-form-urlencoded",
        form,
        "Cookie",
        cookie,
        "X-Forwarded-For",
        address);
  }

  private static String sessionCookie(Http.Answer answer) {
    String cookie =
        answer.raw().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .reduce((first, second) -> second)
            .orElse(null);
    assertNotNull(cookie, "no session cookie in " + answer.raw().headers().map());
    return cookie;
  }
}
