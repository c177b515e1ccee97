package io.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rollcall.audit.DroppedAttributeNotes;
import io.rollcall.json.ScimJson;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.patch.PatchEngine;
import io.rollcall.protocol.patch.PatchOperation;
import io.rollcall.protocol.patch.PatchRequests;
import io.rollcall.protocol.schema.StandardSchemas;
import io.rollcall.security.CurrentClient;
import io.rollcall.tenant.Tenant;
import io.rollcall.testdb.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * One member operation, one outcome (RFC 7644 §3.5.2): {@link GroupService#patch} turns the member
 * operations it recognises into row inserts and deletes ({@link GroupPatch}), never reading the
 * whole group; the {@link PatchEngine} applies the same operations to the group's full document
 * (its attributes and every member with value, type and display, as a GET shows it), which is then
 * stored with a PUT. For generated groups and operations both must leave the same members (value
 * and type), or fail with the same {@code scimType} and status.
 *
 * <p>Members are drawn from the tenant's users and groups, a user of another tenant, an id nobody
 * has, an upper-cased id (ids are caseExact, RFC 7643 §3.1) and the group itself. Operations come
 * in the shapes identity providers send: Entra ID's capitalised ops and {@code Remove} with a value
 * list, Okta's value-filtered remove, path-less values, plain-string members, duplicates, empty
 * arrays, and some the row path leaves to the engine (filters on {@code type} or {@code display}).
 * Each try runs in a transaction that is rolled back, so the database keeps only the pool.
 *
 * <p>An id that is not a user or group of the tenant is {@code invalidValue} when an add or a
 * replace would make it a member (the service never links a member it cannot resolve), and changes
 * nothing when removed, through a value filter or Entra ID's value list: a remove that matches no
 * member is not an error on either path (RFC 7644 §3.5.2.2), as identity providers retry removes.
 */
class GroupPatchProperties {

  /** The database this run uses; {@code GroupPatchOnPostgresProperties} runs on PostgreSQL. */
  TestDatabase database() {
    return TestDatabase.h2();
  }

  private static final String CORE_MEMBERS = StandardSchemas.GROUP + ":members";
  private static final int USERS = 6;
  private static final int GROUPS = 3;
  private static final Pattern TOKEN = Pattern.compile("@(u\\d|g\\d|U0|x|s|me)");

  private static final Map<Class<?>, World> WORLDS = new ConcurrentHashMap<>();

  /** The tenant's pool of users and groups, and a service that acts for the tenant. */
  private static final class World {
    final GroupStoreFixture store;
    final GroupService service = new GroupService();
    final Map<String, String> ids = new LinkedHashMap<>();
    int groupsMade;

    World(TestDatabase database) {
      store = new GroupStoreFixture(database);
      String tenantId = store.newTenant("Acme");
      String otherId = store.newTenant("Other");
      for (int i = 0; i < USERS; i++) {
        ids.put("u" + i, store.addUser(tenantId, "user" + i + "@example.com"));
      }
      for (int i = 0; i < GROUPS; i++) {
        ids.put("g" + i, store.addGroup(tenantId, "Pool " + i, null));
      }
      ids.put("U0", ids.get("u0").toUpperCase(Locale.ROOT));
      ids.put("x", UUID.randomUUID().toString());
      ids.put("s", store.addUser(otherId, "stranger@example.com"));
      Tenant tenant = new Tenant("Acme", Instant.now());
      tenant.enableGroups();
      service.client =
          new CurrentClient() {
            @Override
            public String tenantId() {
              return tenantId;
            }

            @Override
            public Tenant tenant() {
              return tenant;
            }
          };
      service.groups = store.repository;
      // Under the tenant's default profile nothing is dropped, so no request is needed.
      service.dropped = new DroppedAttributeNotes();
    }
  }

  private World world() {
    return WORLDS.computeIfAbsent(getClass(), k -> new World(database()));
  }

  @AfterContainer
  static void closeDatabases() {
    WORLDS.values().forEach(world -> world.store.close());
    WORLDS.clear();
  }

  /** A group's initial members (pool tokens) and a PATCH request with tokens for ids. */
  record Scenario(List<String> initial, List<Map<String, Object>> operations) {
    @Override
    public String toString() {
      return "members " + initial + ", Operations " + ScimJson.write(operations);
    }
  }

  // ---- the property ----

  @Property(tries = 400)
  void rowPathAndEngineLeaveTheSameMembers(@ForAll("scenarios") Scenario scenario) {
    World world = world();
    Outcome rows = run(world, scenario, this::patchRows);
    Outcome engine = run(world, scenario, this::patchDocument);
    List<PatchOperation> planned =
        PatchRequests.parse(body(render(world, scenario.operations(), "group-id")));
    boolean viaRows;
    try {
      viaRows = GroupPatch.plan(planned, world.service.groupType()).isPresent();
    } catch (ScimException e) {
      viaRows = true;
    }
    Statistics.label("path").collect(viaRows ? "rows" : "engine fallback");
    Statistics.label("outcome").collect(engine.error() == null ? "members" : engine.error());
    assertEquals(engine, rows, scenario.toString());
  }

  // ---- the disagreements found, as examples ----

  /**
   * A filter on {@code display} leaves the request to the engine on the whole group, which must see
   * each member's display as a GET shows it, or it removes nobody (RFC 7644 §3.5.2.2).
   */
  @Example
  void displayFilterRemovesTheMemberAClientSeesByThatName() {
    assertEquals(
        new Outcome(new TreeSet<>(List.of("u2:USER")), null),
        viaRows(
            List.of("u1", "u2"),
            """
            [{"op":"remove","path":"members[display eq \\"user1@example.com\\"]"}]"""));
  }

  /** A wrong type for a member already present fails, as it does for a new member. */
  @Example
  void wrongTypeForAPresentMemberIsInvalidValue() {
    assertEquals(
        new Outcome(null, "invalidValue 400"),
        viaRows(
            List.of("g0"),
            """
            [{"op":"add","path":"members","value":[{"value":"@g0","type":"User"}]}]"""));
  }

  /** A repetition without a type does not hide a wrong type given earlier in the request. */
  @Example
  void wrongTypeIsNotHiddenByALaterMentionWithoutType() {
    assertEquals(
        new Outcome(null, "invalidValue 400"),
        viaRows(
            List.of(),
            """
            [{"op":"add","path":"members","value":[{"value":"@g0","type":"User"}]},
             {"op":"add","path":"members","value":[{"value":"@g0"}]}]"""));
  }

  /**
   * Two types for one member are refused only if the member is still to be added when the request
   * ends: the engine applies a later remove first, and then nobody is wrong.
   */
  @Example
  void twoTypesForAMemberRemovedAgainAreNoError() {
    assertEquals(
        new Outcome(new TreeSet<>(), null),
        viaRows(
            List.of(),
            """
            [{"op":"add","path":"members",
              "value":[{"value":"@u0","type":"User"},{"value":"@u0","type":"Group"}]},
             {"op":"remove","path":"members[value eq \\"@u0\\"]"}]"""));
    assertEquals(
        new Outcome(null, "invalidValue 400"),
        viaRows(
            List.of(),
            """
            [{"op":"add","path":"members",
              "value":[{"value":"@u0","type":"User"},{"value":"@u0","type":"Group"}]}]"""));
  }

  @SuppressWarnings("unchecked")
  private Outcome viaRows(List<String> initial, String operations) {
    List<Map<String, Object>> parsed =
        (List<Map<String, Object>>) ScimJson.parseStored("{\"o\":" + operations + "}").get("o");
    return run(world(), new Scenario(initial, parsed), this::patchRows);
  }

  /** The members left (as pool tokens with their type), or the error as scimType and status. */
  record Outcome(TreeSet<String> members, String error) {}

  private interface Patcher {
    List<Group.Member> patch(World world, String groupId, List<PatchOperation> operations);
  }

  private Outcome run(World world, Scenario scenario, Patcher patcher) {
    var em = world.store.em;
    em.getTransaction().begin();
    try {
      String groupId = create(world, scenario.initial());
      List<PatchOperation> operations =
          PatchRequests.parse(body(render(world, scenario.operations(), groupId)));
      List<Group.Member> members;
      try {
        members = patcher.patch(world, groupId, operations);
      } catch (ScimException e) {
        return new Outcome(
            null,
            e.scimType()
                + " "
                + e.status()
                + (System.getenv("GPDEBUG") != null
                    ? e.detail().replaceAll("[0-9a-f-]{36}", "ID")
                    : ""));
      }
      Map<String, String> tokens = new LinkedHashMap<>();
      world.ids.forEach((token, id) -> tokens.putIfAbsent(id, token));
      tokens.put(groupId, "me");
      TreeSet<String> left = new TreeSet<>();
      for (Group.Member member : members) {
        left.add(tokens.getOrDefault(member.value(), member.value()) + ":" + member.type());
      }
      return new Outcome(left, null);
    } finally {
      em.getTransaction().rollback();
      em.clear();
    }
  }

  private String create(World world, List<String> initial) {
    List<Object> members = new ArrayList<>();
    for (String token : initial) {
      members.add(Map.of("value", world.ids.get(token)));
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("schemas", List.of(StandardSchemas.GROUP));
    input.put("displayName", "Target " + world.groupsMade++);
    input.put("members", members);
    return world.service.create(input, false).id();
  }

  private List<Group.Member> patchRows(World world, String groupId, List<PatchOperation> ops) {
    return world.service.patch(groupId, ops, null, true).members();
  }

  /** The engine on the whole group as a client sees it, then stored as a PUT would store it. */
  private List<Group.Member> patchDocument(
      World world, String groupId, List<PatchOperation> operations) {
    Group group = world.service.get(groupId, true);
    Map<String, Object> document = new LinkedHashMap<>(group.attributes());
    List<Object> members = new ArrayList<>();
    for (Group.Member member : group.members()) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("value", member.value());
      value.put("display", member.display());
      value.put("type", member.type().scimName());
      members.add(value);
    }
    if (!members.isEmpty()) {
      document.put("members", members);
    }
    Map<String, Object> patched =
        PatchEngine.apply(document, operations, world.service.groupType());
    return world.service.replace(groupId, patched, null, true).members();
  }

  private static Map<String, Object> body(String operations) {
    return ScimJson.parseStored(
        "{\"schemas\":[\"" + PatchRequests.PATCH_OP + "\"],\"Operations\":" + operations + "}");
  }

  private static String render(World world, List<Map<String, Object>> operations, String self) {
    Function<String, String> id = token -> "me".equals(token) ? self : world.ids.get(token);
    Matcher matcher = TOKEN.matcher(ScimJson.write(operations));
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(id.apply(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  // ---- generators ----

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<String>> initial =
        Arbitraries.of("u0", "u1", "u2", "u3", "u4", "u5", "g0", "g1", "g2")
            .set()
            .ofMaxSize(8)
            .map(List::copyOf);
    return Combinators.combine(initial, operation().list().ofMinSize(1).ofMaxSize(4))
        .as(Scenario::new);
  }

  private static Arbitrary<String> refs() {
    return Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.of("u0", "u1", "u2", "g0", "g1")),
        Tuple.of(4, Arbitraries.of("u3", "u4", "u5", "g2")),
        Tuple.of(1, Arbitraries.of("x", "s", "U0", "me")));
  }

  private static Arbitrary<Object> member() {
    Arbitrary<String> ref = refs().map(token -> "@" + token);
    return Arbitraries.frequencyOf(
        Tuple.of(10, ref.map(r -> (Object) Map.of("value", r))),
        Tuple.of(
            3,
            Combinators.combine(ref, Arbitraries.of("User", "Group", "user"))
                .as((r, t) -> (Object) Map.of("value", r, "type", t))),
        Tuple.of(1, ref.map(r -> (Object) Map.of("value", r, "display", "Someone Else"))),
        Tuple.of(1, ref.map(r -> (Object) r)),
        Tuple.of(1, Arbitraries.just((Object) Map.of("type", "User"))));
  }

  private static Arbitrary<Object> memberList() {
    Arbitrary<Object> list = member().list().ofMaxSize(3).map(l -> (Object) l);
    // A duplicate within one add, with or without a type.
    Arbitrary<Object> duplicated =
        refs()
            .map(
                token ->
                    (Object)
                        List.of(
                            Map.of("value", "@" + token),
                            Map.of("value", "@" + token, "type", "User")));
    return Arbitraries.frequencyOf(
        Tuple.of(8, list), Tuple.of(1, duplicated), Tuple.of(1, member()));
  }

  private static Arbitrary<Map<String, Object>> operation() {
    Arbitrary<String> adds = Arbitraries.of("add", "Add", "ADD");
    Arbitrary<String> removes = Arbitraries.of("remove", "Remove");
    Arbitrary<String> replaces = Arbitraries.of("replace", "Replace");
    Arbitrary<String> ops = Arbitraries.oneOf(adds, removes, replaces);
    Arbitrary<String> ref = refs();
    Arbitrary<String> byValue =
        Arbitraries.oneOf(
            ref.map(r -> "members[value eq \"@" + r + "\"]"),
            Combinators.combine(ref, ref)
                .as((a, b) -> "members[value eq \"@" + a + "\" or value eq \"@" + b + "\"]"));
    Arbitrary<String> otherFilters =
        Arbitraries.of(
            "members[type eq \"User\"]",
            "members[type eq \"Group\"]",
            "members[display eq \"user1@example.com\"]",
            "members[display sw \"Pool\"]",
            "members[value eq \"@u0\" and type eq \"User\"]");
    Arbitrary<String> filtered =
        Arbitraries.frequencyOf(Tuple.of(4, byValue), Tuple.of(1, otherFilters));
    Arbitrary<String> whole = Arbitraries.of("members", "members", "Members", CORE_MEMBERS);
    // RFC 7644 §3.5.2.1, §3.5.2.3: add and replace of members carry a list of members.
    Arbitrary<Map<String, Object>> write =
        Combinators.combine(Arbitraries.oneOf(adds, replaces), whole, memberList().injectNull(0.05))
            .as(GroupPatchProperties::op);
    // §3.5.2.2: remove of members; Entra ID adds a value list of the members to remove.
    Arbitrary<Map<String, Object>> removeWhole =
        Combinators.combine(removes, whole, memberList().injectNull(0.4))
            .as(GroupPatchProperties::op);
    Arbitrary<Map<String, Object>> removeFiltered =
        Combinators.combine(removes, filtered, member().injectNull(0.8))
            .as(GroupPatchProperties::op);
    // add or replace through a value filter: merges into (or replaces) the matching member.
    Arbitrary<Map<String, Object>> writeFiltered =
        Combinators.combine(Arbitraries.oneOf(adds, replaces), filtered, member().injectNull(0.1))
            .as(GroupPatchProperties::op);
    Arbitrary<Map<String, Object>> pathless =
        Combinators.combine(ops, memberList(), Arbitraries.of(false, true))
            .as(
                (op, members, rename) -> {
                  Map<String, Object> object = new LinkedHashMap<>();
                  if (rename) {
                    object.put("displayName", "Renamed");
                  }
                  object.put("members", members);
                  return op(op, null, object);
                });
    return Arbitraries.frequencyOf(
        Tuple.of(6, write),
        Tuple.of(3, removeWhole),
        Tuple.of(4, removeFiltered),
        Tuple.of(1, writeFiltered),
        Tuple.of(2, pathless));
  }

  private static Map<String, Object> op(String op, String path, Object value) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("op", op);
    if (path != null) {
      operation.put("path", path);
    }
    if (value != null) {
      operation.put("value", value);
    }
    return operation;
  }
}
