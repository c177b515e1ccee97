package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Named admin accounts, their roles and admin API tokens, and the admin trail, black-box: a table
 * of every admin API endpoint against every kind of caller (owner and auditor, each by password and
 * by admin token, and nobody), the console's read-only auditors, and the trail entry of each kind
 * of action — none of which may contain a secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminRolesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  /** Who may call an endpoint. */
  private enum Access {
    /** Every admin: owners and auditors alike. */
    READ,
    /** Owners only. */
    OWNER,
    /** Every admin, but signed in with a password: a token cannot mint tokens. */
    PASSWORD_ONLY
  }

  private enum Caller {
    OWNER_PASSWORD,
    OWNER_TOKEN,
    AUDITOR_PASSWORD,
    AUDITOR_TOKEN,
    NOBODY
  }

  private record Endpoint(Access access, String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every admin API endpoint. Unknown ids are fine: the role is checked before the method runs. */
  private static List<Endpoint> endpoints() {
    return List.of(
        new Endpoint(Access.READ, "GET", "api/admin/tenants", null),
        new Endpoint(Access.READ, "GET", "api/admin/tenants/{t}", null),
        new Endpoint(Access.READ, "GET", "api/admin/tenants/{t}/tokens", null),
        new Endpoint(Access.READ, "GET", "api/admin/tenants/{t}/accounts", null),
        new Endpoint(Access.READ, "GET", "api/admin/app-keys", null),
        new Endpoint(Access.READ, "GET", "api/admin/tenants/{t}/permission-rules", null),
        new Endpoint(
            Access.READ,
            "POST",
            "api/admin/tenants/{t}/permission-rules/preview",
            "{\"filter\":\"userName pr\"}"),
        new Endpoint(Access.READ, "GET", "api/admin/tenants/{t}/webhook", null),
        new Endpoint(Access.READ, "GET", "api/admin/tenants/{t}/audit", null),
        new Endpoint(Access.READ, "GET", "api/admin/tenants/{t}/connection", null),
        new Endpoint(Access.READ, "GET", "api/admin/trail", null),
        new Endpoint(Access.READ, "GET", "api/admin/me", null),
        new Endpoint(
            Access.READ,
            "PUT",
            "api/admin/me/password",
            "{\"currentPassword\":\"not it\",\"newPassword\":\"a new password\"}"),
        new Endpoint(Access.READ, "GET", "api/admin/me/tokens", null),
        new Endpoint(Access.READ, "DELETE", "api/admin/me/tokens/no-such-token", null),
        new Endpoint(
            Access.PASSWORD_ONLY, "POST", "api/admin/me/tokens", "{\"description\":\"table\"}"),
        new Endpoint(Access.OWNER, "POST", "api/admin/tenants", "{\"name\":\"Roles table\"}"),
        new Endpoint(Access.OWNER, "PATCH", "api/admin/tenants/{t}", "{\"name\":\"Roles tenant\"}"),
        new Endpoint(
            Access.OWNER, "POST", "api/admin/tenants/{t}/tokens", "{\"description\":\"table\"}"),
        new Endpoint(
            Access.OWNER,
            "POST",
            "api/admin/tenants/{t}/tokens/no-such-token/rotate",
            "{\"graceMinutes\":0}"),
        new Endpoint(Access.OWNER, "DELETE", "api/admin/tenants/{t}/tokens/no-such-token", null),
        new Endpoint(Access.OWNER, "PUT", "api/admin/tenants/{t}/accounts", "[]"),
        new Endpoint(Access.OWNER, "POST", "api/admin/app-keys", "{\"tenantId\":\"{t}\"}"),
        new Endpoint(Access.OWNER, "DELETE", "api/admin/app-keys/no-such-key", null),
        new Endpoint(Access.OWNER, "PUT", "api/admin/tenants/{t}/permission-rules", "[]"),
        new Endpoint(
            Access.OWNER,
            "PUT",
            "api/admin/tenants/{t}/webhook",
            "{\"url\":\"ftp://hooks.example.test/x\"}"),
        new Endpoint(Access.OWNER, "POST", "api/admin/tenants/{t}/webhook/pause", null),
        new Endpoint(Access.OWNER, "POST", "api/admin/tenants/{t}/webhook/resume", null),
        new Endpoint(Access.OWNER, "POST", "api/admin/tenants/{t}/webhook/test", null),
        new Endpoint(Access.OWNER, "DELETE", "api/admin/tenants/{t}/webhook", null),
        new Endpoint(Access.OWNER, "GET", "api/admin/admins", null),
        new Endpoint(Access.OWNER, "POST", "api/admin/admins", "{\"username\":\"no-role-given\"}"),
        new Endpoint(Access.OWNER, "GET", "api/admin/admins/admin", null),
        new Endpoint(Access.OWNER, "PATCH", "api/admin/admins/no-such-admin", "{\"enabled\":true}"),
        new Endpoint(Access.OWNER, "DELETE", "api/admin/admins/no-such-admin", null),
        new Endpoint(Access.OWNER, "GET", "api/admin/admins/admin/tokens", null),
        new Endpoint(Access.OWNER, "DELETE", "api/admin/admins/admin/tokens/no-such-token", null));
  }

  private static boolean allowed(Access access, Caller caller) {
    return switch (access) {
      case READ -> caller != Caller.NOBODY;
      case OWNER -> caller == Caller.OWNER_PASSWORD || caller == Caller.OWNER_TOKEN;
      case PASSWORD_ONLY -> caller == Caller.OWNER_PASSWORD || caller == Caller.AUDITOR_PASSWORD;
    };
  }

  /** Two named admins, one of each role, each with an admin token, and a tenant to act on. */
  private record Fixture(
      String tenantId,
      String owner,
      String ownerPassword,
      String ownerToken,
      String auditor,
      String auditorPassword,
      String auditorToken) {

    String authorization(Caller caller) {
      return switch (caller) {
        case OWNER_PASSWORD -> Http.basic(owner, ownerPassword);
        case OWNER_TOKEN -> Http.bearer(ownerToken);
        case AUDITOR_PASSWORD -> Http.basic(auditor, auditorPassword);
        case AUDITOR_TOKEN -> Http.bearer(auditorToken);
        case NOBODY -> null;
      };
    }
  }

  private Http http() {
    return new Http(base);
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Fixture fixture() {
    Http http = http();
    String tenant = http.createTenant(unique("roles"));
    String owner = unique("owner");
    String auditor = unique("auditor");
    String ownerPassword = "owner password " + UUID.randomUUID();
    String auditorPassword = "auditor password " + UUID.randomUUID();
    createAdmin(owner, "owner", ownerPassword);
    createAdmin(auditor, "auditor", auditorPassword);
    return new Fixture(
        tenant,
        owner,
        ownerPassword,
        mintAdminToken(Http.basic(owner, ownerPassword)),
        auditor,
        auditorPassword,
        mintAdminToken(Http.basic(auditor, auditorPassword)));
  }

  private void createAdmin(String username, String role, String password) {
    Http.Answer created =
        http()
            .postJson(
                "api/admin/admins",
                Http.admin(),
                "{\"username\":\""
                    + username
                    + "\",\"role\":\""
                    + role
                    + "\",\"password\":\""
                    + password
                    + "\"}");
    assertEquals(201, created.status(), created.body());
    assertFalse(
        created.json().containsKey("password") && !created.json().isNull("password"),
        "a chosen password is never echoed");
  }

  private String mintAdminToken(String authorization) {
    Http.Answer minted =
        http().postJson("api/admin/me/tokens", authorization, "{\"description\":\"it\"}");
    assertEquals(201, minted.status(), minted.body());
    String token = minted.json().getString("token");
    assertTrue(token.startsWith("rcadm_"), token);
    return token;
  }

  @Test
  void everyAdminEndpointAnswersEachCallerAsItsRoleAllows() {
    Fixture f = fixture();
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      for (Caller caller : Caller.values()) {
        String path = endpoint.path().replace("{t}", f.tenantId());
        String body = endpoint.body() == null ? null : endpoint.body().replace("{t}", f.tenantId());
        Http.Answer answer =
            http()
                .send(
                    endpoint.method(),
                    path,
                    f.authorization(caller),
                    body == null ? null : "application/json",
                    body);
        String seen = endpoint + " as " + caller + " → " + answer.status() + " " + answer.body();
        boolean jsonError =
            answer.status() < 400
                || (answer.header("Content-Type") != null
                    && answer.header("Content-Type").startsWith("application/json")
                    && answer.json().getInt("status") == answer.status());
        if (caller == Caller.NOBODY) {
          if (answer.status() != 401 || !jsonError) {
            wrong.add("expected 401: " + seen);
          }
        } else if (allowed(endpoint.access(), caller)) {
          if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
            wrong.add("expected allowed: " + seen);
          } else if (!jsonError) {
            wrong.add("expected a JSON error body: " + seen);
          }
        } else if (answer.status() != 403 || !jsonError) {
          wrong.add("expected 403: " + seen);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void everyKindOfAdminActionIsInTheTrailWithWhoWhereAndOutcomeButNoSecret() {
    Fixture f = fixture();
    Http http = http();
    String as = Http.basic(f.owner(), f.ownerPassword());
    List<String> secrets = new ArrayList<>(List.of(f.ownerPassword(), f.ownerToken()));
    secrets.add(f.auditorPassword());
    secrets.add(f.auditorToken());

    String tenant = created(http.postJson("api/admin/tenants", as, "{\"name\":\"Trail\"}"));
    Http.Answer renamed =
        http.send(
            "PATCH", "api/admin/tenants/" + tenant, as, "application/json", "{\"name\":\"T2\"}");
    assertEquals(200, renamed.status(), renamed.body());
    Http.Answer minted =
        http.postJson("api/admin/tenants/" + tenant + "/tokens", as, "{\"description\":\"x\"}");
    secrets.add(minted.json().getString("token"));
    String tokenId = minted.json().getString("id");
    Http.Answer rotated =
        http.postJson(
            "api/admin/tenants/" + tenant + "/tokens/" + tokenId + "/rotate",
            as,
            "{\"graceMinutes\":0}");
    secrets.add(rotated.json().getString("token"));
    assertEquals(
        204,
        http.send(
                "DELETE",
                "api/admin/tenants/" + tenant + "/tokens/" + rotated.json().getString("id"),
                as,
                null,
                null)
            .status());
    assertEquals(
        200,
        http.send(
                "PUT",
                "api/admin/tenants/" + tenant + "/accounts",
                as,
                "application/json",
                "[{\"email\":\"ann@example.test\"}]")
            .status());
    assertEquals(
        200,
        http.send(
                "PUT",
                "api/admin/tenants/" + tenant + "/permission-rules",
                as,
                "application/json",
                "[{\"filter\":\"userName pr\",\"group\":\"Everyone\"}]")
            .status());
    Http.Answer hook =
        http.send(
            "PUT",
            "api/admin/tenants/" + tenant + "/webhook",
            as,
            "application/json",
            "{\"url\":\"http://127.0.0.1:9/hooks/secret-path-token\"}");
    assertEquals(200, hook.status(), hook.body());
    secrets.add(hook.json().getString("signingSecret"));
    secrets.add("secret-path-token");
    assertEquals(
        200, http.postJson("api/admin/tenants/" + tenant + "/webhook/pause", as, "").status());
    assertEquals(
        200, http.postJson("api/admin/tenants/" + tenant + "/webhook/resume", as, "").status());
    assertEquals(
        204,
        http.send("DELETE", "api/admin/tenants/" + tenant + "/webhook", as, null, null).status());
    Http.Answer key = http.postJson("api/admin/app-keys", as, "{\"tenantId\":\"" + tenant + "\"}");
    secrets.add(key.json().getString("key"));
    assertEquals(
        204,
        http.send("DELETE", "api/admin/app-keys/" + key.json().getString("id"), as, null, null)
            .status());

    String colleague = unique("colleague");
    Http.Answer made =
        http.postJson(
            "api/admin/admins", as, "{\"username\":\"" + colleague + "\",\"role\":\"auditor\"}");
    assertEquals(201, made.status(), made.body());
    String generated = made.json().getString("password");
    assertTrue(generated.length() >= 12);
    secrets.add(generated);
    assertEquals(
        200,
        http.send(
                "PATCH",
                "api/admin/admins/" + colleague,
                as,
                "application/json",
                "{\"enabled\":false}")
            .status());
    assertEquals(
        401,
        http.get("api/admin/tenants", Http.basic(colleague, generated)).status(),
        "a disabled account cannot sign in");
    assertEquals(
        204, http.send("DELETE", "api/admin/admins/" + colleague, as, null, null).status());

    String newPassword = "changed password " + UUID.randomUUID();
    secrets.add(newPassword);
    assertEquals(
        204,
        http.send(
                "PUT",
                "api/admin/me/password",
                as,
                "application/json",
                "{\"currentPassword\":\""
                    + f.ownerPassword()
                    + "\",\"newPassword\":\""
                    + newPassword
                    + "\"}")
            .status());
    as = Http.basic(f.owner(), newPassword);
    assertEquals(401, http.get("api/admin/me", Http.basic(f.owner(), f.ownerPassword())).status());
    Http.Answer adminToken =
        http.postJson("api/admin/me/tokens", as, "{\"description\":\"to revoke\"}");
    secrets.add(adminToken.json().getString("token"));
    assertEquals(
        204,
        http.send(
                "DELETE",
                "api/admin/me/tokens/" + adminToken.json().getString("id"),
                as,
                null,
                null)
            .status());
    assertEquals(
        401, http.get("api/admin/me", Http.bearer(adminToken.json().getString("token"))).status());

    // Refusals: the auditor's write, the last step of a rule breach, a wrong password.
    assertEquals(
        403,
        http.postJson("api/admin/tenants", Http.bearer(f.auditorToken()), "{\"name\":\"no\"}")
            .status());
    assertEquals(400, http.postJson("api/admin/tenants", as, "{\"name\":\"\"}").status());
    assertEquals(
        401, http.get("api/admin/me", Http.basic(f.auditor(), "not the password")).status());

    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("tenant.create", "success"),
            Map.entry("tenant.change", "success"),
            Map.entry("scim-token.mint", "success"),
            Map.entry("scim-token.rotate", "success"),
            Map.entry("scim-token.revoke", "success"),
            Map.entry("accounts.upload", "success"),
            Map.entry("permission-rules.replace", "success"),
            Map.entry("webhook.configure", "success"),
            Map.entry("webhook.pause", "success"),
            Map.entry("webhook.resume", "success"),
            Map.entry("webhook.remove", "success"),
            Map.entry("app-key.mint", "success"),
            Map.entry("app-key.revoke", "success"),
            Map.entry("admin.create", "success"),
            Map.entry("admin.change", "success"),
            Map.entry("admin.delete", "success"),
            Map.entry("admin.password-change", "success"),
            Map.entry("admin-token.mint", "success"),
            Map.entry("admin-token.revoke", "success"),
            Map.entry("sign-in", "success"));
    // Each kind once at least; the newest of a kind may be a later refusal, hence the outcome.
    for (Map.Entry<String, String> e : expected.entrySet()) {
      JsonObject entry =
          latest("actor=" + f.owner() + "&action=" + e.getKey() + "&outcome=" + e.getValue());
      assertEquals(e.getValue(), entry.getString("outcome"), entry.toString());
      assertEquals("owner", entry.getString("actorRole"), entry.toString());
      assertNotNull(entry.getString("clientAddress"), entry.toString());
      assertFalse(entry.getString("occurredAt").isEmpty());
    }
    JsonObject refusedCreate =
        latest("actor=" + f.owner() + "&action=tenant.create&outcome=refused");
    assertFalse(refusedCreate.getString("reason").isBlank());
    JsonObject forbidden = latest("actor=" + f.auditor() + "&action=forbidden");
    assertEquals("refused", forbidden.getString("outcome"));
    assertEquals("token", forbidden.getString("via"));
    assertEquals("POST /api/admin/tenants", forbidden.getString("target"));
    assertEquals(
        "password",
        latest("actor=" + f.owner() + "&action=sign-in&outcome=failed").getString("via"),
        "the old password, tried after the change");
    JsonObject failedSignIn = latest("actor=" + f.auditor() + "&action=sign-in&outcome=failed");
    assertEquals("password", failedSignIn.getString("via"));
    assertTrue(
        latest("action=webhook.configure&actor=" + f.owner())
            .getString("detail")
            .contains("127.0.0.1"));

    String everything =
        http.get("api/admin/trail?limit=500", Http.admin()).body()
            + http.get("api/admin/trail?limit=500&actor=" + f.owner(), Http.admin()).body();
    for (String secret : secrets) {
      assertFalse(everything.contains(secret), "the trail contains a secret");
    }
  }

  @Test
  void theTrailFiltersByTimeAndPagesAndRefusesMalformedQueriesWithJson() {
    Http http = http();
    Http.Answer page = http.get("api/admin/trail?limit=1", Http.admin());
    assertEquals(200, page.status(), page.body());
    assertEquals(1, page.json().getJsonArray("entries").size());
    String next = page.json().getString("next");
    Http.Answer older = http.get("api/admin/trail?limit=1&before=" + next, Http.admin());
    assertNotEquals(
        page.json().getJsonArray("entries").getJsonObject(0).getString("id"),
        older.json().getJsonArray("entries").getJsonObject(0).getString("id"));
    assertEquals(
        0,
        http.get("api/admin/trail?to=2000-01-01T00:00:00Z", Http.admin())
            .json()
            .getJsonArray("entries")
            .size());
    for (String bad :
        Stream.of("from=yesterday", "limit=0", "limit=x", "before=x", "outcome=meh", "action=%25")
            .toList()) {
      Http.Answer answer = http.get("api/admin/trail?" + bad, Http.admin());
      assertEquals(400, answer.status(), bad + " " + answer.body());
      assertEquals(400, answer.json().getInt("status"));
    }
    for (String[] malformed :
        new String[][] {
          {"POST", "api/admin/admins", "{\"username\":5}"},
          {"POST", "api/admin/admins", "not json"},
          {"PATCH", "api/admin/admins/admin", "{\"role\":\"god\"}"},
          {"PATCH", "api/admin/admins/admin", "{\"colour\":\"red\"}"},
          {"PATCH", "api/admin/admins/admin", "[]"},
          {"PUT", "api/admin/me/password", "{\"currentPassword\":1}"},
          {"POST", "api/admin/me/tokens", "{\"expiresInDays\":0}"},
          {"POST", "api/admin/me/tokens", "{\"expiresInDays\":\"soon\"}"},
        }) {
      Http.Answer answer =
          http.send(malformed[0], malformed[1], Http.admin(), "application/json", malformed[2]);
      assertTrue(
          answer.status() >= 400 && answer.status() < 500,
          String.join(" ", malformed) + " → " + answer.status() + " " + answer.body());
      assertEquals(answer.status(), answer.json().getInt("status"));
    }
  }

  @Test
  void anAuditorReadsTheConsoleButCannotChangeAnythingInIt() {
    Fixture f = fixture();
    Http http = http();
    String cookie = http().consoleSignIn(f.auditor(), f.auditorPassword());
    Http.Answer tenants = http.get("console/tenants.xhtml", null, "Cookie", cookie);
    assertEquals(200, tenants.status());
    assertTrue(tenants.body().contains("auditor"), "the role is shown");
    assertEquals(200, http.get("console/trail.xhtml", null, "Cookie", cookie).status());
    assertEquals(200, http.get("console/account.xhtml", null, "Cookie", cookie).status());
    assertEquals(403, http.get("console/admins.xhtml", null, "Cookie", cookie).status());

    String form =
        "create=create&"
            + Http.formField("create:name", "Auditor tenant")
            + "&"
            + Http.formField("create:submit", "Create tenant")
            + "&"
            + Http.formField(
                "jakarta.faces.ViewState",
                Http.hiddenValue(tenants.body(), "jakarta.faces.ViewState"))
            + "&"
            + Http.formField("rollcall_csrf", Http.hiddenValue(tenants.body(), "rollcall_csrf"));
    Http.Answer refused =
        http.send(
            "POST",
            "console/tenants.xhtml",
            null,
            "application/x-www-form-urlencoded",
            form,
            "Cookie",
            cookie);
    assertEquals(403, refused.status());
    JsonObject entry = latest("actor=" + f.auditor() + "&action=forbidden&outcome=refused");
    assertEquals("console", entry.getString("via"));
    assertEquals("POST /console/tenants.xhtml", entry.getString("target"));
    assertEquals(
        "success", latest("actor=" + f.auditor() + "&action=sign-in").getString("outcome"));
  }

  private static String created(Http.Answer answer) {
    assertEquals(201, answer.status(), answer.body());
    return answer.json().getString("id");
  }

  private JsonObject latest(String query) {
    Http.Answer answer = http().get("api/admin/trail?limit=1&" + query, Http.admin());
    assertEquals(200, answer.status(), answer.body());
    List<JsonValue> entries = answer.json().getJsonArray("entries");
    assertFalse(entries.isEmpty(), "no trail entry for " + query);
    return entries.get(0).asJsonObject();
  }
}
