package io.rollcall.protocol.patch;

import static io.rollcall.protocol.patch.Json.arr;
import static io.rollcall.protocol.patch.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.schema.StandardSchemas;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any list of operations yields a new resource or a 400, and never changes the input (RFC 7644
 * §3.5.2 atomicity).
 */
class PatchEngineProperties {

  static final String ENTERPRISE = StandardSchemas.ENTERPRISE_USER;

  @Property(tries = 1500)
  void userPatchesYieldAResourceOrA400AndNeverTouchTheInput(
      @ForAll("userOperations") List<PatchOperation> operations) {
    check(PatchEngineTest.user(), operations);
  }

  @Property(tries = 500)
  void groupPatchesYieldAResourceOrA400AndNeverTouchTheInput(
      @ForAll("groupOperations") List<PatchOperation> operations) {
    check(
        PatchEngineTest.group(
            PatchEngineTest.member(PatchEngineTest.BABS, PatchEngineTest.BABS_REF, "Babs")),
        operations);
  }

  private static void check(Map<String, Object> input, List<PatchOperation> operations) {
    Map<String, Object> snapshot = copy(input);
    Map<String, Object> result;
    try {
      result =
          PatchEngine.apply(
              input,
              operations,
              input.containsKey("userName") ? PatchEngineTest.USER : PatchEngineTest.GROUP);
    } catch (ScimException e) {
      assertEquals(400, e.status(), e.detail());
      assertEquals(snapshot, input);
      return;
    }
    assertEquals(snapshot, input);
    for (Object value : result.values()) {
      assertFalse(value instanceof List<?> list && list.isEmpty(), "empty list left behind");
      assertFalse(value instanceof Map<?, ?> map && map.isEmpty(), "empty object left behind");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> map) {
    return (Map<String, Object>) AttributeMaps.copy(map);
  }

  @Provide
  Arbitrary<List<PatchOperation>> userOperations() {
    Arbitrary<String> paths =
        Arbitraries.of(
            "",
            "title",
            "name",
            "name.givenName",
            "emails",
            "emails[type eq \"work\"]",
            "emails[type eq \"work\"].value",
            "emails[type eq \"other\"].primary",
            "emails.value",
            "emails[value co \"@\" or type pr]",
            "active",
            "id",
            "meta.created",
            ENTERPRISE,
            ENTERPRISE + ":manager",
            ENTERPRISE + ":manager.value",
            ENTERPRISE + ":department",
            "groups",
            "nope",
            "emails[",
            "addresses[type eq \"home\"].locality",
            "phoneNumbers[type eq \"mobile\" and primary eq true].value",
            "x509Certificates",
            "userName",
            "schemas",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "nickName",
            "addresses[type eq \"work\"]");
    return operations(paths.injectNull(0.15));
  }

  @Provide
  Arbitrary<List<PatchOperation>> groupOperations() {
    Arbitrary<String> paths =
        Arbitraries.of(
            "members",
            "members[value eq \"" + PatchEngineTest.BABS + "\"]",
            "members[value eq \"x\"].value",
            "members[type eq \"User\"].display",
            "displayName",
            "members.value",
            "id",
            "members[display co \"a\"]");
    return operations(paths.injectNull(0.15));
  }

  private static Arbitrary<List<PatchOperation>> operations(Arbitrary<String> paths) {
    Arbitrary<String> ops =
        Arbitraries.of("add", "replace", "remove", "Add", "Replace", "REMOVE", "copy", "")
            .injectNull(0.05);
    Arbitrary<PatchOperation> operation =
        Combinators.combine(ops, paths, values()).as(PatchOperation::new);
    return operation.list().ofMaxSize(6);
  }

  private static Arbitrary<Object> values() {
    return Arbitraries.<Object>of(
            "x",
            "True",
            "2011-05-13T04:42:34Z",
            true,
            false,
            new BigDecimal("5"),
            new BigDecimal("1.5"),
            3L,
            obj(),
            obj("value", "a@example.org"),
            obj("value", "b@example.org", "type", "work", "primary", true),
            obj("givenName", "Ann", "nope", "x"),
            obj("givenName", "Ann"),
            obj("name.givenName", "Ann", ENTERPRISE + ":department", "Sales"),
            obj(ENTERPRISE, obj("department", "D", "manager", "m1")),
            obj(ENTERPRISE, "not an object"),
            obj("active", false, "id", "z", "meta", obj(), "schemas", arr()),
            obj("emails", arr(obj("value", "c@example.org", "primary", true))),
            obj("displayName", "Team", "members", arr(obj("value", "u1", "display", "U"))),
            arr(),
            arr(obj("value", "u2"), obj("value", "u3", "primary", true)),
            arr(obj("value", "u4", "primary", true), obj("value", "u5", "primary", true)),
            arr("plain", 7),
            arr((Object) null))
        .injectNull(0.1)
        .map(PatchEngineProperties::freshCopy);
  }

  private static Object freshCopy(Object value) {
    return value instanceof List<?> list
        ? AttributeMaps.copy(new ArrayList<>(list))
        : AttributeMaps.copy(value);
  }
}
