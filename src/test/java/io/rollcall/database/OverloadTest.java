package io.rollcall.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.testdb.TestDatabase;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which failures are saturation (503 and retry), which are a lost race for a unique value (409),
 * and which are defects (500).
 */
class OverloadTest {

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgres());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRealLockTimeoutIsOverloadEvenWrappedTheWayTheContainerWrapsIt(TestDatabase database)
      throws Exception {
    DataSource dataSource = database.dataSource();
    try (Connection holder = dataSource.getConnection();
        Connection waiter = dataSource.getConnection()) {
      try (Statement s = holder.createStatement()) {
        s.execute("CREATE TABLE counter (id INT PRIMARY KEY, n INT)");
        s.execute("INSERT INTO counter VALUES (1, 0)");
      }
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.executeUpdate("UPDATE counter SET n = n + 1 WHERE id = 1");
      }
      SQLException timeout;
      try (Statement s = waiter.createStatement()) {
        s.execute(database.isPostgres() ? "SET lock_timeout = 50" : "SET LOCK_TIMEOUT 50");
        timeout =
            assertThrows(
                SQLException.class, () -> s.executeUpdate("UPDATE counter SET n = 5 WHERE id = 1"));
      }
      holder.rollback();
      assertTrue(Overload.isOverload(timeout), timeout.getSQLState() + " " + timeout);
      assertTrue(
          Overload.isOverload(new EJBException(new PersistenceException("flush failed", timeout))));
    }
  }

  @Test
  void poolExhaustionTimeoutsAndPostgresRetryStatesAreOverload() {
    assertTrue(Overload.isOverload(new SQLTimeoutException("statement timeout")));
    assertTrue(Overload.isOverload(new SQLException("deadlock detected", "40P01")));
    assertTrue(Overload.isOverload(new SQLException("could not serialize", "40001")));
    assertTrue(Overload.isOverload(new SQLException("lock not available", "55P03")));
    assertTrue(Overload.isOverload(new SQLException("connection refused", "08001")));
    assertTrue(
        Overload.isOverload(
            new PersistenceException(new SQLException(new jakarta.resource.ResourceException()))));
  }

  @Test
  void defectsAndClientErrorsAreNotOverload() {
    assertFalse(Overload.isOverload(new NullPointerException()));
    assertFalse(Overload.isOverload(new SQLException("unique violation", "23505")));
    assertFalse(Overload.isOverload(new SQLException("syntax", "42000")));
    assertFalse(Overload.isOverload(new PersistenceException("no cause")));
  }

  /** Two requests that both found a userName free and both inserted it: the second one loses. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aRealUniqueIndexViolationIsADuplicateKeyNotOverload(TestDatabase database) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE names (tenant VARCHAR(10), name_key VARCHAR(10))");
      s.execute("CREATE UNIQUE INDEX names_unique ON names (tenant, name_key)");
      s.execute("INSERT INTO names VALUES ('t', 'ann')");
      SQLException duplicate =
          assertThrows(
              SQLException.class, () -> s.execute("INSERT INTO names VALUES ('t', 'ann')"));
      assertTrue(DuplicateKey.isDuplicateKey(duplicate), duplicate.getSQLState() + " " + duplicate);
      assertTrue(
          DuplicateKey.isDuplicateKey(
              new EJBException(new PersistenceException("commit failed", duplicate))));
      assertFalse(Overload.isOverload(duplicate));
    }
    assertFalse(DuplicateKey.isDuplicateKey(new SQLException("lock timeout", "HYT00")));
    assertFalse(DuplicateKey.isDuplicateKey(new NullPointerException()));
  }
}
