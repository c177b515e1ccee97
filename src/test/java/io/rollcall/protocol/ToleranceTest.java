package io.rollcall.protocol;

import static io.rollcall.protocol.Tolerances.UnknownAttributes.DROP_AND_REPORT;
import static io.rollcall.protocol.Tolerances.UnknownAttributes.REFUSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.protocol.patch.PatchEngine;
import io.rollcall.protocol.patch.PatchOperation;
import io.rollcall.protocol.resource.ResourceNormalizer;
import io.rollcall.protocol.schema.ResourceTypeDefinition;
import io.rollcall.protocol.schema.SchemaRegistry;
import io.rollcall.protocol.schema.StandardSchemas;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every named {@link Tolerance} in both directions: the request an identity provider sends is
 * accepted when the tolerance is allowed (alone, so no other tolerance helps it through), and gets
 * RFC 7644's answer (§3.12, Table 9) when it is not. Then the unknown-attribute policy: refused
 * with a 400 naming the attributes, or dropped and reported by name only.
 */
class ToleranceTest {

  static final SchemaRegistry REGISTRY =
      SchemaRegistry.forTenant(StandardSchemas.DEFAULT_CUSTOM_USER, true);
  static final ResourceTypeDefinition USER = REGISTRY.user();
  static final ResourceTypeDefinition GROUP = REGISTRY.resourceType("Group").orElseThrow();
  static final String ENTERPRISE = StandardSchemas.ENTERPRISE_USER;
  static final String MEMBER = "2819c223-7f76-453a-919d-413861904646";
  static final Jsonb JSONB = JsonbBuilder.create();

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String text) {
    return JSONB.fromJson(text, Map.class);
  }

  static Object value(String text) {
    return JSONB.fromJson(text, Object.class);
  }

  static Map<String, Object> user() {
    return json(
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
         "id":"u1","userName":"kim@example.com","title":"Guide","active":true,
         "meta":{"resourceType":"User"}}
        """);
  }

  static Map<String, Object> patchUser(Tolerances tolerances, PatchOperation... operations) {
    return PatchEngine.apply(
        user(), List.of(operations), USER, tolerances, new DroppedAttributes());
  }

  static Map<String, Object> normalizeUser(Tolerances tolerances, String body) {
    return new ResourceNormalizer(USER, tolerances, new DroppedAttributes()).normalize(json(body));
  }

  /**
   * One tolerance: what needs it, and the RFC's scimType without it.
   *
   * @param rfc the section that gives the strict answer
   */
  record Case(Tolerance tolerance, String rfc, String scimType, Function<Tolerances, ?> request) {
    @Override
    public String toString() {
      return tolerance + " (" + rfc + " → " + scimType + ")";
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            Tolerance.OP_IN_ANY_CASE,
            "RFC 7644 §3.5.2, Table 9",
            "invalidSyntax",
            t -> patchUser(t, new PatchOperation("Replace", "title", "Lead"))),
        new Case(
            Tolerance.BOOLEAN_AS_STRING,
            "RFC 7643 §2.3.2",
            "invalidValue",
            t -> patchUser(t, PatchOperation.replace("active", "False"))),
        new Case(
            Tolerance.PATH_KEYS_IN_VALUE,
            "RFC 7644 §3.5.2.3",
            "invalidValue",
            t -> patchUser(t, PatchOperation.replace(null, value("{\"name.givenName\":\"Kim\"}")))),
        new Case(
            Tolerance.CREATE_ON_UNMATCHED_FILTER,
            "RFC 7644 §3.5.2.3",
            "noTarget",
            t ->
                patchUser(
                    t,
                    PatchOperation.replace("emails[type eq \"work\"].value", "kim@example.com"))),
        new Case(
            Tolerance.PLAIN_VALUE_FOR_COMPLEX,
            "RFC 7643 §4.3",
            "invalidValue",
            t -> patchUser(t, PatchOperation.add(ENTERPRISE + ":manager", MEMBER))),
        new Case(
            Tolerance.REMOVE_LISTED_VALUES,
            "RFC 7644 §3.5.2.2",
            "invalidValue",
            t ->
                PatchEngine.apply(
                    json(
                        "{\"displayName\":\"Sales\",\"members\":[{\"value\":\"" + MEMBER + "\"}]}"),
                    List.of(
                        new PatchOperation(
                            "remove", "members", value("[{\"value\":\"" + MEMBER + "\"}]"))),
                    GROUP,
                    t,
                    new DroppedAttributes())),
        new Case(
            Tolerance.READ_ONLY_ECHO,
            "RFC 7644 §3.5.2, Table 9",
            "mutability",
            t ->
                patchUser(
                    t, PatchOperation.replace(null, value("{\"id\":\"u1\",\"title\":\"Lead\"}")))),
        new Case(
            Tolerance.EXTENSION_WITHOUT_URN,
            "RFC 7644 §3.10",
            "invalidPath",
            t -> patchUser(t, PatchOperation.add("manager", value("{\"value\":\"m1\"}")))),
        new Case(
            Tolerance.VALUE_FILTER_WITH_SUB_ATTRIBUTE,
            "RFC 7644 §3.4.2.2",
            "invalidFilter",
            t ->
                FilterParser.parse(
                    "emails[type eq \"work\"].value eq \"kim@example.com\"", USER, t)),
        new Case(
            Tolerance.FOREIGN_SCHEMA_URNS,
            "RFC 7643 §3",
            "invalidValue",
            t ->
                new ResourceNormalizer(GROUP, t, new DroppedAttributes())
                    .normalize(
                        json(
                            """
                            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                              "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                             "displayName":"Sales"}
                            """))),
        new Case(
            Tolerance.QUALIFIED_TOP_LEVEL_KEYS,
            "RFC 7643 §3",
            "invalidValue",
            t ->
                normalizeUser(
                    t, "{\"userName\":\"kim\",\"" + ENTERPRISE + ":department\":\"Sales\"}")),
        new Case(
            Tolerance.SINGLE_VALUE_FOR_MULTI_VALUED,
            "RFC 7643 §2.4",
            "invalidValue",
            t -> normalizeUser(t, "{\"userName\":\"kim\",\"emails\":{\"value\":\"kim@x.org\"}}")));
  }

  @Test
  void everyToleranceHasACaseInBothDirections() {
    assertEquals(
        EnumSet.allOf(Tolerance.class),
        cases()
            .map(Case::tolerance)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Tolerance.class))));
  }

  @Test
  void everyToleranceSaysWhyInOneLine() {
    for (Tolerance tolerance : Tolerance.values()) {
      assertFalse(tolerance.why().isBlank(), tolerance.name());
      assertFalse(tolerance.why().contains("\n"), tolerance.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void acceptedWhenTheProfileAllowsIt(Case c) {
    c.request().apply(Tolerances.of(REFUSE, c.tolerance()));
    c.request().apply(Tolerances.ANY_IDP);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theRfcAnswerWithoutIt(Case c) {
    ScimException refused =
        assertThrows(ScimException.class, () -> c.request().apply(Tolerances.STRICT));
    assertEquals(400, refused.status(), refused.detail());
    assertEquals(c.scimType(), refused.scimType(), refused.detail());
    // Every other tolerance together does not stand in for the missing one.
    Set<Tolerance> others = EnumSet.allOf(Tolerance.class);
    others.remove(c.tolerance());
    ScimException stillRefused =
        assertThrows(ScimException.class, () -> c.request().apply(new Tolerances(others, REFUSE)));
    assertEquals(c.scimType(), stillRefused.scimType(), stillRefused.detail());
  }

  /**
   * RFC 7644 §3.5.2.3: "If the target location is a complex multi-valued attribute with a value
   * selection filter ... and no record match was made, the service provider SHALL indicate failure
   * by returning HTTP status code 400 and a scimType error code of noTarget."
   */
  @Test
  void replaceWithUnmatchedValuePathIsNoTargetUnderStrict() {
    ScimException e =
        assertThrows(
            ScimException.class,
            () ->
                patchUser(
                    Tolerances.STRICT,
                    PatchOperation.replace("emails[type eq \"work\"].value", "kim@example.com")));
    assertEquals("noTarget", e.scimType());
    Map<String, Object> created =
        patchUser(
            Tolerances.of(REFUSE, Tolerance.CREATE_ON_UNMATCHED_FILTER),
            PatchOperation.replace("emails[type eq \"work\"].value", "kim@example.com"));
    assertEquals(
        List.of(Map.of("type", "work", "value", "kim@example.com")), created.get("emails"));
  }

  /** The strict answer does not depend on what the resource holds: the user has no phone. */
  @Test
  void removeWithAValueListIsRefusedUnderStrictEvenWhenNothingIsThere() {
    ScimException e =
        assertThrows(
            ScimException.class,
            () ->
                patchUser(
                    Tolerances.STRICT,
                    new PatchOperation(
                        "remove", "phoneNumbers", value("[{\"value\":\"+1 555 0100\"}]"))));
    assertEquals("invalidValue", e.scimType());
  }

  /** An Entra ID mapping to a custom extension the tenant lacks loses only that extension. */
  @Test
  void anUnknownExtensionIsDroppedWithItsAttributesWhereUnknownAttributesAre() {
    String body =
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User"],
         "userName":"kim@example.com",
         "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User":{"badge":"7"}}
        """;
    DroppedAttributes dropped = new DroppedAttributes();
    Map<String, Object> user =
        new ResourceNormalizer(USER, Tolerances.of(DROP_AND_REPORT), dropped).normalize(json(body));
    assertEquals("kim@example.com", user.get("userName"));
    assertFalse(dropped.isEmpty());
    assertThrows(ScimException.class, () -> normalizeUser(Tolerances.STRICT, body));
    // A core schema of another resource type still means the wrong endpoint.
    assertThrows(
        ScimException.class,
        () ->
            new ResourceNormalizer(USER, Tolerances.of(DROP_AND_REPORT), new DroppedAttributes())
                .normalize(
                    json(
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                            + "\"userName\":\"kim@example.com\"}")));
  }

  @Test
  void rfcSpellingsWorkUnderStrict() {
    Map<String, Object> patched =
        patchUser(
            Tolerances.STRICT,
            PatchOperation.replace("active", false),
            PatchOperation.add(ENTERPRISE + ":manager", value("{\"value\":\"m1\"}")),
            PatchOperation.replace(
                null, value("{\"title\":\"Lead\",\"name\":{\"givenName\":\"K\"}}")));
    assertEquals(false, patched.get("active"));
    assertEquals("Lead", patched.get("title"));
  }

  // ---- unknown attributes (RFC 7644 §3.12 invalidValue, or dropped and reported) ----

  @Test
  void unknownAttributesAreRefusedByNameUnderRefuse() {
    ScimException e =
        assertThrows(
            ScimException.class,
            () -> normalizeUser(Tolerances.STRICT, "{\"userName\":\"kim\",\"nickNmae\":\"K\"}"));
    assertEquals("invalidValue", e.scimType());
    assertTrue(e.detail().contains("'nickNmae'"), e.detail());
    assertEquals(ScimException.UNKNOWN_ATTRIBUTE, e.auditCode());
  }

  @Test
  void misspelledAttributeInAPutIsDroppedAndReportedByNameOnly() {
    DroppedAttributes dropped = new DroppedAttributes();
    Map<String, Object> user =
        new ResourceNormalizer(USER, Tolerances.of(DROP_AND_REPORT), dropped)
            .normalize(
                json("{\"userName\":\"kim\",\"nickNmae\":\"secret-value\",\"title\":\"T\"}"));
    assertEquals("kim", user.get("userName"));
    assertEquals("T", user.get("title"));
    assertFalse(user.containsKey("nickNmae"));
    assertEquals(List.of("nickNmae"), dropped.names());
    assertFalse(dropped.toString().contains("secret-value"));
  }

  @Test
  void memberDisplayNameIsDroppedOnceWhateverTheListLength() {
    DroppedAttributes dropped = new DroppedAttributes();
    Map<String, Object> group =
        new ResourceNormalizer(GROUP, Tolerances.of(DROP_AND_REPORT), dropped)
            .normalize(
                json(
                    """
                    {"displayName":"Sales","members":[
                      {"value":"a","displayName":"Ann"},{"value":"b","displayName":"Bob"}]}
                    """));
    assertEquals(2, ((List<?>) group.get("members")).size());
    assertEquals(List.of("members.displayName"), dropped.names());
  }

  @Test
  void patchDropsUnknownKeysAndSubAttributesButNotUnknownPaths() {
    DroppedAttributes dropped = new DroppedAttributes();
    Map<String, Object> patched =
        PatchEngine.apply(
            user(),
            List.of(
                PatchOperation.replace(null, value("{\"titel\":\"x\",\"title\":\"Lead\"}")),
                PatchOperation.add("name", value("{\"givenName\":\"K\",\"nick\":\"x\"}"))),
            USER,
            Tolerances.of(DROP_AND_REPORT),
            dropped);
    assertEquals("Lead", patched.get("title"));
    assertEquals(List.of("titel", "name.nick"), dropped.names());
    // A path is not data: naming an attribute that does not exist stays invalidPath (Table 9).
    ScimException e =
        assertThrows(
            ScimException.class,
            () -> patchUser(Tolerances.of(DROP_AND_REPORT), PatchOperation.replace("titel", "x")));
    assertEquals("invalidPath", e.scimType());
  }

  @Test
  void aFailedPatchReportsNothing() {
    DroppedAttributes dropped = new DroppedAttributes();
    assertThrows(
        ScimException.class,
        () ->
            PatchEngine.apply(
                user(),
                List.of(
                    PatchOperation.replace(null, value("{\"titel\":\"x\"}")),
                    PatchOperation.remove(null)),
                USER,
                Tolerances.of(DROP_AND_REPORT),
                dropped));
    assertTrue(dropped.isEmpty());
  }

  @Test
  void droppedNamesAreBounded() {
    DroppedAttributes dropped = new DroppedAttributes();
    for (int i = 0; i < 50; i++) {
      dropped.add("attribute" + i + "x".repeat(200));
    }
    assertEquals(DroppedAttributes.MAX_NAMES, dropped.names().size());
    assertTrue(dropped.truncated());
    assertTrue(
        dropped.names().stream().allMatch(n -> n.length() <= DroppedAttributes.MAX_NAME_LENGTH));
    assertTrue(dropped.toString().length() <= 400, "fits audit_entry.dropped_attributes");
  }

  @Test
  void anyIdpIsEveryToleranceWithUnknownAttributesRefused() {
    assertEquals(Set.of(Tolerance.values()), Tolerances.ANY_IDP.allowed());
    assertFalse(Tolerances.ANY_IDP.dropsUnknownAttributes());
    assertTrue(Tolerances.STRICT.allowed().isEmpty());
    assertFalse(Tolerances.STRICT.dropsUnknownAttributes());
    assertEquals(
        Set.of(Tolerance.READ_ONLY_ECHO),
        Tolerances.of(REFUSE, Arrays.asList(Tolerance.READ_ONLY_ECHO).toArray(Tolerance[]::new))
            .allowed());
  }
}
