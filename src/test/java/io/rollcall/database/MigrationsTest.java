package io.rollcall.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rollcall.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one migration history, on H2 and on PostgreSQL: started twice at once, and upgraded. */
class MigrationsTest {

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgres());
  }

  /** Two nodes starting against an empty database: Flyway's lock makes them take turns. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoNodesStartingAtOnceApplyEachMigrationOnce(TestDatabase database) throws Exception {
    DataSource dataSource = database.dataSource();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> starts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        starts.add(nodes.submit(() -> Migrations.migrate(dataSource, getClass().getClassLoader())));
      }
      for (Future<?> start : starts) {
        start.get();
      }
    } finally {
      nodes.shutdownNow();
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT \"version\"), MIN(CASE WHEN \"success\" THEN 1"
                    + " ELSE 0 END) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
      rows.next();
      assertEquals(rows.getLong(2), rows.getLong(1), "every version applied exactly once");
      assertEquals(1, rows.getInt(3), "every migration succeeded");
    }
  }

  /**
   * A database built by the previous release (schema version 10) with a user in it upgrades: the
   * value index gains its indexed prefixes, and the user's values are still there.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void upgradesADatabaseOfThePreviousRelease(TestDatabase database) throws SQLException {
    DataSource dataSource = database.dataSource();
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target("10")
        .load()
        .migrate();
    String title = "Head of " + "x".repeat(300);
    try (Connection connection = dataSource.getConnection()) {
      execute(
          connection,
          "INSERT INTO tenant (id, name, created_at, active, custom_user_schema, groups_enabled,"
              + " version) VALUES ('t1', 'Acme', CURRENT_TIMESTAMP, TRUE, 'urn:x', FALSE, 1)");
      execute(
          connection,
          "INSERT INTO scim_user (id, tenant_id, user_name, user_name_key, active, document,"
              + " created_at, last_modified, version) VALUES ('u1', 't1', 'Ann', 'ann', 1, '{}',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
      try (PreparedStatement value =
          connection.prepareStatement(
              "INSERT INTO scim_user_value (user_id, tenant_id, attr, element, sort_key,"
                  + " text_value, folded_value) VALUES ('u1', 't1', 'title', 0, 1, ?, ?)")) {
        value.setString(1, title);
        value.setString(2, title.toLowerCase());
        value.executeUpdate();
      }
    }

    Migrations.migrate(dataSource, getClass().getClassLoader());

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT text_value, text_prefix, folded_prefix FROM scim_user_value"
                    + " WHERE user_id = 'u1' AND attr = 'title'")) {
      rows.next();
      assertEquals(title, rows.getString(1));
      assertEquals(title.substring(0, 200), rows.getString(2));
      assertEquals(title.toLowerCase().substring(0, 200), rows.getString(3));
    }
  }

  /**
   * Keys stored before folding merged Unicode look-alikes are folded again: a fullwidth userName
   * and a decomposed value get the keys a new write would give them; two users who now look the
   * same both keep working (the later one keeps its old key) instead of failing the migration.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void keysStoredWithTheOldFoldingAreFoldedAgain(TestDatabase database) throws SQLException {
    DataSource dataSource = database.dataSource();
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + Migrations.vendor(dataSource))
        .target("15")
        .load()
        .migrate();
    String fullwidth = "\uff21nn@x.com"; // "Ａnn@x.com"
    String decomposed = "bjo\u0308rn@x.com";
    String composed = "bj\u00f6rn@x.com";
    try (Connection connection = dataSource.getConnection()) {
      execute(
          connection,
          "INSERT INTO tenant (id, name, created_at, active, custom_user_schema, groups_enabled,"
              + " version) VALUES ('t1', 'Acme', CURRENT_TIMESTAMP, TRUE, 'urn:x', FALSE, 1)");
      insertUser(connection, "u1", fullwidth);
      insertUser(connection, "u2", composed);
      insertUser(connection, "u3", decomposed);
      try (PreparedStatement value =
          connection.prepareStatement(
              "INSERT INTO scim_user_value (user_id, tenant_id, attr, element, sort_key,"
                  + " text_value, folded_value, text_prefix, folded_prefix)"
                  + " VALUES ('u3', 't1', 'emails.value', 0, 1, ?, ?, ?, ?)")) {
        value.setString(1, decomposed);
        value.setString(2, decomposed.toLowerCase(java.util.Locale.ROOT));
        value.setString(3, decomposed);
        value.setString(4, decomposed.toLowerCase(java.util.Locale.ROOT));
        value.executeUpdate();
      }
    }

    Migrations.migrate(dataSource, getClass().getClassLoader());

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rows =
          statement.executeQuery("SELECT id, user_name_key FROM scim_user ORDER BY id")) {
        rows.next();
        assertEquals("ann@x.com", rows.getString(2), "fullwidth folds to ASCII");
        rows.next();
        assertEquals(composed, rows.getString(2));
        rows.next();
        assertEquals(
            decomposed, rows.getString(2), "a look-alike of u2 keeps its old key, both reachable");
      }
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT folded_value, folded_prefix FROM scim_user_value WHERE user_id = 'u3'")) {
        rows.next();
        assertEquals(composed, rows.getString(1), "values fold to the composed form");
        assertEquals(composed, rows.getString(2));
      }
    }
  }

  /**
   * Tenants of the previous release get the server's default SCIM rate limit; the table refuses a
   * custom limit without its numbers and numbers without a custom limit.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void existingTenantsGetTheDefaultScimRateLimit(TestDatabase database) throws SQLException {
    DataSource dataSource = database.dataSource();
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + Migrations.vendor(dataSource))
        .javaMigrations(new RefoldedKeys())
        .target("16")
        .load()
        .migrate();
    try (Connection connection = dataSource.getConnection()) {
      execute(
          connection,
          "INSERT INTO tenant (id, name, created_at, active, custom_user_schema, groups_enabled,"
              + " version) VALUES ('t1', 'Acme', CURRENT_TIMESTAMP, TRUE, 'urn:x', FALSE, 1)");
    }

    Migrations.migrate(dataSource, getClass().getClassLoader());

    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT scim_rate_limit, scim_requests_per_second, scim_burst FROM tenant")) {
        rows.next();
        assertEquals("default", rows.getString(1));
        assertNull(rows.getObject(2));
        assertNull(rows.getObject(3));
      }
      execute(
          connection,
          "UPDATE tenant SET scim_rate_limit = 'custom', scim_requests_per_second = 5,"
              + " scim_burst = 20");
      execute(
          connection,
          "UPDATE tenant SET scim_rate_limit = 'unlimited', scim_requests_per_second = NULL,"
              + " scim_burst = NULL");
      for (String invalid :
          List.of(
              "scim_rate_limit = 'custom'",
              "scim_requests_per_second = 5, scim_burst = 20",
              "scim_rate_limit = 'custom', scim_requests_per_second = 0, scim_burst = 20",
              "scim_rate_limit = 'sometimes'")) {
        assertThrows(
            SQLException.class, () -> execute(connection, "UPDATE tenant SET " + invalid), invalid);
      }
    }
  }

  /**
   * Audit entries written before V19 keep their columns and read the new ones as null; new entries
   * store a User-Agent of 200 characters, the other query parameters and an error code.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void auditEntriesGainUserAgentQueryAndErrorCode(TestDatabase database) throws SQLException {
    DataSource dataSource = database.dataSource();
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + Migrations.vendor(dataSource))
        .target("15")
        .load()
        .migrate();
    String insertOld =
        "INSERT INTO audit_entry (tenant_id, occurred_at, token_prefix, method, path, status,"
            + " duration_ms) VALUES ('t1', CURRENT_TIMESTAMP, 'rcs_abc', 'GET', '/Users', 200, 3)";
    try (Connection connection = dataSource.getConnection()) {
      execute(connection, insertOld);
    }

    Migrations.migrate(dataSource, getClass().getClassLoader());

    String agent = "Okta SCIM Client 1.0.0 " + "x".repeat(177);
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO audit_entry (tenant_id, occurred_at, token_prefix, method, path,"
                  + " status, duration_ms, query_params, user_agent, scim_type) VALUES ('t1',"
                  + " CURRENT_TIMESTAMP, 'rcs_abc', 'GET', '/Users', 401, 1, ?, ?, ?)")) {
        insert.setString(1, "startIndex=1&count=2");
        insert.setString(2, agent);
        insert.setString(3, "token_revoked");
        insert.executeUpdate();
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT status, query_params, user_agent, scim_type FROM audit_entry"
                      + " ORDER BY id")) {
        rows.next();
        assertEquals(200, rows.getInt(1));
        assertEquals(null, rows.getString(2));
        assertEquals(null, rows.getString(3));
        assertEquals(null, rows.getString(4));
        rows.next();
        assertEquals("startIndex=1&count=2", rows.getString(2));
        assertEquals(200, rows.getString(3).length());
        assertEquals(agent, rows.getString(3));
        assertEquals("token_revoked", rows.getString(4));
      }
    }
  }

  private static void insertUser(Connection connection, String id, String userName)
      throws SQLException {
    try (PreparedStatement user =
        connection.prepareStatement(
            "INSERT INTO scim_user (id, tenant_id, user_name, user_name_key, active, document,"
                + " created_at, last_modified, version) VALUES (?, 't1', ?, ?, 1, '{}',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)")) {
      user.setString(1, id);
      user.setString(2, userName);
      user.setString(3, userName.toLowerCase(java.util.Locale.ROOT));
      user.executeUpdate();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
