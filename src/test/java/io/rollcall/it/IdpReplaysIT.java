package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request sequences of the identity providers the console guides besides Okta and Entra ID
 * (those are in {@link UsersIT} and {@link GroupsIT}), replayed black-box against the deployed WAR
 * as each provider's public provisioning documentation describes them.
 *
 * <p>Google Workspace has no replay: its automated provisioning only drives apps from Google's own
 * catalog, and a custom SAML app (which is what Rollcall would be) has no provisioning section, so
 * Google never calls a SCIM server of the customer's choosing. The console guide says so.
 *
 * <p>Each replay runs in a tenant set to its identity provider's profile, so it proves that the
 * profile's tolerances carry the whole documented sequence.
 *
 * <p>Neither OneLogin nor JumpCloud documents the {@code User-Agent} of its provisioning service,
 * so these replays send none: the connection check cannot tell the provider from the requests and
 * names the one the tenant's settings name.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdpReplaysIT {

  static final String SCIM = "application/scim+json";
  static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

  /** A fresh tenant and its token. */
  private record Client(Http http, String tenantId, String token) {
    Http.Answer get(String path) {
      return http.get("scim/v2/" + path, Http.bearer(token));
    }

    Http.Answer send(String method, String path, String json) {
      return http.send(method, "scim/v2/" + path, Http.bearer(token), SCIM, json);
    }

    Http.Answer patch(String path, String operations) {
      return send(
          "PATCH", path, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operations + "}");
    }

    Http.Answer byUserName(String userName) {
      return get("Users?filter=" + q("userName eq \"" + userName + "\""));
    }

    Set<String> members(String groupId) {
      Http.Answer group = get("Groups/" + groupId);
      assertEquals(200, group.status(), group.body());
      JsonArray members = group.json().getJsonArray("members");
      return members == null
          ? Set.of()
          : members.getValuesAs(JsonObject.class).stream()
              .map(m -> m.getString("value"))
              .collect(Collectors.toSet());
    }

    JsonObject verdictWhen(Predicate<JsonObject> ready) {
      JsonObject verdict = null;
      for (int i = 0; i < 40; i++) {
        Http.Answer answer =
            http.get("api/admin/tenants/" + tenantId + "/connection", Http.admin());
        assertEquals(200, answer.status(), answer.body());
        verdict = answer.json();
        if (ready.test(verdict)) {
          return verdict;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new AssertionError("the check never got there: " + verdict);
    }
  }

  /**
   * A fresh tenant with groups on whose settings name the identity provider, so the replay runs
   * with that provider's tolerances only (README, "IdP profiles") and proves they are enough.
   */
  private Client client(String idpProfile) {
    Http http = new Http(base);
    String tenant =
        http.createTenant(idpProfile + "-" + UUID.randomUUID().toString().substring(0, 8));
    Client client = new Client(http, tenant, http.mintToken(tenant));
    Http.Answer settings =
        http.send(
            "PATCH",
            "api/admin/tenants/" + tenant,
            Http.admin(),
            "application/json",
            "{\"groupsEnabled\":true,\"idpProfile\":\"" + idpProfile + "\"}");
    assertEquals(200, settings.status(), settings.body());
    assertEquals(idpProfile, settings.json().getString("idpProfile"));
    return client;
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An empty ListResponse: a filter that matches nothing is 200, not 404 (RFC 7644 §3.4.2). */
  private static void assertEmptyList(Http.Answer answer) {
    assertEquals(200, answer.status(), answer.body());
    assertEquals(LIST, answer.json().getJsonArray("schemas").getString(0));
    assertEquals(0, answer.json().getInt("totalResults"));
    assertEquals(0, answer.json().getJsonArray("Resources").size());
  }

  /**
   * 201 with the resource, {@code Location} equal to {@code meta.location} (RFC 7644 §3.3) and the
   * {@code ETag} equal to {@code meta.version} (§3.14); answers the new id.
   */
  private static String assertCreated(Http.Answer created) {
    assertEquals(201, created.status(), created.body());
    JsonObject meta = created.json().getJsonObject("meta");
    assertEquals(meta.getString("location"), created.header("Location"));
    assertEquals(meta.getString("version"), created.header("ETag"));
    String id = created.json().getString("id");
    assertTrue(created.header("Location").endsWith("/" + id), created.header("Location"));
    return id;
  }

  // ---- OneLogin ----

  /**
   * The user the "SCIM Provisioner with SAML (SCIM v2 Enterprise)" connector renders from its
   * default JSON template: core and enterprise schemas, {@code userName} from the SCIM Username
   * parameter, one work email, title, department and a manager given by its id in the app. No
   * {@code active} unless the template is changed to send it.
   */
  private static String oneLoginUser(String email, String title, Boolean active) {
    return """
        {"schemas":["%s","%s"],
         "userName":"%s",
         "name":{"familyName":"Lovelace","givenName":"Ada"},
         "title":"%s",
         "emails":[{"value":"%s","type":"work","primary":true}],
         "%s":{"department":"Engineering",
               "manager":{"value":"mgr-4711","displayName":"Charles Babbage"}}%s}
        """
        .formatted(
            CORE,
            ENTERPRISE,
            email,
            title,
            email,
            ENTERPRISE,
            active == null ? "" : ",\"active\":" + active);
  }

  @Test
  void oneLoginProvisioningSequence() {
    Client c = client("onelogin");

    // Enabling the API connection: a look-up of a userName that cannot exist. OneLogin takes an
    // empty list (or a 404) as proof that the base URL and token work.
    assertEmptyList(c.byUserName("onelogin-connection-check-" + UUID.randomUUID()));

    // Assignment: look up by userName, then create.
    String email = "ada@acme.example";
    assertEmptyList(c.byUserName(email));
    Http.Answer created = c.send("POST", "Users", oneLoginUser(email, "Engineer", null));
    String id = assertCreated(created);
    JsonObject user = created.json();
    assertTrue(user.getBoolean("active"), "active defaults to true when not sent");
    JsonObject enterprise = user.getJsonObject(ENTERPRISE);
    assertEquals("Engineering", enterprise.getString("department"));
    assertEquals("mgr-4711", enterprise.getJsonObject("manager").getString("value"));

    // OneLogin reads the user back by id and by userName before it updates.
    Http.Answer read = c.get("Users/" + id);
    assertEquals(200, read.status(), read.body());
    assertEquals(created.header("ETag"), read.header("ETag"));
    Http.Answer found = c.byUserName(email);
    assertEquals(1, found.json().getInt("totalResults"));
    assertEquals(id, found.json().getJsonArray("Resources").getJsonObject(0).getString("id"));

    // Update User is a full PUT of the rendered template (RFC 7644 §3.5.1): 200 with the
    // resource and a new version.
    Http.Answer updated = c.send("PUT", "Users/" + id, oneLoginUser(email, "Staff Engineer", null));
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Staff Engineer", updated.json().getString("title"));
    assertTrue(updated.json().getBoolean("active"));
    assertFalse(created.header("ETag").equals(updated.header("ETag")));

    // "Suspend" as the deprovisioning action: the same PUT with active false, then true again.
    Http.Answer suspended =
        c.send("PUT", "Users/" + id, oneLoginUser(email, "Staff Engineer", false));
    assertEquals(200, suspended.status(), suspended.body());
    assertFalse(suspended.json().getBoolean("active"));
    assertFalse(c.get("Users/" + id).json().getBoolean("active"));
    Http.Answer restored =
        c.send("PUT", "Users/" + id, oneLoginUser(email, "Staff Engineer", true));
    assertEquals(200, restored.status(), restored.body());
    assertTrue(restored.json().getBoolean("active"));

    // Groups: OneLogin reads the app's groups, creates a missing one, and changes membership with
    // PATCH add / remove of "members" carrying the ids as values.
    Http.Answer groups = c.get("Groups");
    assertEquals(200, groups.status(), groups.body());
    assertEquals(LIST, groups.json().getJsonArray("schemas").getString(0));
    String groupId =
        assertCreated(
            c.send(
                "POST",
                "Groups",
                "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Engineering\"}"));
    Http.Answer added =
        c.patch(
            "Groups/" + groupId,
            "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]");
    assertEquals(204, added.status(), added.body());
    assertNotNull(added.header("ETag"));
    assertEquals(Set.of(id), c.members(groupId));
    Http.Answer removed =
        c.patch(
            "Groups/" + groupId,
            "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]");
    assertEquals(204, removed.status(), removed.body());
    assertEquals(Set.of(), c.members(groupId));

    // "Delete" as the deprovisioning action: DELETE, then the user is gone (RFC 7644 §3.6).
    assertEquals(204, c.send("DELETE", "Users/" + id, null).status());
    assertEquals(404, c.get("Users/" + id).status());
    assertEmptyList(c.byUserName(email));

    // Get Users: the plain listing OneLogin pages through.
    Http.Answer all = c.get("Users");
    assertEquals(200, all.status(), all.body());
    assertEquals(0, all.json().getInt("totalResults"));

    // The connection check counts what OneLogin changed; the only failure is this test's own read
    // of the deleted user.
    JsonObject verdict =
        c.verdictWhen(
            v ->
                v.getJsonObject("counts").getInt("usersDeleted") == 1
                    && v.getJsonObject("counts").getInt("usersDeactivated") == 1
                    && v.getJsonObject("counts").getInt("failed") >= 1);
    assertEquals("OneLogin", verdict.getString("identityProvider"), verdict.toString());
    assertEquals("TENANT_SETTING", verdict.getString("identifiedBy"), verdict.toString());
    JsonObject counts = verdict.getJsonObject("counts");
    assertEquals(1, counts.getInt("usersCreated"), verdict.toString());
    assertEquals(3, counts.getInt("usersUpdated"), verdict.toString());
    assertEquals(1, counts.getInt("failed"), verdict.toString());
  }

  // ---- JumpCloud ----

  /** The user JumpCloud's custom SCIM connector sends: the email as userName and work email. */
  private static String jumpCloudUser(String email, String familyName, boolean active) {
    return """
        {"schemas":["%s"],
         "userName":"%s",
         "name":{"givenName":"Grace","familyName":"%s"},
         "displayName":"Grace %s",
         "emails":[{"value":"%s","type":"work","primary":true}],
         "active":%s}
        """
        .formatted(CORE, email, familyName, familyName, email, active);
  }

  @Test
  void jumpCloudProvisioningSequence() {
    Client c = client("jumpcloud");

    // Test Connection: JumpCloud looks up the test user's email, creates a test user and a test
    // group, then deletes both (a server without DELETE would keep a deactivated test user).
    String testEmail = "it-admin@acme.example";
    assertEmptyList(c.byUserName(testEmail));
    String testUser =
        assertCreated(c.send("POST", "Users", jumpCloudUser(testEmail, "Test", true)));
    String testGroup =
        assertCreated(
            c.send(
                "POST",
                "Groups",
                "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"JumpCloud test group\"}"));
    assertEquals(204, c.send("DELETE", "Groups/" + testGroup, null).status());
    assertEquals(204, c.send("DELETE", "Users/" + testUser, null).status());
    assertEquals(404, c.get("Groups/" + testGroup).status());

    // A person gains access through a bound user group: look-up, then create.
    String email = "grace@acme.example";
    assertEmptyList(c.byUserName(email));
    String id = assertCreated(c.send("POST", "Users", jumpCloudUser(email, "Hopper", true)));

    // Attribute change: the whole user again (RFC 7644 §3.5.1).
    Http.Answer updated = c.send("PUT", "Users/" + id, jumpCloudUser(email, "Hopper-Murray", true));
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Hopper-Murray", updated.json().getJsonObject("name").getString("familyName"));

    // Group management: JumpCloud does not create empty groups, so the group arrives with its
    // members; it is renamed in place and membership changes carry the ids as values, with no
    // value filter in the path.
    String groupId =
        assertCreated(
            c.send(
                "POST",
                "Groups",
                """
                {"schemas":["%s"],"displayName":"Design","members":[{"value":"%s"}]}
                """
                    .formatted(GROUP, id)));
    assertEquals(Set.of(id), c.members(groupId));
    String second =
        assertCreated(c.send("POST", "Users", jumpCloudUser("lin@acme.example", "Lin", true)));
    Http.Answer renamed =
        c.patch(
            "Groups/" + groupId,
            """
            [{"op":"replace","path":"displayName","value":"Product Design"},
             {"op":"add","path":"members","value":[{"value":"%s"}]}]
            """
                .formatted(second));
    assertEquals(204, renamed.status(), renamed.body());
    assertEquals(Set.of(id, second), c.members(groupId));
    assertEquals("Product Design", c.get("Groups/" + groupId).json().getString("displayName"));
    Http.Answer left =
        c.patch(
            "Groups/" + groupId,
            "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + second
                + "\"}]}]");
    assertEquals(204, left.status(), left.body());
    assertEquals(Set.of(id), c.members(groupId));

    // Losing access deactivates (active false), regaining it reactivates; the user and its
    // memberships stay.
    Http.Answer deactivated =
        c.patch("Users/" + id, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");
    assertEquals(200, deactivated.status(), deactivated.body());
    assertFalse(deactivated.json().getBoolean("active"));
    assertEquals(Set.of(id), c.members(groupId));
    Http.Answer reactivated =
        c.patch("Users/" + id, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]");
    assertEquals(200, reactivated.status(), reactivated.body());
    assertTrue(reactivated.json().getBoolean("active"));

    // A group deleted in JumpCloud is deleted in the app; then the user.
    assertEquals(204, c.send("DELETE", "Groups/" + groupId, null).status());
    assertEquals(404, c.get("Groups/" + groupId).status());
    assertEquals(204, c.send("DELETE", "Users/" + id, null).status());
    assertEquals(404, c.get("Users/" + id).status());

    // The connection check counts what JumpCloud changed; the only failures are this test's own
    // reads of the deleted test group, group and user.
    JsonObject verdict =
        c.verdictWhen(
            v ->
                v.getJsonObject("counts").getInt("usersDeleted") == 2
                    && v.getJsonObject("counts").getInt("usersDeactivated") == 1
                    && v.getJsonObject("counts").getInt("failed") >= 3);
    assertEquals("JumpCloud", verdict.getString("identityProvider"), verdict.toString());
    assertEquals("TENANT_SETTING", verdict.getString("identifiedBy"), verdict.toString());
    JsonObject counts = verdict.getJsonObject("counts");
    assertEquals(3, counts.getInt("usersCreated"), verdict.toString());
    assertEquals(3, counts.getInt("failed"), verdict.toString());
  }
}
