package io.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * {@code /Groups} black-box against the deployed WAR: the Okta group push and Microsoft Entra ID
 * sequences, membership and its cascades, {@code User.groups}, tenant isolation of members, the
 * per-tenant switch with discovery, and uniqueness of {@code displayName}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupsIT {

  static final String SCIM = "application/scim+json";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.rollcall();
  }

  @ArquillianResource URL base;

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

    String user(String userName) {
      return created("Users", "{\"userName\":\"" + userName + "\"}");
    }

    String group(String displayName) {
      return created("Groups", "{\"displayName\":\"" + displayName + "\",\"members\":[]}");
    }

    String created(String endpoint, String json) {
      Http.Answer created = send("POST", endpoint, json);
      assertEquals(201, created.status(), created.body());
      return created.json().getString("id");
    }

    Http.Answer groups(boolean enabled) {
      return http.send(
          "PATCH",
          "api/admin/tenants/" + tenantId,
          Http.admin(),
          "application/json",
          "{\"groupsEnabled\":" + enabled + "}");
    }

    /** Names the tenant's identity provider, so only its tolerances apply. */
    Client profile(String idpProfile) {
      Http.Answer set =
          http.send(
              "PATCH",
              "api/admin/tenants/" + tenantId,
              Http.admin(),
              "application/json",
              "{\"idpProfile\":\"" + idpProfile + "\"}");
      assertEquals(200, set.status(), set.body());
      return this;
    }

    /** The member ids of a group, read back. */
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
  }

  private Client client(boolean groupsEnabled) {
    Http http = new Http(base);
    String tenant = http.createTenant("groups-" + UUID.randomUUID().toString().substring(0, 8));
    Client client = new Client(http, tenant, http.mintToken(tenant));
    if (groupsEnabled) {
      assertEquals(200, client.groups(true).status());
    }
    return client;
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void assertScimError(Http.Answer answer, int status, String scimType) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.header("Content-Type").startsWith(SCIM), answer.header("Content-Type"));
    JsonObject body = answer.json();
    assertEquals(
        "urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
    if (scimType != null) {
      assertEquals(scimType, body.getString("scimType"), answer.body());
    }
  }

  @Test
  void oktaGroupPushSequence() {
    Client c = client(true).profile("okta");
    String ann = c.user("ann@example.com");
    String bob = c.user("bob@example.com");

    Http.Answer created =
        c.send(
            "POST",
            "Groups",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Engineering\",\"members\":[]}");
    assertEquals(201, created.status(), created.body());
    JsonObject group = created.json();
    String id = group.getString("id");
    assertTrue(created.header("Location").endsWith("/scim/v2/Groups/" + id));
    assertEquals(group.getJsonObject("meta").getString("version"), created.header("ETag"));
    assertEquals("Group", group.getJsonObject("meta").getString("resourceType"));
    assertFalse(group.containsKey("members"));

    // Rename: a path-less replace echoing the id.
    Http.Answer renamed =
        c.patch(
            "Groups/" + id,
            "[{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"Eng\"}}]");
    assertEquals(204, renamed.status(), renamed.body());
    assertNotEquals(created.header("ETag"), renamed.header("ETag"));
    assertEquals("Eng", c.get("Groups/" + id).json().getString("displayName"));

    Http.Answer added =
        c.patch(
            "Groups/" + id,
            "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + ann
                + "\",\"display\":\"ann@example.com\"},{\"value\":\""
                + bob
                + "\"}]}]");
    assertEquals(204, added.status(), added.body());
    JsonObject read = c.get("Groups/" + id).json();
    JsonObject first =
        read.getJsonArray("members").getValuesAs(JsonObject.class).stream()
            .filter(m -> m.getString("value").equals(ann))
            .findFirst()
            .orElseThrow();
    assertEquals("ann@example.com", first.getString("display"));
    assertEquals("User", first.getString("type"));
    assertTrue(first.getString("$ref").endsWith("/scim/v2/Users/" + ann), first.toString());

    // Adding an existing member again changes nothing.
    String version = c.get("Groups/" + id).json().getJsonObject("meta").getString("version");
    assertEquals(
        204,
        c.patch(
                "Groups/" + id,
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]")
            .status());
    assertEquals(version, c.get("Groups/" + id).json().getJsonObject("meta").getString("version"));

    Http.Answer removed =
        c.patch(
            "Groups/" + id,
            "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ann + "\\\"]\"}]");
    assertEquals(204, removed.status(), removed.body());
    assertEquals(Set.of(bob), c.members(id));

    Http.Answer replaced =
        c.send(
            "PUT",
            "Groups/" + id,
            "{\"displayName\":\"Eng\",\"members\":[{\"value\":\"" + ann + "\"}]}");
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(Set.of(ann), c.members(id));

    assertEquals(204, c.send("DELETE", "Groups/" + id, null).status());
    assertScimError(c.get("Groups/" + id), 404, null);
    assertEquals(200, c.get("Users/" + ann).status(), "deleting a group keeps its members");
  }

  @Test
  void entraIdGroupProvisioningSequence() {
    Client c = client(true).profile("entra-id");
    String ann = c.user("ann@example.com");
    String bob = c.user("bob@example.com");
    String cid = c.user("cid@example.com");
    String id =
        c.created(
            "Groups",
            "{\"displayName\":\"Sales\",\"externalId\":\"a1b2\",\"members\":[{\"value\":\""
                + ann
                + "\"},{\"value\":\""
                + bob
                + "\"}]}");

    // Entra looks a group up by displayName, and lists without members.
    JsonObject found =
        c.get("Groups?excludedAttributes=members&filter=" + q("displayName eq \"sales\"")).json();
    assertEquals(1, found.getInt("totalResults"));
    JsonObject listed = found.getJsonArray("Resources").getJsonObject(0);
    assertEquals(id, listed.getString("id"));
    assertFalse(listed.containsKey("members"));
    assertFalse(
        c.get("Groups/" + id + "?excludedAttributes=members").json().containsKey("members"));
    assertEquals(
        1,
        c.get("Groups?filter=" + q("members[value eq \"" + bob + "\"]"))
            .json()
            .getInt("totalResults"));

    Http.Answer add =
        c.patch(
            "Groups/" + id,
            "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + cid + "\"}]}]");
    assertEquals(204, add.status(), add.body());
    Http.Answer remove =
        c.patch(
            "Groups/" + id,
            "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]");
    assertEquals(204, remove.status(), remove.body());
    assertEquals(Set.of(bob, cid), c.members(id), "Remove with a value removes only that member");

    Http.Answer mixed =
        c.patch(
            "Groups/" + id + "?excludedAttributes=members",
            "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Sales EMEA\"},"
                + "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + bob
                + "\"}]},"
                + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + ann
                + "\"}]}]");
    assertEquals(200, mixed.status(), mixed.body());
    assertEquals("Sales EMEA", mixed.json().getString("displayName"));
    assertFalse(mixed.json().containsKey("members"));
    assertEquals(Set.of(ann, cid), c.members(id));

    // An unknown member fails the whole request: the rename does not happen either.
    Http.Answer unknown =
        c.patch(
            "Groups/" + id,
            "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Renamed\"},"
                + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"no-such-user\"}]}]");
    assertScimError(unknown, 400, "invalidValue");
    assertEquals("Sales EMEA", c.get("Groups/" + id).json().getString("displayName"));
    assertEquals(Set.of(ann, cid), c.members(id));

    // A filter the fast path does not cover still works, through the PATCH engine.
    Http.Answer byType =
        c.patch("Groups/" + id, "[{\"op\":\"remove\",\"path\":\"members[type eq \\\"User\\\"]\"}]");
    assertEquals(204, byType.status(), byType.body());
    assertEquals(Set.of(), c.members(id));
  }

  @Test
  void membershipCascadesAndUserGroups() {
    Client c = client(true);
    String ann = c.user("ann@example.com");
    String team = c.group("Team");
    String org = c.group("Org");
    assertEquals(
        204,
        c.patch(
                "Groups/" + team,
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]")
            .status());
    Http.Answer nested =
        c.patch(
            "Groups/" + org,
            "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + team
                + "\",\"type\":\"Group\"}]}]");
    assertEquals(204, nested.status(), nested.body());
    JsonObject orgMember = c.get("Groups/" + org).json().getJsonArray("members").getJsonObject(0);
    assertEquals("Group", orgMember.getString("type"));
    assertEquals("Team", orgMember.getString("display"));

    JsonArray groups = c.get("Users/" + ann).json().getJsonArray("groups");
    assertEquals(2, groups.size(), groups.toString());
    JsonObject direct = find(groups, team);
    assertEquals("direct", direct.getString("type"));
    assertEquals("Team", direct.getString("display"));
    assertTrue(direct.getString("$ref").endsWith("/scim/v2/Groups/" + team), direct.toString());
    assertEquals("indirect", find(groups, org).getString("type"));
    JsonObject listed =
        c.get("Users?filter=" + q("userName eq \"ann@example.com\""))
            .json()
            .getJsonArray("Resources")
            .getJsonObject(0);
    assertEquals(2, listed.getJsonArray("groups").size());
    assertFalse(c.get("Users/" + ann + "?excludedAttributes=groups").json().containsKey("groups"));

    // Deleting the nested group removes it from its parent; deleting the user from every group.
    assertEquals(204, c.send("DELETE", "Groups/" + team, null).status());
    assertEquals(Set.of(), c.members(org));
    assertFalse(c.get("Users/" + ann).json().containsKey("groups"));
    assertEquals(
        204,
        c.patch(
                "Groups/" + org,
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]")
            .status());
    assertEquals(204, c.send("DELETE", "Users/" + ann, null).status());
    assertEquals(Set.of(), c.members(org));
  }

  @Test
  void membersAreIsolatedBetweenTenants() {
    Client c = client(true);
    Client other = client(true);
    String stranger = other.user("eve@example.com");
    String theirs = other.group("Theirs");
    String mine = c.group("Mine");

    assertScimError(
        c.patch(
            "Groups/" + mine,
            "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + stranger + "\"}]}]"),
        400,
        "invalidValue");
    assertScimError(
        c.send(
            "POST",
            "Groups",
            "{\"displayName\":\"X\",\"members\":[{\"value\":\"" + theirs + "\"}]}"),
        400,
        "invalidValue");
    assertScimError(c.get("Groups/" + theirs), 404, null);
    assertEquals(Set.of(), c.members(mine));
    assertEquals(
        0, c.get("Groups?filter=" + q("displayName eq \"Theirs\"")).json().getInt("totalResults"));
  }

  @Test
  void displayNameIsUniquePerTenantCaseInsensitively() {
    Client c = client(true);
    c.group("Engineering");
    assertScimError(
        c.send("POST", "Groups", "{\"displayName\":\"ENGINEERING\"}"), 409, "uniqueness");
    String other = c.group("Other");
    assertScimError(
        c.patch(
            "Groups/" + other,
            "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"engineering\"}]"),
        409,
        "uniqueness");
    client(true).group("Engineering");
  }

  @Test
  void groupsAreASwitchPerTenantAndDiscoveryFollowsIt() {
    Client c = client(false);
    assertScimError(c.get("Groups"), 404, null);
    assertScimError(c.get("Groups/" + UUID.randomUUID()), 404, null);
    assertScimError(c.send("POST", "Groups", "{\"displayName\":\"X\"}"), 404, null);
    assertEquals(1, c.get("ResourceTypes").json().getInt("totalResults"));
    assertFalse(c.get("Schemas").body().contains("urn:ietf:params:scim:schemas:core:2.0:Group"));
    assertScimError(c.get("ResourceTypes/Group"), 404, null);

    Http.Answer enabled = c.groups(true);
    assertEquals(200, enabled.status(), enabled.body());
    assertTrue(enabled.json().getBoolean("groupsEnabled"));
    JsonObject types = c.get("ResourceTypes").json();
    assertEquals(2, types.getInt("totalResults"));
    JsonObject groupType = c.get("ResourceTypes/Group").json();
    assertEquals("/Groups", groupType.getString("endpoint"));
    assertEquals("urn:ietf:params:scim:schemas:core:2.0:Group", groupType.getString("schema"));
    JsonObject schema = c.get("Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").json();
    assertTrue(schema.getJsonArray("attributes").toString().contains("\"members\""));

    String ann = c.user("ann@example.com");
    String team = c.group("Team");
    assertEquals(
        204,
        c.patch(
                "Groups/" + team,
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]")
            .status());

    // The root search spans both types.
    Http.Answer all =
        c.send(
            "POST",
            ".search",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}");
    assertEquals(200, all.status(), all.body());
    assertEquals(2, all.json().getInt("totalResults"));
    Http.Answer byName = c.send("POST", ".search", "{\"filter\":\"displayName eq \\\"team\\\"\"}");
    assertEquals(200, byName.status(), byName.body());
    JsonArray hits = byName.json().getJsonArray("Resources");
    assertEquals(1, hits.size(), byName.body());
    assertEquals(team, hits.getJsonObject(0).getString("id"));
    Http.Answer search =
        c.send(
            "POST",
            "Groups/.search",
            "{\"filter\":\"displayName sw \\\"t\\\"\",\"excludedAttributes\":[\"members\"]}");
    assertEquals(1, search.json().getInt("totalResults"));

    assertEquals(200, c.groups(false).status());
    assertScimError(c.get("Groups/" + team), 404, null);
    assertEquals(1, c.get("ResourceTypes").json().getInt("totalResults"));
    assertFalse(c.get("Users/" + ann).json().containsKey("groups"));
    assertEquals(200, c.groups(true).status());
    assertEquals(Set.of(ann), c.members(team), "turning groups off keeps them");
  }

  private static JsonObject find(JsonArray groups, String id) {
    for (JsonValue value : groups) {
      if (value.asJsonObject().getString("value").equals(id)) {
        return value.asJsonObject();
      }
    }
    throw new AssertionError(id + " not in " + groups);
  }

  /** #13: every answer about one group names it in Location; a new group was never modified. */
  @Test
  void everyAnswerAboutOneGroupCarriesItsLocation() {
    Client c = client(true);
    String ann = c.user("loc-ann@example.com");
    Http.Answer created =
        c.send(
            "POST",
            "Groups",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\","
                + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"],"
                + "\"displayName\":\"Located\",\"members\":[]}");
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    String location = created.header("Location");
    assertTrue(location.startsWith("http") && location.endsWith("/scim/v2/Groups/" + id));
    JsonObject meta = created.json().getJsonObject("meta");
    assertEquals(meta.getString("created"), meta.getString("lastModified"));
    assertEquals(location, meta.getString("location"));

    Http.Answer read = c.get("Groups/" + id);
    assertEquals(200, read.status(), read.body());
    assertEquals(location, read.header("Location"));

    Http.Answer replaced =
        c.send("PUT", "Groups/" + id, "{\"displayName\":\"Located\",\"members\":[]}");
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(location, replaced.header("Location"));
    assertEquals(created.header("ETag"), replaced.header("ETag"), "a PUT changing nothing");
    assertEquals(
        meta.getString("lastModified"),
        replaced.json().getJsonObject("meta").getString("lastModified"));

    Http.Answer patched =
        c.patch(
            "Groups/" + id,
            "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]");
    assertEquals(204, patched.status(), patched.body());
    assertEquals(location, patched.header("Location"));
    Http.Answer patchedWithBody =
        c.send(
            "PATCH",
            "Groups/" + id + "?excludedAttributes=members",
            "{\"schemas\":[\""
                + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"Replace\","
                + "\"path\":\"displayName\",\"value\":\"Moved\"}]}");
    assertEquals(200, patchedWithBody.status(), patchedWithBody.body());
    assertEquals(location, patchedWithBody.header("Location"));
  }

  /** #13: the endpoints exist, so a method they lack is 405 with Allow, never 404. */
  @Test
  void unsupportedMethodsOnGroupsAre405WithAllow() {
    Client c = client(true);
    String id = c.group("Methods");
    for (String[] request :
        new String[][] {
          {"PUT", "Groups"},
          {"DELETE", "Groups"},
          {"PATCH", "Groups"},
          {"POST", "Groups/" + id},
          {"GET", "Groups/.search"}
        }) {
      Http.Answer answer = c.send(request[0], request[1], request[0].equals("GET") ? null : "{}");
      assertScimError(answer, 405, null);
      assertEquals("405", answer.json().getString("status"));
      assertTrue(answer.header("Allow") != null, request[0] + " " + request[1]);
    }
  }
}
