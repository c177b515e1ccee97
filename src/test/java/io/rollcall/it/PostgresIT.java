package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.testdb.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rollcall started exactly as the README's production section says — the production post-boot file,
 * the database from ROLLCALL_DB_URL / ROLLCALL_DB_USER / ROLLCALL_DB_PASSWORD, the PostgreSQL
 * driver added with {@code --addlibs} — on a real PostgreSQL, answering the requests Okta and Entra
 * ID send.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIT {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private TestDatabase database;
  private MicroServer server;
  private Http http;

  @BeforeAll
  void start() throws Exception {
    database = TestDatabase.postgres();
    Path work = Path.of(System.getProperty("rollcall.it.data", "target/it-data"), "postgres");
    server =
        new MicroServer(
            work.resolve("unused-h2"),
            work.resolve("logs"),
            Map.of(
                "ROLLCALL_DB_URL", database.url(),
                "ROLLCALL_DB_USER", database.user(),
                "ROLLCALL_DB_PASSWORD", "not-checked-by-the-test-server"),
            List.of("post-boot-production.asadmin"),
            List.of(
                "--addlibs",
                Path.of(System.getProperty("rollcall.postgresqlJar", "target/postgresql.jar"))
                    .toAbsolutePath()
                    .toString()));
    server.start();
    http = new Http(server.base());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private record Tenant(String id, String bearer) {}

  private Tenant tenant() {
    String id = http.createTenant("pg-" + UUID.randomUUID().toString().substring(0, 8));
    return new Tenant(id, Http.bearer(http.mintToken(id)));
  }

  private Http.Answer post(Tenant tenant, String path, String json) {
    return http.send("POST", path, tenant.bearer(), "application/scim+json", json);
  }

  private Http.Answer createUser(Tenant tenant, String userName, String externalId) {
    Http.Answer created =
        post(
            tenant,
            "scim/v2/Users",
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\""
                + userName
                + "\",\"externalId\":\""
                + externalId
                + "\",\"name\":{\"givenName\":\"Ann\",\"familyName\":\"Lee\"},"
                + "\"emails\":[{\"primary\":true,\"value\":\""
                + userName
                + "\",\"type\":\"work\"}],\"active\":true,\"password\":\"t1meMa$heen\"}");
    assertEquals(201, created.status(), created.body());
    return created;
  }

  private int totalResults(Tenant tenant, String filter) {
    Http.Answer found =
        http.get(
            "scim/v2/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
            tenant.bearer());
    assertEquals(200, found.status(), found.body());
    return found.json().getInt("totalResults");
  }

  /**
   * A tenant whose settings name the identity provider (README, "IdP profiles"), so the requests
   * below get that provider's tolerances and no other.
   */
  private Tenant tenant(String idpProfile) {
    Tenant tenant = tenant();
    Http.Answer set =
        http.send(
            "PATCH",
            "api/admin/tenants/" + tenant.id(),
            Http.admin(),
            "application/json",
            "{\"idpProfile\":\"" + idpProfile + "\"}");
    assertEquals(200, set.status(), set.body());
    assertEquals(idpProfile, set.json().getString("idpProfile"));
    return tenant;
  }

  /** RFC 7644 §3.3, §3.4.2, §3.5.1, §3.6 in the shapes Okta sends them, under the Okta profile. */
  @Test
  void oktaUserLifecycle() {
    Tenant tenant = tenant("okta");
    String id = createUser(tenant, "ann.lee@example.com", "00u1ann").json().getString("id");

    // Okta's lookup before create: userName is caseExact false (RFC 7643 §4.1.1).
    assertEquals(1, totalResults(tenant, "userName eq \"ANN.LEE@example.com\""));
    assertEquals(0, totalResults(tenant, "userName eq \"nobody@example.com\""));

    Http.Answer read = http.get("scim/v2/Users/" + id, tenant.bearer());
    assertEquals(200, read.status());
    assertNotNull(read.header("ETag"));

    // Okta: full replace.
    Http.Answer replaced =
        http.send(
            "PUT",
            "scim/v2/Users/" + id,
            tenant.bearer(),
            "application/scim+json",
            "{\"schemas\":[\""
                + USER
                + "\"],\"userName\":\"ann.lee@example.com\",\"externalId\":\"00u1ann\","
                + "\"name\":{\"givenName\":\"Annie\",\"familyName\":\"Lee\"},\"active\":true}");
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals("Annie", replaced.json().getJsonObject("name").getString("givenName"));

    Http.Answer duplicate = createUser(tenant, "other@example.com", "00u2");
    assertEquals(201, duplicate.status());
    Http.Answer taken =
        post(
            tenant,
            "scim/v2/Users",
            "{\"schemas\":[\"" + USER + "\"],\"userName\":\"Ann.Lee@Example.com\"}");
    assertEquals(409, taken.status());
    assertEquals("uniqueness", taken.json().getString("scimType"));

    assertEquals(
        204, http.send("DELETE", "scim/v2/Users/" + id, tenant.bearer(), null, null).status());
    assertEquals(404, http.get("scim/v2/Users/" + id, tenant.bearer()).status());
  }

  /**
   * RFC 7644 §3.4.2 and §3.5.2 in the shapes Entra ID sends them, under the Entra ID profile: the
   * work-email filter and the capitalised op with a boolean as a string are its tolerances.
   */
  @Test
  void entraIdUserLifecycle() {
    Tenant tenant = tenant("entra-id");
    String id = createUser(tenant, "ann.lee@example.com", "00u1ann").json().getString("id");

    // Entra's lookups by externalId and by work email.
    assertEquals(1, totalResults(tenant, "externalId eq \"00u1ann\""));
    assertEquals(
        1, totalResults(tenant, "emails[type eq \"work\"].value eq \"ann.lee@example.com\""));
    assertEquals(0, totalResults(tenant, "externalId eq \"00u9nobody\""));

    // Entra ID: capitalised op, boolean as a string.
    Http.Answer deactivated =
        http.send(
            "PATCH",
            "scim/v2/Users/" + id,
            tenant.bearer(),
            "application/scim+json",
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
    assertEquals(200, deactivated.status(), deactivated.body());
    assertEquals(false, deactivated.json().getBoolean("active"));

    assertEquals(
        204, http.send("DELETE", "scim/v2/Users/" + id, tenant.bearer(), null, null).status());
    assertEquals(404, http.get("scim/v2/Users/" + id, tenant.bearer()).status());
  }

  /** RFC 7644 §3.4.2.4 index paging, RFC 9865 cursors and §3.4.2.3 sorting, on PostgreSQL. */
  @Test
  void pagesCursorsAndSorting() {
    Tenant tenant = tenant();
    List<String> names =
        List.of("dave@x.com", "Bob@x.com", "erin@x.com", "ann@x.com", "Carl@x.com");
    for (String name : names) {
      createUser(tenant, name, "ext-" + name);
    }
    Http.Answer page = http.get("scim/v2/Users?startIndex=2&count=2", tenant.bearer());
    assertEquals(200, page.status());
    assertEquals(5, page.json().getInt("totalResults"));
    assertEquals(2, page.json().getJsonArray("Resources").size());
    assertEquals(2, page.json().getInt("startIndex"));

    Set<String> walked = new HashSet<>();
    String cursor = "";
    while (cursor != null) {
      Http.Answer step =
          http.get(
              "scim/v2/Users?count=2&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
              tenant.bearer());
      assertEquals(200, step.status(), step.body());
      for (JsonValue user : step.json().getJsonArray("Resources")) {
        assertTrue(
            walked.add(user.asJsonObject().getString("id")), "a cursor page repeated a user");
      }
      cursor = step.json().getString("nextCursor", null);
    }
    assertEquals(5, walked.size());

    Http.Answer sorted = http.get("scim/v2/Users?sortBy=userName", tenant.bearer());
    List<String> order = new ArrayList<>();
    for (JsonValue user : sorted.json().getJsonArray("Resources")) {
      order.add(user.asJsonObject().getString("userName"));
    }
    // caseExact false: case-insensitive order (RFC 7643 §2.2), whatever the database collation.
    assertEquals(
        List.of("ann@x.com", "Bob@x.com", "Carl@x.com", "dave@x.com", "erin@x.com"), order);
  }

  /**
   * Twenty simultaneous creates of one userName (an IdP retrying, or two connectors): each checks
   * that the name is free, so on PostgreSQL all but one reach the unique index. RFC 7644 §3.3: the
   * losers get 409 uniqueness, never a 500.
   */
  @Test
  void simultaneousCreatesOfOneUserNameAreOne201AndOtherwise409() throws Exception {
    Tenant tenant = tenant();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<Http.Answer>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(
            () ->
                post(
                    tenant,
                    "scim/v2/Users",
                    "{\"schemas\":[\"" + USER + "\"],\"userName\":\"race@example.com\"}"));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Answer> answer : pool.invokeAll(calls)) {
        statuses.add(answer.get().status());
        if (answer.get().status() == 409) {
          assertEquals("uniqueness", answer.get().json().getString("scimType"));
        }
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  /** PostgreSQL refuses NUL in text: the client must get a SCIM 400, not a 500. */
  @Test
  void nulCharactersAreA400NotA500() {
    Tenant tenant = tenant();
    Http.Answer created =
        post(
            tenant,
            "scim/v2/Users",
            "{\"schemas\":[\"" + USER + "\"],\"userName\":\"a\\u0000b@example.com\"}");
    assertEquals(400, created.status(), created.body());
    assertEquals("invalidValue", created.json().getString("scimType"));
    assertEquals("400", created.json().getString("status"));

    Http.Answer filtered =
        http.get(
            "scim/v2/Users?filter="
                + URLEncoder.encode("userName eq \"a\\u0000b\"", StandardCharsets.UTF_8),
            tenant.bearer());
    assertEquals(400, filtered.status(), filtered.body());
    assertEquals("invalidFilter", filtered.json().getString("scimType"));
  }

  /** Groups with members, and Entra's members[value eq] filter, on PostgreSQL. */
  @Test
  void groupsAndMemberFilters() {
    Tenant tenant = tenant("entra-id");
    assertEquals(
        200,
        http.send(
                "PATCH",
                "api/admin/tenants/" + tenant.id(),
                Http.admin(),
                "application/json",
                "{\"groupsEnabled\":true}")
            .status());
    String ann = createUser(tenant, "ann@g.com", "g1").json().getString("id");
    Http.Answer group =
        post(
            tenant,
            "scim/v2/Groups",
            "{\"schemas\":[\""
                + GROUP
                + "\"],\"displayName\":\"Finance\",\"members\":[{\"value\":\""
                + ann
                + "\"}]}");
    assertEquals(201, group.status(), group.body());
    String filter =
        URLEncoder.encode(
            "displayName eq \"finance\" and members[value eq \"" + ann + "\"]",
            StandardCharsets.UTF_8);
    Http.Answer found =
        http.get(
            "scim/v2/Groups?filter=" + filter + "&excludedAttributes=members", tenant.bearer());
    assertEquals(200, found.status(), found.body());
    assertEquals(1, found.json().getInt("totalResults"));
    JsonObject user = http.get("scim/v2/Users/" + ann, tenant.bearer()).json();
    assertEquals(
        group.json().getString("id"),
        user.getJsonArray("groups").getJsonObject(0).getString("value"));
  }

  /** Events are numbered 1, 2, 3, … with no gap on PostgreSQL too. */
  @Test
  void eventsAreGaplessAndInOrder() {
    Tenant tenant = tenant();
    Http.Answer key =
        http.postJson(
            "api/admin/app-keys",
            Http.admin(),
            "{\"description\":\"pg\",\"tenantId\":\"" + tenant.id() + "\"}");
    assertEquals(201, key.status(), key.body());
    for (int i = 0; i < 5; i++) {
      createUser(tenant, "e" + i + "@events.com", "ev" + i);
    }
    Http.Answer events =
        http.get(
            "api/app/v1/tenants/" + tenant.id() + "/events?after=0",
            Http.bearer(key.json().getString("key")));
    assertEquals(200, events.status(), events.body());
    long expected = 1;
    for (JsonValue event : events.json().getJsonArray("events")) {
      assertEquals(expected++, event.asJsonObject().getJsonNumber("seq").longValue());
    }
    assertEquals(6, expected, "one provisioned event per user");
  }

  /**
   * A write that waits on a row lock held elsewhere (a long transaction, another node, an
   * operator's session) must not hang its client and hold a pooled connection for good: PostgreSQL
   * waits without limit unless told otherwise, so the production pool sets {@code lock_timeout}.
   * The client gets 503 with {@code Retry-After} and a SCIM error body (RFC 7644 §3.12; RFC 9110
   * §15.6.4, §10.2.3), reads keep answering meanwhile, and the same write succeeds once the lock is
   * gone.
   */
  @Test
  void aWriteBlockedByALockIsA503WithRetryAfterThenSucceeds() throws Exception {
    Tenant tenant = tenant();
    String id = createUser(tenant, "locked@lock.com", "lock-1").json().getString("id");
    String deactivate =
        "{\"schemas\":[\""
            + PATCH_OP
            + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}";
    try (Connection elsewhere = database.dataSource().getConnection()) {
      elsewhere.setAutoCommit(false);
      try (PreparedStatement lock =
          elsewhere.prepareStatement("SELECT id FROM scim_user WHERE id = ? FOR UPDATE")) {
        lock.setString(1, id);
        lock.executeQuery().close();
      }
      long started = System.nanoTime();
      Http.Answer refused =
          http.send(
              "PATCH", "scim/v2/Users/" + id, tenant.bearer(), "application/scim+json", deactivate);
      long waited = (System.nanoTime() - started) / 1_000_000;
      assertEquals(503, refused.status(), refused.body());
      assertNotNull(refused.header("Retry-After"), "Retry-After");
      JsonObject error = refused.json();
      assertEquals(
          "urn:ietf:params:scim:api:messages:2.0:Error",
          error.getJsonArray("schemas").getString(0));
      assertEquals("503", error.getString("status"));
      assertTrue(
          waited >= 9_000 && waited < 25_000,
          "answered when the 10 s lock timeout ran out, not earlier, not at the client's: "
              + waited);
      assertEquals(200, http.get("scim/v2/Users/" + id, tenant.bearer()).status());
      elsewhere.rollback();
    }
    Http.Answer patched =
        http.send(
            "PATCH", "scim/v2/Users/" + id, tenant.bearer(), "application/scim+json", deactivate);
    assertEquals(200, patched.status(), patched.body());
    assertEquals(false, patched.json().getBoolean("active"));
  }
}
