package io.rollcall.groups;

import io.rollcall.protocol.filter.Filter;
import io.rollcall.protocol.filter.FilterParser;
import io.rollcall.testdb.QueryPlans;
import io.rollcall.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lookups Okta and Entra ID send for groups use an index on PostgreSQL: {@code members[value eq
 * "…"]} (which groups is this user in?) and {@code displayName eq}, read with {@code EXPLAIN} on a
 * tenant of 40 groups of 50 members each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupLookupPlansOnPostgresTest {

  private TestDatabase database;
  private GroupStoreFixture store;
  private String tenant;
  private String someUser;

  @BeforeAll
  void load() {
    database = TestDatabase.postgres();
    store = new GroupStoreFixture(database, QueryPlans.CAPTURING);
    tenant = store.newTenant("Large");
    someUser = store.addUser(tenant, "only-in-group-0@example.com");
    // Rows made by the database itself: 20,000 groups through the repository would take minutes.
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement users =
            connection.prepareStatement(
                "INSERT INTO scim_user (id, tenant_id, user_name, user_name_key, active, document,"
                    + " created_at, last_modified, version) SELECT 'u-' || n, ?, 'user' || n,"
                    + " 'user' || n, 1, '{}', now(), now(), 1 FROM generate_series(0, 199) n");
        PreparedStatement groups =
            connection.prepareStatement(
                "INSERT INTO scim_group (id, tenant_id, display_name, display_name_key,"
                    + " external_id, document, created_at, last_modified, version)"
                    + " SELECT 'g-' || n, ?, 'Group ' || n, 'group ' || n, 'EXT-' || n, '{}',"
                    + " now(), now(), 1 FROM generate_series(0, 19999) n");
        PreparedStatement members =
            connection.prepareStatement(
                "INSERT INTO scim_group_member (group_id, tenant_id, member_id, member_type)"
                    + " SELECT 'g-' || n, ?, 'u-' || (n % 200), 'User'"
                    + " FROM generate_series(0, 19999) n"
                    + " UNION ALL SELECT 'g-0', ?, ?, 'User'")) {
      users.setString(1, tenant);
      users.executeUpdate();
      groups.setString(1, tenant);
      groups.executeUpdate();
      members.setString(1, tenant);
      members.setString(2, tenant);
      members.setString(3, someUser);
      members.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    QueryPlans.analyze(database.dataSource());
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void memberLookupReadsTheMembershipIndex() {
    assertUsesIndex("members[value eq \"" + someUser + "\"]", "scim_group_member_member");
  }

  @Test
  void displayNameLookupReadsItsIndex() {
    assertUsesIndex("displayName eq \"GROUP 7\"", "scim_group_tenant_display_name");
  }

  private void assertUsesIndex(String filter, String index) {
    Filter parsed = FilterParser.parse(filter, store.type);
    var searches = store.repository.searches();
    QueryPlans.assertLookupIndexed(
        database.dataSource(),
        index,
        (offset, count) -> searches.page(tenant, store.type, parsed, null, offset, count, null));
  }
}
