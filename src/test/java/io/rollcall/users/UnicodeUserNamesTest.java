package io.rollcall.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.testdb.TestDatabase;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Look-alike identities (RFC 7644 §7.8; RFC 8265's case-mapped user names): a userName written with
 * a combining diaeresis, or in fullwidth letters, is the same userName as its plain spelling — for
 * uniqueness (checked and enforced by the database's unique key) and for filters — while {@code
 * caseExact} attributes stay exact. On H2 here, on PostgreSQL in {@code
 * UnicodeUserNamesOnPostgresTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnicodeUserNamesTest {

  private static final String COMPOSED = "bj\u00f6rn@x.com";
  private static final String DECOMPOSED = "bjo\u0308rn@x.com";
  private static final String FULLWIDTH =
      "\uff22\uff2a\u00d6\uff32\uff2e@\uff38.\uff23\uff2f\uff2d";

  TestDatabase database() {
    return TestDatabase.h2();
  }

  private UserStoreFixture store;
  private String tenant;
  private String bjorn;

  @BeforeAll
  void load() {
    store = new UserStoreFixture(database());
    tenant = store.newTenant("Acme");
    bjorn =
        store.add(
            tenant,
            "{\"userName\":\""
                + COMPOSED
                + "\",\"externalId\":\"ext-"
                + COMPOSED
                + "\",\"emails\":[{\"value\":\""
                + COMPOSED
                + "\",\"type\":\"work\"}]}");
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void decomposedAndFullwidthSpellingsAreTheSameUserName() {
    assertTrue(store.repository.userNameTaken(tenant, DECOMPOSED, null));
    assertTrue(store.repository.userNameTaken(tenant, FULLWIDTH, null));
    assertFalse(store.repository.userNameTaken(tenant, "bjorn@x.com", null), "o is not \u00f6");
  }

  @Test
  void theDatabaseRefusesALookAlikeEvenPastTheCheck() {
    assertThrows(
        PersistenceException.class,
        () -> store.add(tenant, "{\"userName\":\"" + DECOMPOSED + "\"}"),
        "the unique key is the folded form");
    if (store.em.getTransaction().isActive()) {
      store.em.getTransaction().rollback();
    }
    store.em.clear();
  }

  @Test
  void filtersMatchEverySpellingOfACaseInsensitiveValue() {
    assertEquals(List.of(bjorn), ids("userName eq \"" + FULLWIDTH + "\""));
    assertEquals(List.of(bjorn), ids("userName eq \"" + DECOMPOSED + "\""));
    assertEquals(
        List.of(bjorn), ids("emails[type eq \"work\" and value eq \"" + FULLWIDTH + "\"]"));
    assertEquals(List.of(bjorn), ids("emails.value sw \"BJO\u0308\""));
  }

  @Test
  void caseExactAttributesStayExact() {
    assertEquals(List.of(bjorn), ids("externalId eq \"ext-" + COMPOSED + "\""));
    assertEquals(List.of(), ids("externalId eq \"ext-" + DECOMPOSED + "\""));
  }

  private List<String> ids(String filter) {
    return store
        .repository
        .searches()
        .page(tenant, store.type, FilterParser.parse(filter, store.type), null, 0, 10, null)
        .rows()
        .stream()
        .map(UserRow::id)
        .toList();
  }
}
