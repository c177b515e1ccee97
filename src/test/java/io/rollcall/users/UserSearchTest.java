package io.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.protocol.ListRequest;
import io.rollcall.protocol.ScimException;
import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterEvaluator;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.querying.CursorPaging;
import io.rollcall.querying.ResourceSearch;
import io.rollcall.querying.Sort;
import io.rollcall.testdb.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * Filters (RFC 7644 §3.4.2.2) run as database queries against H2 and PostgreSQL: each row gives a
 * filter and exactly the users it must return. The fixture is chosen so that wrong case handling,
 * an unescaped wildcard, conditions matched on different elements or a leak across tenants each
 * change the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserSearchTest {

  /** The database this run uses; {@code UserSearchOnPostgres} runs every case on PostgreSQL. */
  TestDatabase database() {
    return TestDatabase.h2();
  }

  private UserStoreFixture store;
  private String tenant;
  private String longValues;

  /** 1,500 characters: past the indexed prefix, and past the 1,024 at which values were clipped. */
  private static final String LONG_START = "x".repeat(1500);

  /** 2,000 three-byte characters: 6,000 bytes, more than a PostgreSQL btree entry may hold. */
  private static final String WIDE = "漢".repeat(2000);

  @BeforeAll
  void load() {
    store = new UserStoreFixture(database());
    tenant = store.newTenant("Acme");
    String other = store.newTenant("Other");
    store.add(
        tenant,
        """
        {"userName":"ann@example.com","externalId":"E-1","active":true,"title":"Finance Manager",
         "name":{"givenName":"Ann","familyName":"Lee"},
         "emails":[{"value":"ann@example.com","type":"work","primary":true},
                   {"value":"ann@home.org","type":"home"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance",
           "manager":{"value":"m-1"}},
         "urn:ietf:params:scim:schemas:extension:rollcall:2.0:User":{"customField1":"blue"}}
        """);
    store.add(
        tenant,
        """
        {"userName":"Bob@Example.com","externalId":"e-2","active":false,"title":"Engineer",
         "name":{"givenName":"Bob","familyName":"Stone"},
         "emails":[{"value":"bob@home.org","type":"work"},{"value":"bob@example.com","type":"home"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"}}
        """);
    store.add(
        tenant,
        """
        {"userName":"carol_x@example.com","active":true,"title":"100% Manager",
         "name":{"givenName":"Carol"},
         "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
        """);
    store.add(
        tenant,
        """
        {"userName":"dave@example.net","title":"back\\\\slash"}
        """);
    store.add(
        other,
        """
        {"userName":"ann@example.com","externalId":"E-1","title":"Finance Manager",
         "emails":[{"value":"ann@example.com","type":"work"}]}
        """);
    loadLongValues();
  }

  private void loadLongValues() {
    longValues = store.newTenant("Long values");
    store.add(longValues, "{\"userName\":\"long-a\",\"title\":\"" + LONG_START + "A\"}");
    store.add(longValues, "{\"userName\":\"long-b\",\"title\":\"" + LONG_START + "B\"}");
    store.add(
        longValues,
        "{\"userName\":\"wide\",\"urn:ietf:params:scim:schemas:extension:rollcall:2.0:User\":"
            + "{\"customField1\":\""
            + WIDE
            + "end\"}}");
  }

  @AfterAll
  void close() {
    store.close();
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        // userName is caseExact=false (RFC 7643 §4.1.1)
        row("userName eq \"ANN@example.com\"", "ann@example.com"),
        row("userName eq \"bob@example.com\"", "Bob@Example.com"),
        row("userName sw \"b\"", "Bob@Example.com"),
        row("userName ew \".NET\"", "dave@example.net"),
        // externalId is caseExact=true
        row("externalId eq \"E-1\"", "ann@example.com"),
        row("externalId eq \"e-1\""),
        // ne includes users without the attribute
        row("externalId ne \"E-1\"", "Bob@Example.com", "carol_x@example.com", "dave@example.net"),
        row("externalId pr", "ann@example.com", "Bob@Example.com"),
        // not over a comparison on an unassigned column is true, not SQL's unknown
        row(
            "not (externalId eq \"E-1\")",
            "Bob@Example.com",
            "carol_x@example.com",
            "dave@example.net"),
        // ne on a multi-valued attribute: some value differs, or none at all (RFC 7644 §3.4.2.2)
        row(
            "emails.type ne \"work\"",
            "ann@example.com",
            "Bob@Example.com",
            "carol_x@example.com",
            "dave@example.net"),
        row(
            "phoneNumbers.type ne \"mobile\"",
            "ann@example.com",
            "Bob@Example.com",
            "dave@example.net"),
        row("not (externalId pr)", "carol_x@example.com", "dave@example.net"),
        // co/sw/ew treat %, _ and \ literally
        row("userName co \"_\"", "carol_x@example.com"),
        row("title co \"%\"", "carol_x@example.com"),
        row("title co \"\\\\\"", "dave@example.net"),
        row("title co \"manager\"", "ann@example.com", "carol_x@example.com"),
        // booleans
        row("active eq false", "Bob@Example.com"),
        // dave has no active: it is unassigned (RFC 7643 §2.5), though he is granted access
        row("active eq true", "ann@example.com", "carol_x@example.com"),
        row("active pr", "ann@example.com", "Bob@Example.com", "carol_x@example.com"),
        row("not (active eq false)", "ann@example.com", "carol_x@example.com", "dave@example.net"),
        // sub-attributes and complex presence
        row("name.givenName eq \"bob\"", "Bob@Example.com"),
        row("name.familyName pr", "ann@example.com", "Bob@Example.com"),
        row("name pr", "ann@example.com", "Bob@Example.com", "carol_x@example.com"),
        row("phoneNumbers pr", "carol_x@example.com"),
        // multi-valued: any value matches
        row("emails.value ew \"@home.org\"", "ann@example.com", "Bob@Example.com"),
        row("emails co \"bob@example\"", "Bob@Example.com"),
        // value filter: both conditions on the same element (RFC 7644 §3.4.2.2)
        row("emails[type eq \"work\" and value ew \"example.com\"]", "ann@example.com"),
        row("emails[type eq \"home\" and value ew \"example.com\"]", "Bob@Example.com"),
        row("emails[type eq \"work\" or value co \"home\"]", "ann@example.com", "Bob@Example.com"),
        row("emails[not (type eq \"work\")]", "ann@example.com", "Bob@Example.com"),
        row("emails[type eq \"work\" and primary eq true]", "ann@example.com"),
        // extension attributes by full URN
        row(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"finance\"",
            "ann@example.com"),
        row(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m-1\"",
            "ann@example.com"),
        row(
            "urn:ietf:params:scim:schemas:extension:rollcall:2.0:User:customField1 eq \"BLUE\"",
            "ann@example.com"),
        // precedence: and binds tighter than or
        row("title co \"Engineer\" or title co \"Manager\" and active eq false", "Bob@Example.com"),
        row(
            "(title co \"Engineer\" or title co \"Manager\") and active eq true",
            "ann@example.com",
            "carol_x@example.com"),
        // schemas is multi-valued: ne holds when some URN differs (RFC 7644 §3.4.2.2)
        row(
            "schemas ne \"urn:ietf:params:scim:schemas:core:2.0:User\"",
            "ann@example.com",
            "Bob@Example.com"),
        row(
            "schemas ne \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            "ann@example.com",
            "Bob@Example.com",
            "carol_x@example.com",
            "dave@example.net"),
        // meta attributes
        row(
            "meta.resourceType eq \"User\"",
            "ann@example.com",
            "Bob@Example.com",
            "carol_x@example.com",
            "dave@example.net"),
        row(
            "meta.created gt \"2000-01-01T00:00:00Z\"",
            "ann@example.com",
            "Bob@Example.com",
            "carol_x@example.com",
            "dave@example.net"),
        row("meta.lastModified lt \"2000-01-01T00:00:00Z\""));
  }

  private static Arguments row(String filter, String... userNames) {
    return Arguments.of(filter, new TreeSet<>(List.of(userNames)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filterSelectsExactlyTheseUsersOfTheTenant(String filter, Set<String> expected) {
    CursorPaging.Counted<UserRow> page =
        store
            .repository
            .searches()
            .page(tenant, store.type, FilterParser.parse(filter, store.type), null, 0, 100, null);
    Set<String> actual =
        page.rows().stream().map(UserRow::userName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, actual);
    assertEquals(expected.size(), page.total(), "a short first page is the whole list");
    // A page of one from the second match on cannot tell the total, so the count query runs.
    CursorPaging.Counted<UserRow> counted =
        store
            .repository
            .searches()
            .page(tenant, store.type, FilterParser.parse(filter, store.type), null, 1, 1, null);
    assertEquals(expected.size(), counted.total(), "count and page use the same predicate");
  }

  @Test
  void sortingByAMultiValuedAttributeUsesThePrimaryValueAndPutsMissingLast() {
    var sort =
        new Sort(
            io.rollcall.protocol.filter.AttributePath.of("emails", "value"),
            store.type.attribute(null, "emails").orElseThrow().subAttribute("value").orElseThrow(),
            false);
    List<String> names =
        store
            .repository
            .searches()
            .page(tenant, store.type, null, sort, 0, 100, null)
            .rows()
            .stream()
            .map(UserRow::userName)
            .toList();
    // ann's primary email is ann@example.com; bob has no primary, so his first (bob@home.org).
    assertEquals(
        List.of("ann@example.com", "Bob@Example.com", "carol_x@example.com", "dave@example.net")
            .subList(0, 2),
        names.subList(0, 2));
    assertEquals(4, names.size());
  }

  /**
   * Permission rules evaluate a user in memory; {@code id} and {@code meta} come from the row, not
   * the stored document, and must be there for the evaluator as they are for the search.
   */
  @Test
  void idAndMetaFilterTheRuleDocumentAsTheySearch() {
    List<UserRow> rows =
        store.repository.searches().page(tenant, store.type, null, null, 0, 100, null).rows();
    UserRow ann =
        rows.stream().filter(r -> r.userName().equals("ann@example.com")).findFirst().orElseThrow();
    for (String text :
        List.of(
            "meta.created gt \"2000-01-01T00:00:00Z\"",
            // whole seconds: the database keeps less precision than the clock gives
            "meta.lastModified ge \"" + ann.lastModified().truncatedTo(ChronoUnit.SECONDS) + "\"",
            "id eq \"" + ann.id() + "\"",
            "meta.resourceType eq \"User\"")) {
      Filter filter = FilterParser.parse(text, store.type);
      Set<String> inMemory =
          rows.stream()
              .filter(
                  r ->
                      FilterEvaluator.matches(
                          filter, UserDocuments.forFilters(store.type, r), store.type))
              .map(UserRow::id)
              .collect(Collectors.toSet());
      Set<String> searched =
          store
              .repository
              .searches()
              .page(tenant, store.type, filter, null, 0, 100, null)
              .rows()
              .stream()
              .map(UserRow::id)
              .collect(Collectors.toSet());
      assertEquals(searched, inMemory, text);
      assertFalse(inMemory.isEmpty(), text);
    }
  }

  @Test
  void pagingHonoursOffsetAndCountWithTheFullTotal() {
    CursorPaging.Counted<UserRow> page =
        store.repository.searches().page(tenant, store.type, null, null, 1, 2, null);
    assertEquals(4, page.total());
    assertEquals(2, page.rows().size());
    CursorPaging.Counted<UserRow> none =
        store.repository.searches().page(tenant, store.type, null, null, 0, 0, null);
    assertEquals(4, none.total());
    assertEquals(0, none.rows().size());
  }

  /**
   * RFC 7644 §3.4.2.4: totalResults is the number of matches whatever page is asked for, whether
   * the page ends the list (the total is then told by the page) or lies past its end (counted).
   */
  @Test
  void theTotalIsTheSameOnAShortLastPageAndPastTheEnd() {
    var searches = store.repository.searches();
    CursorPaging.Counted<UserRow> last = searches.page(tenant, store.type, null, null, 2, 5, null);
    assertEquals(4, last.total());
    assertEquals(2, last.rows().size());
    CursorPaging.Counted<UserRow> past = searches.page(tenant, store.type, null, null, 10, 5, null);
    assertEquals(4, past.total());
    assertEquals(0, past.rows().size());
    CursorPaging.Counted<UserRow> exact = searches.page(tenant, store.type, null, null, 0, 4, null);
    assertEquals(4, exact.total());
    CursorPaging.Counted<UserRow> afterFirst =
        searches.page(tenant, store.type, null, null, 0, 5, exact.rows().get(0).id());
    assertEquals(4, afterFirst.total(), "a keyset page counts: it does not see what lay before");
    assertEquals(3, afterFirst.rows().size());
  }

  /**
   * RFC 7644 §3.4.2.2 compares whole values: two titles that share their first 1,500 characters are
   * different values, and a value longer than any index entry can hold is stored and found.
   */
  @Test
  void longValuesAreComparedWholeNotByTheirIndexedStart() {
    assertEquals(Set.of("long-a"), longValueMatches("title eq \"" + LONG_START + "A\""));
    assertEquals(Set.of("long-b"), longValueMatches("title sw \"" + LONG_START + "b\""));
    assertEquals(Set.of("long-a", "long-b"), longValueMatches("title sw \"" + LONG_START + "\""));
    assertEquals(Set.of("long-b"), longValueMatches("title ew \"xb\""));
    assertEquals(Set.of("long-a"), longValueMatches("title lt \"" + LONG_START + "B\""));
    assertEquals(
        Set.of("wide"),
        longValueMatches(
            "urn:ietf:params:scim:schemas:extension:rollcall:2.0:User:customField1 eq \""
                + WIDE
                + "END\""));
    assertEquals(
        Set.of(),
        longValueMatches(
            "urn:ietf:params:scim:schemas:extension:rollcall:2.0:User:customField1 eq \""
                + WIDE
                + "\""));
  }

  /**
   * An empty string is kept as sent, but RFC 7644 §3.4.2.2 {@code pr} asks for a non-empty value;
   * {@code eq ""} and {@code ne ""} still compare it.
   */
  @Test
  void emptyStringsAreValuesButNotPresent() {
    String emptyValues = store.newTenant("Empty values");
    store.add(
        emptyValues,
        """
        {"userName":"empty","externalId":"","title":"",
         "emails":[{"value":"e@example.com","type":""}]}
        """);
    store.add(emptyValues, "{\"userName\":\"filled\",\"externalId\":\"x\",\"title\":\"t\"}");
    assertEquals(Set.of("filled"), matches(emptyValues, "title pr"));
    assertEquals(Set.of("filled"), matches(emptyValues, "externalId pr"));
    assertEquals(Set.of("empty"), matches(emptyValues, "title eq null"));
    assertEquals(Set.of("empty"), matches(emptyValues, "title eq \"\""));
    assertEquals(Set.of("filled"), matches(emptyValues, "title ne \"\""));
    assertEquals(Set.of(), matches(emptyValues, "emails[type pr]"));
    assertEquals(Set.of("empty"), matches(emptyValues, "emails[value pr and not (type pr)]"));
  }

  private Set<String> matches(String tenantId, String filter) {
    return store
        .repository
        .searches()
        .page(tenantId, store.type, FilterParser.parse(filter, store.type), null, 0, 10, null)
        .rows()
        .stream()
        .map(UserRow::userName)
        .collect(Collectors.toSet());
  }

  private Set<String> longValueMatches(String filter) {
    return store
        .repository
        .searches()
        .page(longValues, store.type, FilterParser.parse(filter, store.type), null, 0, 10, null)
        .rows()
        .stream()
        .map(UserRow::userName)
        .collect(Collectors.toSet());
  }

  /**
   * RFC 9865 cursor pages, with and without sortBy: each user of the tenant exactly once, and the
   * last page without a next cursor.
   */
  @Test
  void cursorPagesVisitEveryUserOnce() {
    for (String sortBy : new String[] {null, "userName"}) {
      List<String> seen = new ArrayList<>();
      String cursor = "";
      int pages = 0;
      while (cursor != null) {
        ResourceSearch.Listed<UserRow> page =
            store
                .repository
                .searches()
                .list(
                    tenant,
                    store.type,
                    new ListRequest(null, sortBy, false, 1, 3, cursor, null, null),
                    Instant.now());
        page.rows().forEach(row -> seen.add(row.userName()));
        assertEquals(4, page.total());
        cursor = page.nextCursor();
        pages++;
      }
      assertEquals(2, pages, "4 users in pages of 3");
      assertEquals(4, new HashSet<>(seen).size(), seen.toString());
      assertEquals(4, seen.size(), seen.toString());
    }
  }

  @Test
  void filterOnWriteOnlyPasswordIsRejected() {
    assertThrows(
        ScimException.class,
        () ->
            store
                .repository
                .searches()
                .page(
                    tenant,
                    store.type,
                    FilterParser.parse("password eq \"x\"", store.type),
                    null,
                    0,
                    10,
                    null));
  }
}
