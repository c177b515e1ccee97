package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.rollcall.testdb.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro nodes forming one cluster (Payara's data grid, members listed over TCP on
 * loopback, each node on its own random ports) on one real PostgreSQL, started as the README's
 * "Running a cluster" section says. Each check changes something through one node and asks the
 * other at once: no node may answer from what it saw before. The last check kills a node with
 * SIGKILL while it is delivering webhooks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  private TestDatabase database;
  private MicroServer a;
  private MicroServer b;
  private Http httpA;
  private Http httpB;

  @BeforeAll
  void start() throws Exception {
    database = TestDatabase.postgres();
    int gridA = Ports.unused();
    int gridB = Ports.unused();
    String members = "tcpip:127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
    String name = "rollcall-it-" + UUID.randomUUID().toString().substring(0, 8);
    Path work = Path.of(System.getProperty("rollcall.it.data", "target/it-data"), "cluster");
    a = node(work.resolve("a"), members, gridA, name);
    b = node(work.resolve("b"), members, gridB, name);
    // One after the other: on two cores two boots at once take longer than two in a row.
    a.start();
    b.start();
    httpA = new Http(a.base());
    httpB = new Http(b.base());
  }

  @AfterAll
  void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  private MicroServer node(Path dir, String members, int gridPort, String clusterName) {
    return new MicroServer(
        dir.resolve("unused-h2"),
        dir.resolve("logs"),
        Map.ofEntries(
            Map.entry("ROLLCALL_DB_URL", database.url()),
            Map.entry("ROLLCALL_DB_USER", database.user()),
            Map.entry("ROLLCALL_DB_PASSWORD", "not-checked-by-the-test-server"),
            Map.entry("ROLLCALL_WEBHOOKS_ALLOW_PRIVATE", "true"),
            Map.entry("ROLLCALL_WEBHOOKS_INTERVAL", "PT1S"),
            Map.entry("ROLLCALL_WEBHOOKS_TIMEOUT", "PT2S"),
            Map.entry("ROLLCALL_ERASE_INTERVAL", "PT2S"),
            Map.entry("ROLLCALL_PURGE_INITIAL_DELAY", "PT2S"),
            Map.entry("ROLLCALL_PURGE_INTERVAL", "PT3S"),
            Map.entry("ROLLCALL_TOKENS_RETENTION", "PT2S")),
        List.of("post-boot-production.asadmin"),
        List.of(
            "--addlibs",
            Path.of(System.getProperty("rollcall.postgresqlJar", "target/postgresql.jar"))
                .toAbsolutePath()
                .toString(),
            "--clustermode",
            members,
            "--startport",
            Integer.toString(gridPort),
            "--interfaces",
            "127.0.0.1",
            "--clustername",
            clusterName));
  }

  @Test
  @Order(1)
  void theTwoNodesFormOneDataGrid() throws Exception {
    for (int i = 0;
        i < 60 && !(a.log().contains("DG Size: 2") && b.log().contains("DG Size: 2"));
        i++) {
      Thread.sleep(500);
    }
    assertTrue(a.log().contains("DG Size: 2"), "node a sees two members");
    assertTrue(b.log().contains("DG Size: 2"), "node b sees two members");
  }

  @Test
  @Order(2)
  void aTokenRevokedThroughOneNodeIsRefusedByTheOtherAtOnce() {
    String tenant = httpA.createTenant(unique("revoke"));
    Http.Answer minted =
        httpA.postJson(
            "api/admin/tenants/" + tenant + "/tokens", Http.admin(), "{\"description\":\"IdP\"}");
    String bearer = Http.bearer(minted.json().getString("token"));
    assertEquals(200, httpB.get("scim/v2/Users", bearer).status());
    assertEquals(200, httpA.get("scim/v2/Users", bearer).status());

    Http.Answer revoked =
        httpA.send(
            "DELETE",
            "api/admin/tenants/" + tenant + "/tokens/" + minted.json().getString("id"),
            Http.admin(),
            null,
            null);
    assertEquals(204, revoked.status());
    assertEquals(401, httpB.get("scim/v2/Users", bearer).status());
  }

  @Test
  @Order(3)
  void aTenantDisabledThroughOneNodeIsRefusedByTheOtherAtOnce() {
    String tenant = httpA.createTenant(unique("disable"));
    String bearer = Http.bearer(httpA.mintToken(tenant));
    assertEquals(200, httpB.get("scim/v2/Users", bearer).status());

    assertEquals(200, changeTenant(httpA, tenant, "{\"active\":false}").status());
    assertEquals(401, httpB.get("scim/v2/Users", bearer).status());
    assertEquals(200, changeTenant(httpB, tenant, "{\"active\":true}").status());
    assertEquals(200, httpA.get("scim/v2/Users", bearer).status());
  }

  /**
   * A tenant's SCIM rate limit is read with its token, so a limit set through one node holds on the
   * other's next request; the buckets themselves are each node's own (README: per node).
   */
  @Test
  @Order(3)
  void aRateLimitSetThroughOneNodeHoldsOnTheOtherAtOnceWithABucketPerNode() {
    String tenant = httpA.createTenant(unique("limit"));
    String bearer = Http.bearer(httpA.mintToken(tenant));
    assertEquals(
        200, changeTenant(httpA, tenant, "{\"scimRequestsPerSecond\":1,\"scimBurst\":3}").status());

    int served = 0;
    Http.Answer answer = httpB.get("scim/v2/Users?count=1", bearer);
    for (int i = 0; i < 10 && answer.status() != 429; i++) {
      assertEquals(200, answer.status(), answer.body());
      served++;
      answer = httpB.get("scim/v2/Users?count=1", bearer);
    }
    assertEquals(429, answer.status(), "node b applies the limit set through node a");
    assertTrue(served >= 3, "node b served the burst first: " + served);
    assertEquals(
        200,
        httpA.get("scim/v2/Users?count=1", bearer).status(),
        "node a's bucket is its own and still full");

    assertEquals(200, changeTenant(httpA, tenant, "{\"scimRateLimit\":\"unlimited\"}").status());
    for (int i = 0; i < 10; i++) {
      assertEquals(200, httpB.get("scim/v2/Users?count=1", bearer).status(), "request " + i);
    }
  }

  @Test
  @Order(4)
  void theAccessCheckOfOneNodeReflectsADeactivationOnTheOtherAtOnce() {
    Tenant t = tenant("access");
    String id = t.create(httpA, user("ann@cluster.test", null));
    assertTrue(t.access(httpB, "ann@cluster.test").getBoolean("hasAccess"));

    assertEquals(200, t.deactivate(httpA, id).status());
    assertFalse(t.access(httpB, "ann@cluster.test").getBoolean("hasAccess"));
    assertEquals(200, t.patch(httpB, id, "{\"active\":true}").status());
    assertTrue(t.access(httpA, "ann@cluster.test").getBoolean("hasAccess"));
  }

  @Test
  @Order(5)
  void aRuleChangedThroughOneNodeIsAppliedByTheOtherAtOnce() {
    Tenant t = tenant("rules");
    assertEquals(200, t.rules(httpA, "Finance").status());
    // Node b compiles the rules as they are now...
    t.create(httpB, user("bo@cluster.test", "Finance"));
    assertEquals(
        List.of("Finance"), groups(t.access(httpB, "bo@cluster.test")), "the rule as first set");

    // ...and must not keep using them once node a has replaced them.
    assertEquals(200, t.rules(httpA, "Money").status());
    t.create(httpB, user("cy@cluster.test", "Finance"));
    assertEquals(List.of("Money"), groups(t.access(httpB, "cy@cluster.test")));
  }

  @Test
  @Order(6)
  void aUserWrittenThroughOneNodeReadsTheSameThroughTheOther() {
    Tenant t = tenant("etag");
    Http.Answer created = t.scim(httpA, "POST", "Users", user("di@cluster.test", null));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    Http.Answer read = t.scim(httpB, "GET", "Users/" + id, null);
    assertEquals(200, read.status());
    assertEquals(created.header("ETag"), read.header("ETag"));
    assertEquals(meta(created), meta(read));

    Http.Answer patched = t.patch(httpB, id, "{\"title\":\"Lead\"}");
    assertEquals(200, patched.status());
    Http.Answer again = t.scim(httpA, "GET", "Users/" + id, null);
    assertEquals(patched.header("ETag"), again.header("ETag"));
    assertEquals("Lead", again.json().getString("title"));
    assertFalse(patched.header("ETag").equals(created.header("ETag")));
  }

  @Test
  @Order(7)
  void aConsoleSessionAndItsShownOnceSecretWorkOnEitherNode() throws Exception {
    String tenant = httpA.createTenant(unique("console"));
    Browser browser = new Browser();
    browser.signIn(a);
    Browser.Page tenants = browser.get(b, "console/tenants.xhtml");
    assertEquals(200, tenants.status(), "node b knows the session node a signed in");
    assertTrue(tenants.body().contains("Tenants"));
    assertEquals(
        302,
        new Browser().get(b, "console/tenants.xhtml").status(),
        "without the session: the sign-in page");

    Browser.Page page = browser.get(a, "console/tenant.xhtml?id=" + tenant);
    Browser.Page minted =
        browser.submit(a, page, "mint", Map.of("mint:description", "IdP", "mint:expiry", ""));
    assertEquals(302, minted.status(), minted.body());
    String shownAt = minted.location();
    assertTrue(shownAt.contains("shown="), shownAt);

    Browser.Page shown =
        browser.get(
            b,
            URI.create(shownAt).getRawPath().substring(1)
                + "?"
                + URI.create(shownAt).getRawQuery());
    assertEquals(200, shown.status());
    Matcher secret = Pattern.compile("value=\"(rcs_[A-Za-z0-9_-]+)\"").matcher(shown.body());
    assertTrue(secret.find(), "node b shows the secret minted on node a");
    assertEquals(200, httpA.get("scim/v2/Users", Http.bearer(secret.group(1))).status());

    Browser.Page reloaded =
        browser.get(
            a,
            URI.create(shownAt).getRawPath().substring(1)
                + "?"
                + URI.create(shownAt).getRawQuery());
    assertFalse(reloaded.body().contains(secret.group(1)), "shown once, on whichever node");
  }

  @Test
  @Order(8)
  void eachDeactivatedUserIsErasedOnceAndStaleTokensArePurged() throws Exception {
    Tenant t = tenant("erase");
    assertEquals(
        200,
        changeTenant(httpA, t.id, "{\"deletePolicy\":\"erase\",\"eraseDeactivatedAfterDays\":0}")
            .status());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Http node = i % 2 == 0 ? httpA : httpB;
      String id = t.create(node, user("leaver" + i + "@cluster.test", null));
      t.deactivate(node, id);
      ids.add(id);
    }
    for (String id : ids) {
      boolean erased = false;
      for (int i = 0; i < 60 && !erased; i++) {
        erased = t.scim(httpA, "GET", "Users/" + id, null).status() == 404;
        if (!erased) {
          Thread.sleep(500);
        }
      }
      assertTrue(erased, "erased: " + id);
      assertEquals(404, t.scim(httpB, "GET", "Users/" + id, null).status());
    }
    // Two erasure ticks more: a second runner would have written a second event by now.
    Thread.sleep(4_000);
    List<JsonObject> events = t.events(httpB);
    for (String id : ids) {
      long deletions =
          events.stream()
              .filter(e -> id.equals(e.getString("scimUserId", null)))
              .filter(e -> e.getString("kind").equalsIgnoreCase("deleted"))
              .count();
      assertEquals(1, deletions, "one deletion event for " + id);
    }

    Http.Answer minted =
        httpB.postJson("api/admin/tenants/" + t.id + "/tokens", Http.admin(), "{}");
    String tokenId = minted.json().getString("id");
    httpB.send(
        "DELETE", "api/admin/tenants/" + t.id + "/tokens/" + tokenId, Http.admin(), null, null);
    boolean purged = false;
    for (int i = 0; i < 40 && !purged; i++) {
      Thread.sleep(500);
      purged =
          !httpA
              .get("api/admin/tenants/" + t.id + "/tokens", Http.admin())
              .body()
              .contains(tokenId);
    }
    assertTrue(purged, "a token revoked longer ago than the retention is purged");
  }

  @Test
  @Order(9)
  void webhookEventsArriveInOrderFromBothNodesAndAfterTheSenderIsKilled() throws Exception {
    List<Long> received = java.util.Collections.synchronizedList(new ArrayList<>());
    boolean[] slow = {false};
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher seq = SEQ.matcher(body);
          received.add(seq.find() ? Long.parseLong(seq.group(1)) : -1);
          try {
            if (slow[0]) {
              Thread.sleep(300);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    receiver.start();
    try {
      Tenant t = tenant("webhook");
      Http.Answer configured =
          httpA.send(
              "PUT",
              "api/admin/tenants/" + t.id + "/webhook",
              Http.admin(),
              "application/json",
              "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
      assertEquals(200, configured.status(), configured.body());

      // Both nodes write and both nodes' timers dispatch.
      for (int i = 0; i < 10; i++) {
        t.create(i % 2 == 0 ? httpA : httpB, user("hook" + i + "@cluster.test", null));
      }
      long latest = awaitDelivered(t, httpB, Duration.ofSeconds(60));
      assertEquals(inOrder(latest), collapseRepeats(received), "in order, nothing missing");

      // A slow receiver, more events, and the node holding the tenant's lease dies mid-delivery.
      slow[0] = true;
      int before = received.size();
      for (int i = 10; i < 30; i++) {
        t.create(i % 2 == 0 ? httpA : httpB, user("hook" + i + "@cluster.test", null));
      }
      for (int i = 0; i < 100 && received.size() < before + 3; i++) {
        Thread.sleep(100);
      }
      MicroServer sender = leaseHolder("webhook:" + t.id);
      MicroServer survivor = sender == a ? b : a;
      sender.kill();
      Http survivorHttp = new Http(survivor.base());
      slow[0] = false;
      latest = awaitDelivered(t, survivorHttp, Duration.ofSeconds(90));
      assertEquals(
          inOrder(latest),
          collapseRepeats(received),
          "in order and nothing missing after the kill; at most the event in flight repeats");
    } finally {
      receiver.stop(0);
    }
  }

  /** Waits until the webhook's position reaches the tenant's latest event; returns that seq. */
  private long awaitDelivered(Tenant t, Http node, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonObject status = null;
    while (System.nanoTime() < deadline) {
      status = node.get("api/admin/tenants/" + t.id + "/webhook", Http.admin()).json();
      if (status.getJsonNumber("latestSeq").longValue() > 0
          && status.getJsonNumber("deliveredSeq").longValue()
              == status.getJsonNumber("latestSeq").longValue()) {
        return status.getJsonNumber("latestSeq").longValue();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not delivered in time: " + status);
  }

  /** The node whose process holds the lease now (lease holders are named "pid@host/…"). */
  private MicroServer leaseHolder(String lease) throws Exception {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
        PreparedStatement query =
            connection.prepareStatement("SELECT holder FROM lease WHERE name = ?")) {
      query.setString(1, lease);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "the tenant's sender holds a lease");
        String holder = row.getString(1);
        if (holder.startsWith(a.pid() + "@")) {
          return a;
        }
        assertTrue(holder.startsWith(b.pid() + "@"), holder);
        return b;
      }
    }
  }

  private static List<Long> inOrder(long latest) {
    List<Long> all = new ArrayList<>();
    for (long seq = 1; seq <= latest; seq++) {
      all.add(seq);
    }
    return all;
  }

  /** At least once: an event whose acceptance was not recorded comes again, right after itself. */
  private static List<Long> collapseRepeats(List<Long> received) {
    List<Long> collapsed = new ArrayList<>();
    synchronized (received) {
      for (Long seq : received) {
        if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(seq)) {
          collapsed.add(seq);
        }
      }
    }
    return collapsed;
  }

  private static List<String> groups(JsonObject access) {
    return access.getJsonArray("permissionGroups").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static String meta(Http.Answer answer) {
    JsonObject meta = answer.json().getJsonObject("meta");
    return meta.getString("version")
        + " "
        + meta.getString("created")
        + " "
        + meta.getString("lastModified");
  }

  private static Http.Answer changeTenant(Http node, String tenant, String json) {
    return node.send(
        "PATCH", "api/admin/tenants/" + tenant, Http.admin(), "application/json", json);
  }

  private static String user(String email, String department) {
    return "{\"schemas\":[\""
        + USER
        + "\"],\"userName\":\""
        + email
        + "\",\"active\":true"
        + (department == null
            ? ""
            : ",\"" + ENTERPRISE + "\":{\"department\":\"" + department + "\"}")
        + "}";
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A tenant made through node a, with a SCIM token and an application key that work anywhere. */
  private Tenant tenant(String prefix) {
    String id = httpA.createTenant(unique(prefix));
    String token = httpA.mintToken(id);
    Http.Answer key =
        httpA.postJson(
            "api/admin/app-keys",
            Http.admin(),
            "{\"description\":\"host app\",\"tenantId\":\"" + id + "\"}");
    assertEquals(201, key.status(), key.body());
    return new Tenant(id, token, key.json().getString("key"));
  }

  private record Tenant(String id, String scimToken, String appKey) {

    Http.Answer scim(Http node, String method, String path, String json) {
      return node.send(
          method,
          "scim/v2/" + path,
          Http.bearer(scimToken),
          json == null ? null : "application/scim+json",
          json);
    }

    String create(Http node, String json) {
      Http.Answer created = scim(node, "POST", "Users", json);
      assertEquals(201, created.status(), created.body());
      return created.json().getString("id");
    }

    Http.Answer patch(Http node, String id, String replacement) {
      return scim(
          node,
          "PATCH",
          "Users/" + id,
          "{\"schemas\":[\""
              + PATCH_OP
              + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":"
              + replacement
              + "}]}");
    }

    Http.Answer deactivate(Http node, String id) {
      return patch(node, id, "{\"active\":false}");
    }

    JsonObject access(Http node, String email) {
      Http.Answer answer =
          node.get(
              "api/app/v1/tenants/"
                  + id
                  + "/access?email="
                  + URLEncoder.encode(email, StandardCharsets.UTF_8),
              Http.bearer(appKey));
      assertEquals(200, answer.status(), answer.body());
      return answer.json();
    }

    Http.Answer rules(Http node, String financeGroup) {
      return node.send(
          "PUT",
          "api/admin/tenants/" + id + "/permission-rules",
          Http.admin(),
          "application/json",
          "[{\"filter\":\""
              + ENTERPRISE
              + ":department eq \\\"Finance\\\"\",\"group\":\""
              + financeGroup
              + "\"}]");
    }

    List<JsonObject> events(Http node) {
      Http.Answer page =
          node.get("api/app/v1/tenants/" + id + "/events?limit=1000", Http.bearer(appKey));
      assertEquals(200, page.status(), page.body());
      return page.json().getJsonArray("events").getValuesAs(JsonObject.class);
    }
  }

  /**
   * A browser as far as the console needs one: cookies (shared by both nodes, as behind a load
   * balancer that does not stick sessions to a node), and form posts with the page's view state and
   * CSRF token.
   */
  private static final class Browser {
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    record Page(int status, String body, String location) {}

    Page get(MicroServer node, String path) throws Exception {
      return send(HttpRequest.newBuilder(node.base().toURI().resolve(path)).GET());
    }

    void signIn(MicroServer node) throws Exception {
      Page login = get(node, "console/login.xhtml");
      Page signedIn =
          submit(
              node,
              login,
              "signin",
              Map.of("signin:username", "admin", "signin:password", Http.ADMIN_PASSWORD));
      assertEquals(302, signedIn.status(), signedIn.body());
      assertFalse(signedIn.location().contains("login"), signedIn.location());
    }

    /** Posts the page's form {@code formId} with its hidden fields, its submit button and these. */
    Page submit(MicroServer node, Page page, String formId, Map<String, String> fields)
        throws Exception {
      Matcher form =
          Pattern.compile(
                  "<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"(.*?)</form>",
                  Pattern.DOTALL)
              .matcher(page.body());
      assertTrue(form.find(), "form " + formId);
      StringBuilder body = new StringBuilder();
      append(body, formId + ":submit", "submit");
      Matcher hidden =
          Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
              .matcher(form.group(2));
      while (hidden.find()) {
        append(body, hidden.group(1), hidden.group(2).replace("&amp;", "&"));
      }
      fields.forEach((name, value) -> append(body, name, value));
      return send(
          HttpRequest.newBuilder(node.base().toURI().resolve(form.group(1).substring(1)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static void append(StringBuilder body, String name, String value) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private Page send(HttpRequest.Builder request) throws Exception {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Location").orElse(""));
    }
  }
}
