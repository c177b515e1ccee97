package io.rollcall.protocol.patch;

import static io.rollcall.protocol.patch.Json.arr;
import static io.rollcall.protocol.patch.Json.obj;
import static io.rollcall.protocol.patch.PatchOperation.add;
import static io.rollcall.protocol.patch.PatchOperation.remove;
import static io.rollcall.protocol.patch.PatchOperation.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.protocol.schema.StandardSchemas;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchEngineTest {

  static final SchemaRegistry REGISTRY =
      SchemaRegistry.forTenant(StandardSchemas.DEFAULT_CUSTOM_USER, true);
  static final ResourceTypeDefinition USER = REGISTRY.user();
  static final Jsonb JSONB = JsonbBuilder.create();
  static final ResourceTypeDefinition GROUP = REGISTRY.resourceType("Group").orElseThrow();
  static final String CORE_USER = StandardSchemas.USER;
  static final String ENTERPRISE = StandardSchemas.ENTERPRISE_USER;
  static final String BABS = "2819c223-7f76-453a-919d-413861904646";
  static final String JAMES = "08e1d05d-121c-4561-8b96-473d93df9210";
  static final String BABS_REF = "https://example.com/v2/Users/" + BABS;
  static final String JAMES_REF = "https://example.com/v2/Users/" + JAMES;

  static Map<String, Object> user() {
    return obj(
        "schemas",
        arr(CORE_USER, ENTERPRISE),
        "id",
        BABS,
        "externalId",
        "bjensen",
        "userName",
        "bjensen",
        "name",
        obj("familyName", "Jensen", "givenName", "Barbara"),
        "title",
        "Tour Guide",
        "active",
        true,
        "emails",
        arr(
            obj("value", "bjensen@example.com", "type", "work", "primary", true),
            obj("value", "babs@jensen.org", "type", "home")),
        "addresses",
        arr(
            obj(
                "type",
                "work",
                "streetAddress",
                "100 Universal City Plaza",
                "locality",
                "Hollywood"),
            obj("type", "home", "locality", "Bakersfield")),
        "meta",
        obj(
            "resourceType", "User",
            "created", "2010-01-23T04:56:22Z",
            "lastModified", "2011-05-13T04:42:34Z"),
        ENTERPRISE,
        obj("employeeNumber", "701984", "department", "Tour Operations"));
  }

  static Map<String, Object> group(Object... members) {
    return obj(
        "schemas",
        arr(StandardSchemas.GROUP),
        "id",
        "e9e30dba-f08f-4109-8486-d5c6a331660a",
        "displayName",
        "Tour Guides",
        "members",
        arr(members));
  }

  static Map<String, Object> member(String id, String ref, String display) {
    return obj("value", id, "$ref", ref, "display", display);
  }

  static Map<String, Object> patch(Map<String, Object> resource, PatchOperation... ops) {
    ResourceTypeDefinition type = resource.containsKey("userName") ? USER : GROUP;
    return PatchEngine.apply(resource, List.of(ops), type);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> patchBody(Map<String, Object> resource, String body) {
    Map<String, Object> parsed = (Map<String, Object>) JSONB.fromJson(body, Object.class);
    return PatchEngine.apply(resource, PatchRequests.parse(parsed), USER);
  }

  static ScimException rejected(Map<String, Object> resource, PatchOperation... ops) {
    return assertThrows(ScimException.class, () -> patch(resource, ops));
  }

  static void assertRejected(String scimType, Map<String, Object> resource, PatchOperation... ops) {
    ScimException e = rejected(resource, ops);
    assertEquals(400, e.status());
    assertEquals(scimType, e.scimType(), e.detail());
  }

  @Nested
  class Add {

    /** RFC 7644 §3.5.2.1, first example: add a member to a group. */
    @Test
    void addsMemberToGroupIgnoringReadOnlyDisplay() {
      Map<String, Object> result =
          patch(
              group(),
              add("members", arr(obj("display", "Babs Jensen", "$ref", BABS_REF, "value", BABS))));
      assertEquals(arr(obj("$ref", BABS_REF, "value", BABS)), result.get("members"));
    }

    /** RFC 7644 §3.5.2.1, second example: path-less add of emails and nickname. */
    @Test
    void pathlessAddAppendsEmailsAndSetsNickName() {
      Map<String, Object> result =
          patch(
              user(),
              add(
                  null,
                  obj(
                      "emails",
                      arr(obj("value", "babs@jensen.org", "type", "home")),
                      "nickname",
                      "Babs")));
      // The home address already exists, so nothing is appended (§3.5.2.1 "no changes").
      assertEquals(user().get("emails"), result.get("emails"));
      assertEquals("Babs", result.get("nickName"));
      assertFalse(result.containsKey("nickname"));
    }

    @Test
    void appendsNewValueToMultiValuedAttribute() {
      Map<String, Object> result =
          patch(user(), add("emails", arr(obj("value", "b@example.org", "type", "other"))));
      List<?> emails = (List<?>) result.get("emails");
      assertEquals(3, emails.size());
      assertEquals(obj("value", "b@example.org", "type", "other"), emails.get(2));
    }

    @Test
    void skipsValuesAlreadyContainedIgnoringCaseOfCaseInsensitiveSubAttributes() {
      Map<String, Object> result =
          patch(user(), add("emails", arr(obj("value", "BJENSEN@example.com", "type", "work"))));
      assertEquals(user().get("emails"), result.get("emails"));
    }

    @Test
    void addToSingleValuedAttributeReplacesIt() {
      assertEquals("Boss", patch(user(), add("title", "Boss")).get("title"));
    }

    @Test
    void addToComplexAttributeMergesSubAttributes() {
      Map<String, Object> result = patch(user(), add("name", obj("givenName", "Babs")));
      assertEquals(obj("familyName", "Jensen", "givenName", "Babs"), result.get("name"));
    }

    /** RFC 7644 §3.5.2: a new primary value demotes the others. */
    @Test
    void addingPrimaryValueClearsPrimaryOnTheOthers() {
      Map<String, Object> result =
          patch(
              user(),
              add(
                  "emails",
                  arr(obj("value", "new@example.org", "type", "other", "primary", true))));
      List<?> emails = (List<?>) result.get("emails");
      assertEquals(false, ((Map<?, ?>) emails.get(0)).get("primary"));
      assertEquals(true, ((Map<?, ?>) emails.get(2)).get("primary"));
    }

    @Test
    void moreThanOnePrimaryInOneValueIsInvalidValue() {
      assertRejected(
          "invalidValue",
          user(),
          add(
              "emails",
              arr(
                  obj("value", "a@example.org", "primary", true),
                  obj("value", "b@example.org", "primary", true))));
    }

    @Test
    void addingExtensionAttributeCreatesExtensionAndListsItsSchema() {
      Map<String, Object> user = user();
      user.remove(ENTERPRISE);
      ((List<?>) user.get("schemas")).remove(ENTERPRISE);
      Map<String, Object> result = patch(user, add(ENTERPRISE + ":department", "Sales"));
      assertEquals(obj("department", "Sales"), result.get(ENTERPRISE));
      assertEquals(arr(CORE_USER, ENTERPRISE), result.get("schemas"));
    }

    @Test
    void singleValueForMultiValuedAttributeIsTakenAsOneElementList() {
      Map<String, Object> result = patch(group(), add("members", obj("value", BABS)));
      assertEquals(arr(obj("value", BABS)), result.get("members"));
    }

    @Test
    void addThroughValueFilterMergesIntoMatchingValues() {
      Map<String, Object> result =
          patch(user(), add("emails[type eq \"home\"]", obj("display", "Home")));
      assertEquals(
          obj("value", "babs@jensen.org", "type", "home", "display", "Home"),
          ((List<?>) result.get("emails")).get(1));
    }
  }

  @Nested
  class Remove {

    /** RFC 7644 §3.5.2.2: remove a single member from a group. */
    @Test
    void removesSingleMemberMatchedByFilter() {
      Map<String, Object> result =
          patch(
              group(member(BABS, BABS_REF, "Babs"), member(JAMES, JAMES_REF, "James")),
              remove("members[value eq \"" + BABS + "\"]"));
      assertEquals(arr(member(JAMES, JAMES_REF, "James")), result.get("members"));
    }

    /** RFC 7644 §3.5.2.2: remove all members of a group. */
    @Test
    void removesAllMembers() {
      Map<String, Object> result = patch(group(member(BABS, BABS_REF, "Babs")), remove("members"));
      assertFalse(result.containsKey("members"));
    }

    /** RFC 7644 §3.5.2.2: remove values matched by a complex filter. */
    @Test
    void removesValuesMatchingComplexFilter() {
      Map<String, Object> result =
          patch(user(), remove("emails[type eq \"work\" and value ew \"example.com\"]"));
      assertEquals(arr(obj("value", "babs@jensen.org", "type", "home")), result.get("emails"));
    }

    /** RFC 7644 §3.5.2.2: replace all members with remove then add, in one request. */
    @Test
    void replacesAllMembersWithRemoveThenAdd() {
      Map<String, Object> result =
          patch(
              group(member("old", "https://example.com/v2/Users/old", "Old")),
              remove("members"),
              add(
                  "members",
                  arr(
                      obj("display", "Babs Jensen", "$ref", BABS_REF, "value", BABS),
                      obj("display", "James Smith", "$ref", JAMES_REF, "value", JAMES))));
      assertEquals(
          arr(obj("$ref", BABS_REF, "value", BABS), obj("$ref", JAMES_REF, "value", JAMES)),
          result.get("members"));
    }

    /** RFC 7644 §3.5.2.2: remove one member and add another; the RFC writes eq\"…\" unspaced. */
    @Test
    void removesOneMemberAndAddsAnother() {
      Map<String, Object> result =
          patch(
              group(member(BABS, BABS_REF, "Babs")),
              remove("members[value eq\"" + BABS + "\"]"),
              add(
                  "members",
                  arr(obj("display", "James Smith", "$ref", JAMES_REF, "value", JAMES))));
      assertEquals(arr(obj("$ref", JAMES_REF, "value", JAMES)), result.get("members"));
    }

    /** RFC 7644 §3.5.2.2: "If path is unspecified, the operation fails ... noTarget". */
    @Test
    void removeWithoutPathIsNoTarget() {
      assertRejected("noTarget", user(), remove(null));
    }

    @Test
    void removeWithUnmatchedFilterChangesNothing() {
      assertEquals(user(), patch(user(), remove("emails[type eq \"other\"]")));
    }

    @Test
    void removeOfUnassignedAttributeChangesNothing() {
      assertEquals(user(), patch(user(), remove("nickName")));
    }

    @Test
    void removingLastValueLeavesAttributeUnassigned() {
      Map<String, Object> result =
          patch(user(), remove("emails[type eq \"work\"]"), remove("emails[type eq \"home\"]"));
      assertFalse(result.containsKey("emails"));
    }

    /** RFC 7644 §3.5.2.2: removing a required attribute is a mutability error. */
    @Test
    void removingRequiredAttributeIsMutability() {
      assertRejected("mutability", user(), remove("userName"));
      assertRejected("mutability", group(), remove("displayName"));
    }

    @Test
    void removingLastSubAttributeRemovesComplexAttribute() {
      Map<String, Object> result =
          patch(user(), remove("name.familyName"), remove("name.givenName"));
      assertFalse(result.containsKey("name"));
    }

    @Test
    void removingLastExtensionAttributeRemovesExtensionAndItsSchema() {
      Map<String, Object> result =
          patch(user(), remove(ENTERPRISE + ":employeeNumber"), remove(ENTERPRISE + ":department"));
      assertFalse(result.containsKey(ENTERPRISE));
      assertEquals(arr(CORE_USER), result.get("schemas"));
    }

    @Test
    void removesWholeExtensionNamedByItsUrn() {
      Map<String, Object> result = patch(user(), remove(ENTERPRISE));
      assertFalse(result.containsKey(ENTERPRISE));
      assertEquals(arr(CORE_USER), result.get("schemas"));
    }

    @Test
    void removesSubAttributeOfMatchingValuesOnly() {
      Map<String, Object> result = patch(user(), remove("emails[type eq \"work\"].primary"));
      assertEquals(
          arr(
              obj("value", "bjensen@example.com", "type", "work"),
              obj("value", "babs@jensen.org", "type", "home")),
          result.get("emails"));
    }

    @Test
    void removingImmutableSubAttributeIsMutability() {
      assertRejected(
          "mutability",
          group(member(BABS, BABS_REF, "Babs")),
          remove("members[value eq \"" + BABS + "\"].value"));
    }
  }

  @Nested
  class Replace {

    /** RFC 7644 §3.5.2.3: replace all members of a group. */
    @Test
    void replacesAllMembers() {
      Map<String, Object> result =
          patch(
              group(member("old", "https://example.com/v2/Users/old", "Old")),
              replace(
                  "members",
                  arr(
                      obj("display", "Babs Jensen", "$ref", BABS_REF, "value", BABS),
                      obj("display", "James Smith", "$ref", JAMES_REF, "value", JAMES))));
      assertEquals(
          arr(obj("$ref", BABS_REF, "value", BABS), obj("$ref", JAMES_REF, "value", JAMES)),
          result.get("members"));
    }

    /** RFC 7644 §3.5.2.3: replace the work address. */
    @Test
    void replacesMatchingValueWhole() {
      Map<String, Object> address =
          obj(
              "type", "work",
              "streetAddress", "911 Universal City Plaza",
              "locality", "Hollywood",
              "region", "CA",
              "postalCode", "91608",
              "country", "US",
              "formatted", "911 Universal City Plaza\nHollywood, CA 91608 US",
              "primary", true);
      Map<String, Object> result = patch(user(), replace("addresses[type eq \"work\"]", address));
      assertEquals(
          arr(address, obj("type", "home", "locality", "Bakersfield")), result.get("addresses"));
    }

    /** RFC 7644 §3.5.2.3: replace one sub-attribute of the work address. */
    @Test
    void replacesSubAttributeOfMatchingValue() {
      Map<String, Object> result =
          patch(user(), replace("addresses[type eq \"work\"].streetAddress", "1010 Broadway Ave"));
      assertEquals(
          obj("type", "work", "streetAddress", "1010 Broadway Ave", "locality", "Hollywood"),
          ((List<?>) result.get("addresses")).get(0));
    }

    /** RFC 7644 §3.5.2.3: path-less replace of emails and nickname. */
    @Test
    void pathlessReplaceReplacesEmailListAndSetsNickName() {
      Map<String, Object> result =
          patch(
              user(),
              replace(
                  null,
                  obj(
                      "emails",
                      arr(
                          obj("value", "bjensen@example.com", "type", "work", "primary", true),
                          obj("value", "babs@jensen.org", "type", "home")),
                      "nickname",
                      "Babs")));
      assertEquals(
          arr(
              obj("value", "bjensen@example.com", "type", "work", "primary", true),
              obj("value", "babs@jensen.org", "type", "home")),
          result.get("emails"));
      assertEquals("Babs", result.get("nickName"));
    }

    /** RFC 7644 §3.5.2.3: "Sub-attributes that are not specified ... are left unchanged". */
    @Test
    void replaceOfSingleValuedComplexAttributeMergesSubAttributes() {
      Map<String, Object> result = patch(user(), replace("name", obj("givenName", "Babs")));
      assertEquals(obj("familyName", "Jensen", "givenName", "Babs"), result.get("name"));
    }

    @Test
    void replaceOfUnassignedAttributeAddsIt() {
      assertEquals("Babs", patch(user(), replace("nickName", "Babs")).get("nickName"));
    }

    @Test
    void replaceWithEmptyListLeavesAttributeUnassigned() {
      assertFalse(patch(user(), replace("emails", arr())).containsKey("emails"));
    }

    /** RFC 7644 §3.5.2.3: a value filter that matches nothing is noTarget. */
    @Test
    void replaceWithUnmatchedValuePathIsNoTarget() {
      assertRejected(
          "noTarget", user(), replace("emails[type eq \"fax\" or type eq \"other\"].value", "x"));
      assertRejected("noTarget", user(), replace("emails[value co \"nowhere\"]", obj("type", "x")));
    }

    @Test
    void settingPrimaryThroughValueFilterDemotesTheOthers() {
      Map<String, Object> result = patch(user(), replace("emails[type eq \"home\"].primary", true));
      List<?> emails = (List<?>) result.get("emails");
      assertEquals(false, ((Map<?, ?>) emails.get(0)).get("primary"));
      assertEquals(true, ((Map<?, ?>) emails.get(1)).get("primary"));
    }

    @Test
    void subAttributeOfEveryValueWithoutFilterIsInvalidPath() {
      assertRejected("invalidPath", user(), replace("emails.value", "x"));
    }

    @Test
    void replacesExtensionAttributesNamedByExtensionUrnPath() {
      Map<String, Object> result = patch(user(), replace(ENTERPRISE, obj("costCenter", "4130")));
      assertEquals(
          obj("employeeNumber", "701984", "department", "Tour Operations", "costCenter", "4130"),
          result.get(ENTERPRISE));
    }

    @Test
    void pathlessValueWithExtensionUrnKeyMergesIntoThatExtension() {
      Map<String, Object> result =
          patch(user(), replace(null, obj(ENTERPRISE, obj("department", "Sales"))));
      assertEquals(obj("employeeNumber", "701984", "department", "Sales"), result.get(ENTERPRISE));
    }

    @Test
    void changingImmutableValueIsMutability() {
      Map<String, Object> group = group(member(BABS, BABS_REF, "Babs"));
      assertRejected("mutability", group, replace("members[value eq \"" + BABS + "\"].value", "x"));
      assertRejected(
          "mutability", group, replace("members[value eq \"" + BABS + "\"]", obj("value", "x")));
    }

    @Test
    void rewritingImmutableValueUnchangedIsAllowed() {
      Map<String, Object> group = group(member(BABS, BABS_REF, "Babs"));
      assertEquals(group, patch(group, replace("members[value eq \"" + BABS + "\"].value", BABS)));
    }
  }

  @Nested
  class Errors {

    /**
     * A member without {@code value} names nobody; rejected at its own operation so that a later
     * operation's error does not stand in for it (RFC 7644 §3.5.2: operations apply in sequence).
     */
    @Test
    void memberWithoutValueIsInvalidValueAtItsOperation() {
      ScimException e =
          rejected(
              group(),
              new PatchOperation("add", "members", arr(obj("type", "User"))),
              new PatchOperation("add", "members[display eq \"nobody\"]", obj()));
      assertEquals("invalidValue", e.scimType());
      assertTrue(e.detail().startsWith("Operations[0]: "), e.detail());
      assertRejected(
          "invalidValue", group(), new PatchOperation("replace", "members", obj("display", "x")));
    }

    /**
     * Entra ID's {@code Remove} with a value list: a listed member without {@code value} is
     * invalidValue even when the group has no members, rather than a no-op here and an error (or,
     * matched on {@code type} alone, the removal of every user) elsewhere.
     */
    @Test
    void entraRemoveOfAMemberWithoutValueIsInvalidValueWhateverTheGroupHolds() {
      Map<String, Object> empty = obj("schemas", arr(StandardSchemas.GROUP), "displayName", "E");
      assertRejected(
          "invalidValue", empty, new PatchOperation("Remove", "members", obj("type", "User")));
      assertRejected(
          "invalidValue",
          group(member(BABS, BABS_REF, "Babs")),
          new PatchOperation("Remove", "members", arr(obj("type", "User"))));
    }

    @Test
    void unparseablePathIsInvalidPath() {
      assertRejected("invalidPath", user(), replace("emails[type eq", "x"));
      assertRejected("invalidPath", user(), replace("name..givenName", "x"));
    }

    @Test
    void unknownAttributeInPathIsInvalidPath() {
      assertRejected("invalidPath", user(), replace("nope", "x"));
      assertRejected("invalidPath", user(), replace("name.nope", "x"));
      assertRejected("invalidPath", user(), remove("emails[nope eq \"x\"]"));
      assertRejected("invalidPath", user(), replace("name[givenName eq \"x\"]", obj()));
      assertRejected("invalidPath", group(), remove("members[value eq \"x\"].displayName"));
    }

    @Test
    void pathToReadOnlyAttributeIsMutability() {
      assertRejected("mutability", user(), replace("id", "x"));
      assertRejected("mutability", user(), replace("meta.lastModified", "2020-01-01T00:00:00Z"));
      assertRejected("mutability", user(), remove("meta"));
      assertRejected("mutability", user(), add("groups", arr(obj("value", "g"))));
      assertRejected("mutability", user(), replace(ENTERPRISE + ":manager.displayName", "M"));
      assertRejected("mutability", user(), replace("schemas", arr(CORE_USER)));
    }

    @Test
    void valueOfWrongTypeOrShapeIsInvalidValue() {
      assertRejected("invalidValue", user(), replace("active", "yes"));
      assertRejected("invalidValue", user(), replace("userName", new BigDecimal("5")));
      assertRejected("invalidValue", user(), replace("name", "Barbara Jensen"));
      assertRejected("invalidValue", user(), replace("emails", arr(obj("nope", "x"))));
      assertRejected("invalidValue", user(), replace("title", null));
      assertRejected("invalidValue", user(), add(null, "not an object"));
      assertRejected("invalidValue", user(), replace(null, obj("nope", "x")));
      assertRejected("invalidValue", user(), replace(null, obj(ENTERPRISE, "x")));
    }

    /** RFC 7644 Table 9: an op outside add/remove/replace breaks the PatchOp message schema. */
    @Test
    void unknownOpIsInvalidSyntax() {
      assertRejected("invalidSyntax", user(), new PatchOperation("copy", "title", "x"));
      assertRejected("invalidSyntax", user(), new PatchOperation(null, "title", "x"));
    }

    @Test
    void errorDetailNamesTheFailingOperation() {
      ScimException e = rejected(user(), replace("title", "x"), replace("nope", "y"));
      assertEquals("Operations[1]: unknown attribute 'nope'", e.detail());
    }

    /** RFC 7644 §3.5.2: a failing operation fails the whole request. */
    @Test
    void failingLastOperationLeavesInputUnchanged() {
      Map<String, Object> input = user();
      Map<String, Object> snapshot = user();
      rejected(
          input,
          replace("title", "Boss"),
          remove("emails[type eq \"work\"]"),
          add(ENTERPRISE + ":costCenter", "1"),
          replace("id", "x"));
      assertEquals(snapshot, input);
    }

    @Test
    void successfulPatchReturnsNewMapAndLeavesInputUnchanged() {
      Map<String, Object> input = user();
      Map<String, Object> result =
          patch(input, replace("name.givenName", "Babs"), remove("emails[type eq \"home\"]"));
      assertNotSame(input, result);
      assertEquals(user(), input);
      assertEquals("Babs", ((Map<?, ?>) result.get("name")).get("givenName"));
    }
  }

  /** Non-standard tolerance of Okta's requests. */
  @Nested
  class Okta {

    @Test
    void deactivatesWithPathlessReplaceOfActive() {
      Map<String, Object> result = patch(user(), replace(null, obj("active", false)));
      assertEquals(false, result.get("active"));
    }

    @Test
    void ignoresEchoedReadOnlyAttributesInPathlessValues() {
      Map<String, Object> result =
          patch(
              user(),
              replace(
                  null,
                  obj(
                      "schemas", arr(CORE_USER),
                      "id", "another-id",
                      "meta", obj("resourceType", "Group"),
                      "groups", arr(obj("value", "g1")),
                      "displayName", "Babs")));
      Map<String, Object> expected = user();
      expected.put("displayName", "Babs");
      assertEquals(expected, result);
    }
  }

  /** Non-standard tolerance of Microsoft Entra ID's requests. */
  @Nested
  class EntraId {

    /** Microsoft's tutorial: {"op":"Add","path":"manager","value":[{"$ref":…,"value":…}]}. */
    @Test
    void acceptsManagerWithoutUrnAndAsAOneElementArray() {
      Map<String, Object> result =
          patch(
              user(),
              new PatchOperation(
                  "Add",
                  "manager",
                  List.of(obj("$ref", "https://example.com/scim/v2/Users/m-7", "value", "m-7"))));
      assertEquals(
          "m-7", ((Map<?, ?>) ((Map<?, ?>) result.get(ENTERPRISE)).get("manager")).get("value"));
    }

    @Test
    void acceptsOpNamesInAnyCase() {
      Map<String, Object> result =
          patch(
              user(),
              new PatchOperation("Replace", "title", "Boss"),
              new PatchOperation("Add", "nickName", "Babs"),
              new PatchOperation("Remove", "externalId", null));
      assertEquals("Boss", result.get("title"));
      assertEquals("Babs", result.get("nickName"));
      assertFalse(result.containsKey("externalId"));
    }

    @Test
    void acceptsBooleanSentAsString() {
      Map<String, Object> result = patch(user(), new PatchOperation("Replace", "active", "False"));
      assertEquals(false, result.get("active"));
      result =
          patch(user(), new PatchOperation("Replace", "emails[type eq \"home\"].primary", "True"));
      assertEquals(true, ((Map<?, ?>) ((List<?>) result.get("emails")).get(1)).get("primary"));
    }

    @Test
    void acceptsPathlessValuesKeyedByDottedAndUrnPaths() {
      Map<String, Object> result =
          patch(
              user(),
              new PatchOperation(
                  "Replace",
                  null,
                  obj(
                      "name.givenName",
                      "Ann",
                      ENTERPRISE + ":department",
                      "Sales",
                      "active",
                      "True")));
      assertEquals(obj("familyName", "Jensen", "givenName", "Ann"), result.get("name"));
      assertEquals("Sales", ((Map<?, ?>) result.get(ENTERPRISE)).get("department"));
      assertEquals(true, result.get("active"));
    }

    @Test
    void createsValueWhenValuePathWithEqualityFilterMatchesNothing() {
      Map<String, Object> user = user();
      user.remove("emails");
      Map<String, Object> result =
          patch(
              user,
              new PatchOperation("Add", "emails[type eq \"work\"].value", "ann@example.com"),
              new PatchOperation("Replace", "phoneNumbers[type eq \"mobile\"].value", "555-0100"),
              new PatchOperation("Replace", "addresses[type eq \"other\"].locality", "Paris"));
      assertEquals(arr(obj("type", "work", "value", "ann@example.com")), result.get("emails"));
      assertEquals(arr(obj("type", "mobile", "value", "555-0100")), result.get("phoneNumbers"));
      assertEquals(
          obj("type", "other", "locality", "Paris"), ((List<?>) result.get("addresses")).get(2));
    }

    @Test
    void updatesExistingValueRatherThanCreatingOne() {
      Map<String, Object> result =
          patch(user(), new PatchOperation("Replace", "emails[type eq \"work\"].value", "n@x.org"));
      assertEquals(
          obj("value", "n@x.org", "type", "work", "primary", true),
          ((List<?>) result.get("emails")).get(0));
    }

    @Test
    void acceptsManagerAsPlainId() {
      Map<String, Object> result =
          patch(user(), new PatchOperation("Add", ENTERPRISE + ":manager", "26118915"));
      assertEquals(obj("value", "26118915"), ((Map<?, ?>) result.get(ENTERPRISE)).get("manager"));
    }

    /**
     * Microsoft's SCIM compatibility notes (the {@code aadOptscim062020} flag): several attribute
     * changes in one path-less {@code replace} whose keys are paths, a value-filtered one among
     * them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void pathlessReplaceWithValueFilteredKeysAsEntraSendsIt() {
      Map<String, Object> result =
          patchBody(
              user(),
              """
              {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
               "Operations": [{"op": "Replace", "value": {
                 "displayName": "Babs J",
                 "emails[type eq \\"work\\"].value": "barbara@contoso.com",
                 "name.givenName": "Barbara Ann",
                 "name.familyName": "Jensen-Smith",
                 "externalId": "bjensen-2",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "42"
               }}]}
              """);
      Map<String, Object> expected = user();
      expected.put("displayName", "Babs J");
      expected.put("externalId", "bjensen-2");
      expected.put("name", obj("familyName", "Jensen-Smith", "givenName", "Barbara Ann"));
      ((Map<String, Object>) ((List<?>) expected.get("emails")).get(0))
          .put("value", "barbara@contoso.com");
      ((Map<String, Object>) expected.get(ENTERPRISE)).put("employeeNumber", "42");
      assertEquals(expected, result);
    }

    /** The {@code Add} twin: Entra sends it for an attribute the user did not have yet. */
    @Test
    void pathlessAddWithValueFilteredKeysCreatesTheValue() {
      Map<String, Object> user = user();
      user.remove("emails");
      Map<String, Object> result =
          patchBody(
              user,
              """
              {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
               "Operations": [{"op": "Add", "value": {
                 "emails[type eq \\"work\\"].value": "barbara@contoso.com",
                 "phoneNumbers[type eq \\"mobile\\"].value": "+1 555 0100",
                 "nickName": "Babs"
               }}]}
              """);
      assertEquals(arr(obj("type", "work", "value", "barbara@contoso.com")), result.get("emails"));
      assertEquals(arr(obj("type", "mobile", "value", "+1 555 0100")), result.get("phoneNumbers"));
      assertEquals("Babs", result.get("nickName"));
    }

    @Test
    void valueFilteredKeySetsOneSubAttributeOfTheMatchingValue() {
      Map<String, Object> result =
          patch(
              user(),
              new PatchOperation("Add", null, obj("emails[type eq \"home\"].display", "Home")));
      assertEquals(
          obj("value", "babs@jensen.org", "type", "home", "display", "Home"),
          ((List<?>) result.get("emails")).get(1));
      assertEquals(user().get("name"), result.get("name"));
    }

    static Stream<Arguments> badValueFilteredKeys() {
      return Stream.of(
          Arguments.of("emails[type eq \"work\".value", "invalidPath"),
          Arguments.of("nosuch[type eq \"work\"].value", "invalidPath"),
          Arguments.of("emails[nosuch eq \"work\"].value", "invalidPath"),
          Arguments.of("emails[type eq \"work\"].nosuch", "invalidPath"),
          Arguments.of("groups[value eq \"g\"].display", "mutability"),
          Arguments.of("emails[value co \"@nowhere\"].type", "noTarget"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void badValueFilteredKeys(String key, String scimType) {
      assertRejected(scimType, user(), new PatchOperation("Replace", null, obj(key, "x")));
    }

    @Test
    void removeOfMembersWithValueRemovesOnlyListedMembers() {
      Map<String, Object> result =
          patch(
              group(member(BABS, BABS_REF, "Babs"), member(JAMES, JAMES_REF, "James")),
              new PatchOperation("Remove", "members", arr(obj("value", BABS))));
      assertEquals(arr(member(JAMES, JAMES_REF, "James")), result.get("members"));
    }

    @Test
    void removeOfMembersWithUnknownValueChangesNothing() {
      Map<String, Object> group = group(member(BABS, BABS_REF, "Babs"));
      assertEquals(
          group, patch(group, new PatchOperation("Remove", "members", arr(obj("value", "x")))));
    }
  }

  @Test
  void resultHoldsNoEmptyContainers() {
    Map<String, Object> result =
        patch(user(), replace("addresses", arr(obj(), obj("type", "home"))));
    assertEquals(arr(obj("type", "home")), result.get("addresses"));
    assertTrue(result.containsKey("emails"));
  }
}
