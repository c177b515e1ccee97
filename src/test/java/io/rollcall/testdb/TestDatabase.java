package io.rollcall.testdb;

import io.rollcall.database.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test fixture: an in-memory H2, or a new database on a real
 * PostgreSQL server that is started once per test JVM from Maven-shipped binaries. Database tests
 * run on both, so every query, migration and constraint meets the database production uses.
 */
public record TestDatabase(String vendor, String url, String user, String password) {

  private static EmbeddedPostgres postgres;

  public static TestDatabase h2() {
    return new TestDatabase(
        "H2", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** A new database on the shared PostgreSQL server. */
  public static synchronized TestDatabase postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException ignored) {
                      // the JVM is going away; the server's data folder is temporary
                    }
                  }));
    }
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new TestDatabase("PostgreSQL", postgres.getJdbcUrl("postgres", name), "postgres", "");
  }

  public boolean isPostgres() {
    return vendor.equals("PostgreSQL");
  }

  public DataSource dataSource() {
    if (isPostgres()) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setURL(url);
      dataSource.setUser(user);
      dataSource.setPassword(password);
      return dataSource;
    }
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  /** Builds the schema with the application's own migrations. */
  public TestDatabase migrated() {
    Migrations.migrate(dataSource(), TestDatabase.class.getClassLoader());
    return this;
  }

  /** The real entities ({@code rollcall-test} unit) on this database. */
  public EntityManagerFactory entityManagerFactory() {
    return entityManagerFactory(Map.of());
  }

  /** As {@link #entityManagerFactory()}, with persistence properties added or overridden. */
  public EntityManagerFactory entityManagerFactory(Map<String, Object> overrides) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("jakarta.persistence.jdbc.url", url);
    properties.put("jakarta.persistence.jdbc.user", user);
    properties.put("jakarta.persistence.jdbc.password", password);
    properties.put(
        "jakarta.persistence.jdbc.driver",
        isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
    properties.putAll(overrides);
    return Persistence.createEntityManagerFactory("rollcall-test", properties);
  }

  @Override
  public String toString() {
    return vendor;
  }
}
