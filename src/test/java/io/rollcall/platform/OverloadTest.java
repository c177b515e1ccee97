package io.rollcall.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which failures are saturation (503 and retry) and which are defects (500). */
class OverloadTest {

  @Test
  void aRealLockTimeoutOfH2IsOverloadEvenWrappedTheWayTheContainerWrapsIt() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection holder = DriverManager.getConnection(url);
        Connection waiter = DriverManager.getConnection(url)) {
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
        s.execute("SET LOCK_TIMEOUT 50");
        timeout =
            assertThrows(
                SQLException.class, () -> s.executeUpdate("UPDATE counter SET n = 5 WHERE id = 1"));
      }
      holder.rollback();
      assertTrue(Overload.isOverload(timeout));
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
}
