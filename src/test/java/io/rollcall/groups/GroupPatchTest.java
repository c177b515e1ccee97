package io.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.groups.MembershipChange.MemberRef;
import io.rollcall.json.ScimJson;
import io.rollcall.protocol.DroppedAttributes;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.Tolerance;
import io.rollcall.protocol.Tolerances;
import io.rollcall.protocol.Tolerances.UnknownAttributes;
import io.rollcall.protocol.patch.PatchEngine;
import io.rollcall.protocol.patch.PatchOperation;
import io.rollcall.protocol.patch.PatchRequests;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.protocol.schema.StandardSchemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The PATCH requests identity providers send to {@code /Groups}, as captured from Okta group push
 * and Microsoft Entra ID provisioning, split into member row changes and attribute operations.
 */
class GroupPatchTest {

  static final ResourceTypeDefinition GROUP =
      SchemaRegistry.forTenant(StandardSchemas.DEFAULT_CUSTOM_USER, true)
          .resourceType("Group")
          .orElseThrow();

  private static GroupPatch plan(String operations) {
    return GroupPatch.plan(parse(operations), GROUP).orElseThrow();
  }

  private static List<PatchOperation> parse(String operations) {
    return PatchRequests.parse(
        ScimJson.parseStored(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + operations
                + "}"));
  }

  private static List<String> ids(MembershipChange change) {
    return change.added().stream().map(MemberRef::id).toList();
  }

  // ---- Okta group push ----

  @Test
  void oktaCreateWithNoMembersReplacesWithAnEmptyList() {
    MembershipChange change = MembershipChange.replacing(MembershipChange.refs(List.of()));
    assertTrue(change.replacesAll());
    assertTrue(change.added().isEmpty());
  }

  @Test
  void oktaRenameByPathlessReplaceIsAnAttributeOperationOnly() {
    GroupPatch patch =
        plan(
            """
            [{"op":"replace","value":{"id":"6f0c1f5e-0000-4000-8000-000000000001",
              "displayName":"Engineering (new)"}}]""");
    assertTrue(patch.members().isEmpty());
    assertEquals(1, patch.attributeOperations().size());
    Map<String, Object> renamed =
        PatchEngine.apply(
            ScimJson.parseStored("{\"displayName\":\"Engineering\"}"),
            patch.attributeOperations(),
            GROUP);
    assertEquals("Engineering (new)", renamed.get("displayName"));
    assertFalse(renamed.containsKey("id"), "the echoed id is ignored");
  }

  @Test
  void oktaAddMembersInsertsOnlyThoseMembers() {
    GroupPatch patch =
        plan(
            """
            [{"op":"add","path":"members","value":[
              {"value":"u1","display":"ann@example.com"},{"value":"u2","display":"bob@example.com"}]}]""");
    assertFalse(patch.members().replacesAll());
    assertEquals(List.of("u1", "u2"), ids(patch.members()));
    assertTrue(patch.members().removed().isEmpty());
    assertTrue(patch.attributeOperations().isEmpty());
  }

  @Test
  void oktaRemoveByValueFilterDeletesThatMember() {
    GroupPatch patch = plan("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}]");
    assertFalse(patch.members().replacesAll());
    assertEquals(Set.of("u1"), patch.members().removed());
    assertTrue(patch.members().added().isEmpty());
  }

  @Test
  void valueFilterWithAlternativesRemovesEachNamedMember() {
    GroupPatch patch =
        plan(
            "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\" or value eq \\\"b\\\"]\"}]");
    assertEquals(Set.of("a", "b"), patch.members().removed());
  }

  // ---- Microsoft Entra ID ----

  @Test
  void entraCapitalisedAddAndRemove() {
    GroupPatch patch =
        plan(
            """
            [{"op":"Add","path":"members","value":[{"value":"u3"}]},
             {"op":"Remove","path":"members","value":[{"value":"u4"}]}]""");
    assertEquals(List.of("u3"), ids(patch.members()));
    assertEquals(Set.of("u4"), patch.members().removed());
  }

  @Test
  void entraRemoveWithValueArrayRemovesOnlyTheListedMembers() {
    GroupPatch patch =
        plan(
            """
            [{"op":"Remove","path":"members","value":[{"value":"u1"},{"value":"u2"}]}]""");
    assertFalse(patch.members().replacesAll(), "a strict reading would empty the group");
    assertEquals(Set.of("u1", "u2"), patch.members().removed());
  }

  @Test
  void entraReplaceOfDisplayNameByPath() {
    GroupPatch patch =
        plan("[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Sales EMEA\"}]");
    assertTrue(patch.members().isEmpty());
    assertEquals("displayName", patch.attributeOperations().get(0).path());
  }

  @Test
  void plainStringMembersAreTakenAsValues() {
    GroupPatch patch = plan("[{\"op\":\"add\",\"path\":\"members\",\"value\":[\"u7\"]}]");
    assertEquals(List.of("u7"), ids(patch.members()));
  }

  // ---- the RFC shapes ----

  @Test
  void removeOfMembersWithoutValueEmptiesTheGroup() {
    GroupPatch patch = plan("[{\"op\":\"remove\",\"path\":\"members\"}]");
    assertTrue(patch.members().replacesAll());
    assertTrue(patch.members().added().isEmpty());
  }

  @Test
  void replaceOfMembersReplacesTheWholeList() {
    GroupPatch patch =
        plan("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"u9\"}]}]");
    assertTrue(patch.members().replacesAll());
    assertEquals(List.of("u9"), ids(patch.members()));
  }

  @Test
  void pathlessReplaceSplitsMembersFromOtherAttributes() {
    GroupPatch patch =
        plan(
            """
            [{"op":"replace","value":{"id":"g1","displayName":"Ops",
              "members":[{"value":"u1","type":"User"}]}}]""");
    assertTrue(patch.members().replacesAll());
    assertEquals(
        List.of(new MemberRef("u1", MemberType.USER)), List.copyOf(patch.members().added()));
    PatchOperation rest = patch.attributeOperations().get(0);
    assertEquals(Map.of("id", "g1", "displayName", "Ops"), rest.value());
  }

  @Test
  void pathlessAddOfMembersAddsThem() {
    GroupPatch patch = plan("[{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"u5\"}]}}]");
    assertFalse(patch.members().replacesAll());
    assertEquals(List.of("u5"), ids(patch.members()));
    assertTrue(patch.attributeOperations().isEmpty());
  }

  @Test
  void qualifiedMembersPathIsRecognised() {
    GroupPatch patch =
        plan(
            """
            [{"op":"add","path":"urn:ietf:params:scim:schemas:core:2.0:Group:members",
              "value":[{"value":"u1"}]}]""");
    assertEquals(List.of("u1"), ids(patch.members()));
  }

  @Test
  void laterOperationsWinOverEarlierOnes() {
    GroupPatch patch =
        plan(
            """
            [{"op":"add","path":"members","value":[{"value":"a"},{"value":"b"}]},
             {"op":"remove","path":"members[value eq \\"a\\"]"},
             {"op":"remove","path":"members[value eq \\"c\\"]"},
             {"op":"add","path":"members","value":[{"value":"c"}]},
             {"op":"replace","path":"displayName","value":"Renamed"}]""");
    assertEquals(List.of("b", "c"), ids(patch.members()));
    assertEquals(Set.of("a"), patch.members().removed());
    assertEquals(1, patch.attributeOperations().size());
  }

  @Test
  void replaceAfterEditsStartsFromTheReplacement() {
    GroupPatch patch =
        plan(
            """
            [{"op":"remove","path":"members[value eq \\"x\\"]"},
             {"op":"replace","path":"members","value":[{"value":"y"}]},
             {"op":"remove","path":"members[value eq \\"y\\"]"}]""");
    assertTrue(patch.members().replacesAll());
    assertTrue(patch.members().added().isEmpty());
    assertTrue(patch.members().removed().isEmpty());
  }

  @Test
  void otherMemberFiltersNeedTheWholeGroup() {
    assertEquals(
        Optional.empty(),
        GroupPatch.plan(
            parse("[{\"op\":\"remove\",\"path\":\"members[type eq \\\"Group\\\"]\"}]"), GROUP));
    assertEquals(
        Optional.empty(),
        GroupPatch.plan(
            parse(
                "[{\"op\":\"replace\",\"path\":\"members[value eq \\\"u1\\\"].type\",\"value\":\"User\"}]"),
            GROUP));
  }

  @Test
  void malformedMembersAreInvalidValueNamingTheOperation() {
    ScimException noValue =
        assertThrows(
            ScimException.class,
            () ->
                plan(
                    "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u0\"}]},"
                        + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"valu\":\"u1\"}]}]"));
    assertEquals("invalidValue", noValue.scimType());
    assertTrue(noValue.detail().startsWith("Operations[1]: "), noValue.detail());
    ScimException badType =
        assertThrows(
            ScimException.class,
            () ->
                plan(
                    "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\",\"type\":\"Robot\"}]}]"));
    assertEquals("invalidValue", badType.scimType());
    ScimException missing =
        assertThrows(ScimException.class, () -> plan("[{\"op\":\"add\",\"path\":\"members\"}]"));
    assertEquals("invalidValue", missing.scimType());
  }

  /**
   * RFC 7644 §3.5.2 applies operations in sequence, so the first failure is the one reported: a
   * malformed member operation after an operation only the engine judges (here a path-less remove,
   * noTarget) leaves the request to the engine on the whole group.
   */
  @Test
  void malformedMemberOperationAfterAnEngineOperationLeavesTheRequestToTheEngine() {
    assertEquals(
        Optional.empty(),
        GroupPatch.plan(
            parse(
                """
                [{"op":"remove","value":{"members":[]}},
                 {"op":"add","path":"members"}]"""),
            GROUP));
  }

  @Test
  void aMemberNamedTwiceKeepsTheTypeEitherMentionGives() {
    GroupPatch patch =
        plan(
            """
            [{"op":"add","path":"members","value":[{"value":"g1","type":"Group"},{"value":"g1"}]},
             {"op":"add","path":"members","value":[{"value":"g1"}]}]""");
    assertEquals(
        List.of(new MemberRef("g1", MemberType.GROUP)), List.copyOf(patch.members().added()));
  }

  @Test
  void aMemberNamedTwiceWithTwoTypesIsInvalidValueUnlessRemovedAgain() {
    GroupPatch both =
        plan(
            """
            [{"op":"add","path":"members",
              "value":[{"value":"g1","type":"User"},{"value":"g1","type":"Group"}]}]""");
    ScimException e = assertThrows(ScimException.class, () -> both.members().checkTypes());
    assertEquals("invalidValue", e.scimType());
    GroupPatch removed =
        plan(
            """
            [{"op":"add","path":"members",
              "value":[{"value":"g1","type":"User"},{"value":"g1","type":"Group"}]},
             {"op":"remove","path":"members[value eq \\"g1\\"]"}]""");
    removed.members().checkTypes();
    assertTrue(removed.members().added().isEmpty());
  }

  @Test
  void operationsTheEngineMustJudgePassThrough() {
    GroupPatch patch =
        plan(
            """
            [{"op":"move","path":"displayName","value":"x"},
             {"op":"replace","path":"nosuch","value":"x"}]""");
    assertEquals(2, patch.attributeOperations().size());
    ScimException e =
        assertThrows(
            ScimException.class,
            () ->
                PatchEngine.apply(Map.of("displayName", "a"), patch.attributeOperations(), GROUP));
    assertEquals("invalidSyntax", e.scimType());
  }

  // ---- tolerances decided by the tenant's IdP profile ----

  @Test
  void removeWithAMemberListIsTheEnginesUnderAStrictProfile() {
    List<PatchOperation> entra =
        parse("[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]");
    assertTrue(GroupPatch.plan(entra, GROUP, Tolerances.ANY_IDP).isPresent());
    List<PatchOperation> lowerCase =
        parse("[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]");
    assertEquals(Optional.empty(), GroupPatch.plan(lowerCase, GROUP, Tolerances.STRICT));
    assertTrue(
        GroupPatch.plan(
                lowerCase,
                GROUP,
                Tolerances.of(UnknownAttributes.REFUSE, Tolerance.REMOVE_LISTED_VALUES))
            .isPresent(),
        "OneLogin and JumpCloud keep the row path");
    ScimException strict =
        assertThrows(
            ScimException.class,
            () ->
                PatchEngine.apply(
                    Map.of("displayName", "g", "members", List.of(Map.of("value", "u1"))),
                    lowerCase,
                    GROUP,
                    Tolerances.STRICT,
                    new DroppedAttributes()));
    assertEquals("invalidValue", strict.scimType());
  }

  @Test
  void capitalisedOpsAndMemberShapesAProfileDoesNotAllowGoToTheEngine() {
    PatchOperation capitalised =
        parse("[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]").get(0);
    GroupPatch strict =
        GroupPatch.plan(List.of(capitalised), GROUP, Tolerances.STRICT).orElseThrow();
    assertEquals(
        List.of(capitalised), strict.attributeOperations(), "the engine says invalidSyntax");
    assertEquals(
        Optional.empty(),
        GroupPatch.plan(
            parse("[{\"op\":\"add\",\"path\":\"members\",\"value\":[\"u1\"]}]"),
            GROUP,
            Tolerances.STRICT));
    assertEquals(
        Optional.empty(),
        GroupPatch.plan(
            parse(
                "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\",\"displayName\":\"Ann\"}]}]"),
            GROUP,
            Tolerances.of(UnknownAttributes.DROP_AND_REPORT)),
        "the engine drops and reports members[].displayName");
  }
}
