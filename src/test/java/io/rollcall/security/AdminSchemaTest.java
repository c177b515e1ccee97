package io.rollcall.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin accounts, tokens and trail migration, on H2 and on PostgreSQL. */
class AdminSchemaTest {

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgres());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void accountsMadeBeforeRolesBecomeEnabledOwners(TestDatabase database) throws SQLException {
    try (Connection c = database.migrated().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO admin_account (username, password_hash, created_at)"
              + " VALUES ('old', 'x', CURRENT_TIMESTAMP)");
      try (ResultSet r =
          s.executeQuery("SELECT role, enabled FROM admin_account WHERE username = 'old'")) {
        assertTrue(r.next());
        assertEquals("owner", r.getString(1));
        assertTrue(r.getBoolean(2));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void tokensBelongToAnExistingAccountAndTrailRowsNumberThemselves(TestDatabase database)
      throws SQLException {
    try (Connection c = database.migrated().dataSource().getConnection();
        Statement s = c.createStatement()) {
      assertThrows(
          SQLException.class,
          () ->
              s.execute(
                  "INSERT INTO admin_token (id, username, prefix, secret_hash, description,"
                      + " created_at) VALUES ('t1', 'nobody', 'rcadm_abc', 'h', '',"
                      + " CURRENT_TIMESTAMP)"));
      for (int i = 0; i < 2; i++) {
        s.execute(
            "INSERT INTO admin_trail (occurred_at, actor, via, action, outcome)"
                + " VALUES (CURRENT_TIMESTAMP, 'admin', 'console', 'tenant.create', 'success')");
      }
      try (ResultSet r = s.executeQuery("SELECT MIN(id), MAX(id) FROM admin_trail")) {
        assertTrue(r.next());
        assertTrue(r.getLong(2) > r.getLong(1));
      }
    }
  }
}
