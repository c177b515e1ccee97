package io.rollcall.testdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.querying.CursorPaging;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * The plans PostgreSQL chooses for the statements the application really sends. An entity manager
 * factory made with {@link #CAPTURING} writes values into the SQL text instead of binding them (in
 * this test only) and hands every SELECT to {@link #captured()}; {@link #explain} asks PostgreSQL
 * how it runs one.
 */
public final class QueryPlans {

  /** Persistence properties that capture the SQL of every query. */
  public static final Map<String, Object> CAPTURING =
      Map.of(
          "eclipselink.jdbc.bind-parameters", "false",
          "eclipselink.logging.logger", Capture.class.getName(),
          "eclipselink.logging.level.sql", "FINE");

  private static final List<String> STATEMENTS = new ArrayList<>();

  private QueryPlans() {}

  /** Forgets what was captured so far. */
  public static synchronized void clear() {
    STATEMENTS.clear();
  }

  /** The SELECT statements sent since the last {@link #clear()}. */
  public static synchronized List<String> captured() {
    return List.copyOf(STATEMENTS);
  }

  /** A search for one resource: its page from {@code offset}, at most {@code count} long. */
  @FunctionalInterface
  public interface Lookup {
    CursorPaging.Counted<?> page(int offset, int count);
  }

  /**
   * Checks a lookup that matches exactly one resource, on both of its paths: the first page tells
   * its own total and sends no count; a page past the end must count. Every statement of either
   * reads {@code index} or another index, never a whole table.
   */
  public static void assertLookupIndexed(DataSource dataSource, String index, Lookup lookup) {
    clear();
    assertEquals(1, lookup.page(0, 100).total(), "the lookup finds its one resource");
    assertFalse(counted(), "a short first page tells its total: nothing is counted");
    assertIndexedWithoutSequentialScan(dataSource, index);

    clear();
    assertEquals(1, lookup.page(1, 1).total(), "counted past the end");
    assertTrue(counted(), "a page past the end cannot tell the total, so it is counted");
    assertIndexedWithoutSequentialScan(dataSource, index);
  }

  private static boolean counted() {
    return captured().stream().anyMatch(sql -> sql.toUpperCase(Locale.ROOT).contains("COUNT("));
  }

  /** PostgreSQL's plan for a statement, one line per plan node. */
  public static String explain(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
      StringBuilder text = new StringBuilder();
      while (plan.next()) {
        text.append(plan.getString(1)).append('\n');
      }
      return text.toString();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot explain: " + sql, e);
    }
  }

  /**
   * Asserts that no statement captured since the last {@link #clear()} reads a table whole, and
   * that at least one reads the given index.
   */
  public static void assertIndexedWithoutSequentialScan(DataSource dataSource, String index) {
    List<String> statements = captured();
    if (statements.isEmpty()) {
      throw new AssertionError("no statement was captured");
    }
    boolean indexUsed = false;
    for (String sql : statements) {
      String plan = explain(dataSource, sql);
      if (plan.contains("Seq Scan")) {
        throw new AssertionError("a table is read whole:\n" + sql + "\n" + plan);
      }
      indexUsed |= plan.contains(index);
    }
    if (!indexUsed) {
      throw new AssertionError(index + " is not used by any of " + statements);
    }
  }

  /** Updates the planner's statistics, as autovacuum would after a load. */
  public static void analyze(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** EclipseLink's log, reduced to the SELECT statements it sends. */
  public static final class Capture extends AbstractSessionLog {

    @Override
    public void log(SessionLogEntry entry) {
      String message = entry.getMessage();
      if (SessionLog.SQL.equals(entry.getNameSpace())
          && message != null
          && message.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
        synchronized (QueryPlans.class) {
          STATEMENTS.add(message);
        }
      }
    }
  }
}
