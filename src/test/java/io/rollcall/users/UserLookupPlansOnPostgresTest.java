package io.rollcall.users;

import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.testdb.QueryPlans;
import io.rollcall.testdb.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lookups Okta and Entra ID send before every write (RFC 7644 §3.4.2.2 filters: {@code userName
 * eq}, {@code externalId eq}, Entra's {@code emails[type eq "work"].value eq}) use an index on
 * PostgreSQL: the plan of every statement the search sends is read with {@code EXPLAIN}, after the
 * statistics of a tenant of a few thousand users, beside another tenant, are gathered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserLookupPlansOnPostgresTest {

  private TestDatabase database;
  private UserStoreFixture store;
  private String tenant;

  @BeforeAll
  void load() {
    database = TestDatabase.postgres();
    store = new UserStoreFixture(database, QueryPlans.CAPTURING);
    tenant = store.newTenant("Large");
    String other = store.newTenant("Other");
    store.addMany(tenant, 3000, UserLookupPlansOnPostgresTest::user);
    store.addMany(other, 1000, UserLookupPlansOnPostgresTest::user);
    QueryPlans.analyze(database.dataSource());
  }

  @AfterAll
  void close() {
    store.close();
  }

  private static String user(int i) {
    return """
        {"userName":"user%1$d@example.com","externalId":"E-%1$d","active":true,
         "name":{"givenName":"Given%1$d","familyName":"Family%1$d"},
         "emails":[{"value":"user%1$d@example.com","type":"work","primary":true},
                   {"value":"user%1$d@home.example","type":"home"}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"%1$d"}}
        """
        .formatted(i);
  }

  static Stream<Arguments> lookups() {
    return Stream.of(
        Arguments.of("userName eq \"USER1234@example.com\"", "scim_user_tenant_user_name"),
        Arguments.of("externalId eq \"E-1234\"", "scim_user_tenant_external_id"),
        Arguments.of(
            "emails[type eq \"work\" and value eq \"user1234@example.com\"]",
            "scim_user_value_folded_prefix"),
        Arguments.of("emails.value eq \"user1234@example.com\"", "scim_user_value_folded_prefix"),
        Arguments.of(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq"
                + " \"1234\"",
            "scim_user_value_folded_prefix"),
        Arguments.of("userName sw \"user1234@\"", "scim_user_tenant_user_name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookups")
  void lookupReadsAnIndexNeverTheWholeTable(String filter, String index) {
    Filter parsed = FilterParser.parse(filter, store.type);
    var searches = store.repository.searches();
    QueryPlans.assertLookupIndexed(
        database.dataSource(),
        index,
        (offset, count) -> searches.page(tenant, store.type, parsed, null, offset, count, null));
  }
}
