package io.rollcall.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.querying.CursorPaging;
import io.rollcall.querying.Sort;
import io.rollcall.testdb.TestDatabase;
import io.rollcall.users.UserGroups.UserGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group filters (RFC 7644 §3.4.2.2) and member queries run against H2 and PostgreSQL with the real
 * migrations. Another tenant holds a group of the same name with the same member ids in it, so a
 * missing tenant condition anywhere changes an answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupRepositoryTest {

  /**
   * The database this run uses; {@code GroupRepositoryOnPostgres} runs every case on PostgreSQL.
   */
  TestDatabase database() {
    return TestDatabase.h2();
  }

  private GroupStoreFixture store;
  private String tenant;
  private String other;
  private String ann;
  private String bob;
  private String stranger;
  private String engineering;
  private String staff;
  private String empty;
  private String loopA;
  private String loopB;

  @BeforeAll
  void load() {
    store = new GroupStoreFixture(database());
    tenant = store.newTenant("Acme");
    other = store.newTenant("Other");
    ann = store.addUser(tenant, "ann@example.com");
    bob = store.addUser(tenant, "Bob@example.com");
    stranger = store.addUser(other, "eve@example.com");
    engineering =
        store.addGroup(tenant, "Engineering", "EXT-1", ann, MemberType.USER, bob, MemberType.USER);
    staff = store.addGroup(tenant, "All Staff", null);
    store.nest(tenant, staff, engineering);
    empty = store.addGroup(tenant, "100%_Empty", "ext-2");
    loopA = store.addGroup(tenant, "Loop A", null, bob, MemberType.USER);
    loopB = store.addGroup(tenant, "Loop B", null);
    store.nest(tenant, loopB, loopA);
    store.nest(tenant, loopA, loopB);
    store.addGroup(other, "Engineering", "EXT-1", stranger, MemberType.USER);
  }

  @AfterAll
  void close() {
    store.close();
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        // displayName is caseExact=false
        Arguments.of("displayName eq \"engineering\"", "Engineering"),
        Arguments.of("displayName sw \"LOOP\"", "Loop A,Loop B"),
        Arguments.of("displayName co \"%_\"", "100%_Empty"),
        Arguments.of("displayName co \"l_\"", ""),
        Arguments.of("displayName gt \"l\"", "Loop A,Loop B"),
        // externalId is caseExact=true
        Arguments.of("externalId eq \"EXT-1\"", "Engineering"),
        Arguments.of("externalId eq \"ext-1\"", ""),
        Arguments.of("externalId pr", "100%_Empty,Engineering"),
        Arguments.of("not (externalId pr)", "All Staff,Loop A,Loop B"),
        // members through the membership table, tenant-scoped
        Arguments.of("members.value eq \"%s\"".formatted("ANN"), "Engineering"),
        Arguments.of("members[value eq \"%s\"]".formatted("BOB"), "Engineering,Loop A"),
        Arguments.of(
            "members[value eq \"%s\" and type eq \"user\"]".formatted("ANN"), "Engineering"),
        Arguments.of("members[type eq \"Group\"]", "All Staff,Loop A,Loop B"),
        Arguments.of("members.value eq \"%s\"".formatted("EVE"), ""),
        Arguments.of("not (members pr)", "100%_Empty"),
        Arguments.of(
            "displayName sw \"Loop\" and members.value eq \"%s\"".formatted("BOB"), "Loop A"),
        // any member other than bob, or none (RFC 7644 §3.4.2.2: any value decides): Loop A
        // also has Loop B, Engineering also has ann
        Arguments.of(
            "members.value ne \"%s\"".formatted("BOB"),
            "100%_Empty,All Staff,Engineering,Loop A,Loop B"),
        Arguments.of(
            "not (members.value eq \"%s\")".formatted("BOB"), "100%_Empty,All Staff,Loop B"),
        // meta and constants
        Arguments.of(
            "meta.created gt \"2000-01-01T00:00:00Z\" and displayName eq \"All Staff\"",
            "All Staff"),
        Arguments.of("meta.resourceType eq \"Group\" and displayName sw \"e\"", "Engineering"),
        Arguments.of("meta.resourceType eq \"User\"", ""),
        Arguments.of(
            "schemas eq \"urn:ietf:params:scim:schemas:core:2.0:Group\" and displayName sw \"100\"",
            "100%_Empty"),
        Arguments.of("id eq \"%s\"".formatted("STAFF"), "All Staff"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filterSelectsExactlyTheseGroups(String filter, String expected) {
    String text =
        filter
            .replace("ANN", ann)
            .replace("BOB", bob)
            .replace("EVE", stranger)
            .replace("STAFF", staff);
    assertEquals(expected, names(search(text)));
  }

  @Test
  void attributesThatAreNotStoredCannotBeFiltered() {
    for (String filter :
        List.of("members.display eq \"x\"", "meta.version eq \"W/\\\"1\\\"\"", "members.$ref pr")) {
      ScimException e = assertThrows(ScimException.class, () -> search(filter), filter);
      assertEquals("invalidFilter", e.scimType(), filter);
    }
    ScimException unknown =
        assertThrows(ScimException.class, () -> search("userName eq \"ann@example.com\""));
    assertEquals("invalidFilter", unknown.scimType());
  }

  @Test
  void countsAndPagesAgreeAndSortByDisplayName() {
    CursorPaging.Counted<GroupRow> page =
        store
            .repository
            .searches()
            .page(
                tenant,
                store.type,
                null,
                Sort.resolve("displayName", true, store.type),
                1,
                2,
                null);
    assertEquals(5, page.total());
    assertEquals(
        List.of("Loop A", "Engineering"), page.rows().stream().map(GroupRow::displayName).toList());
  }

  @Test
  void membersOfAPageComeInOneQueryWithDisplayNames() {
    Map<String, List<Group.Member>> members =
        store.repository.members(tenant, List.of(engineering, staff, empty));
    assertEquals(
        Set.of("ann@example.com", "Bob@example.com"),
        members.get(engineering).stream().map(Group.Member::display).collect(Collectors.toSet()));
    assertEquals(
        List.of(new Group.Member(engineering, MemberType.GROUP, "Engineering")),
        members.get(staff));
    assertEquals(List.of(), members.get(empty));
  }

  @Test
  void usersHaveDirectAndIndirectGroupsAndCyclesEnd() {
    Map<String, List<UserGroup>> groups = store.repository.groupsOf(tenant, List.of(ann, bob));
    assertEquals(
        List.of(
            new UserGroup(staff, "All Staff", false),
            new UserGroup(engineering, "Engineering", true)),
        groups.get(ann));
    assertEquals(
        List.of(
            new UserGroup(staff, "All Staff", false),
            new UserGroup(engineering, "Engineering", true),
            new UserGroup(loopA, "Loop A", true),
            new UserGroup(loopB, "Loop B", false)),
        groups.get(bob));
    assertTrue(store.repository.groupsOf(tenant, List.of(stranger)).isEmpty());
  }

  /** A group's displayName is unique per tenant by its folded form (README, "Case"). */
  @Test
  void lookAlikeDisplayNamesAreTaken() {
    assertTrue(store.repository.displayNameTaken(tenant, "ENGINEERING", null));
    assertTrue(
        store.repository.displayNameTaken(tenant, "\uff25\uff4e\uff47ineering", null),
        "fullwidth letters");
    assertFalse(store.repository.displayNameTaken(tenant, "\ufb01nance", null), "no such group");
    assertTrue(store.repository.displayNameTaken(tenant, "100%_empty", null));
  }

  @Test
  void memberLookupsStayInTheTenant() {
    assertEquals(
        Map.of(ann, MemberType.USER, staff, MemberType.GROUP),
        store.repository.memberTypes(tenant, List.of(ann, staff, stranger, "no-such-id")));
  }

  @Test
  void removingAndAddingMembersTouchesOnlyTheNamedRows() {
    String own = store.newTenant("Own");
    String carl = store.addUser(own, "carl@example.com");
    String dana = store.addUser(own, "dana@example.com");
    String team = store.addGroup(own, "Team", null, carl, MemberType.USER);
    String board = store.addGroup(own, "Board", null, dana, MemberType.USER);
    GroupRow group = store.repository.find(own, team).orElseThrow();
    store.em.getTransaction().begin();
    assertEquals(Set.of(carl), store.repository.existingMembers(group, List.of(carl, dana)));
    assertEquals(0, store.repository.removeMembers(group, List.of(dana, stranger)));
    store.repository.addMembers(group, Map.of(dana, MemberType.USER));
    store.em.flush();
    assertEquals(1, store.repository.removeMembers(group, List.of(carl)));
    store.em.getTransaction().commit();
    assertEquals(Set.of(dana), store.repository.memberIds(group));

    store.em.getTransaction().begin();
    store.repository.removeEverywhere(own, dana);
    store.em.getTransaction().commit();
    assertEquals(Set.of(), store.repository.memberIds(group));
    assertEquals(
        Set.of(), store.repository.memberIds(store.repository.find(own, board).orElseThrow()));
  }

  private List<GroupRow> search(String filter) {
    return store
        .repository
        .searches()
        .page(tenant, store.type, FilterParser.parse(filter, store.type), null, 0, 100, null)
        .rows();
  }

  private static String names(List<GroupRow> groups) {
    return groups.stream()
        .map(GroupRow::displayName)
        .collect(Collectors.toCollection(TreeSet::new))
        .stream()
        .collect(Collectors.joining(","));
  }
}
