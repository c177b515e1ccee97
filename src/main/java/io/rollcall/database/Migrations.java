package io.rollcall.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Rollcall's one migration history: the scripts every database runs ({@code db/migration}), then
 * the few that only one database needs ({@code db/vendor/h2}, {@code db/vendor/postgresql}), in one
 * version sequence, with one migration in Java ({@link RefoldedKeys}). Flyway locks its history
 * table while it migrates, so nodes that start at once against an empty database take turns instead
 * of racing.
 */
public final class Migrations {

  private Migrations() {}

  public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
        .javaMigrations(new RefoldedKeys())
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  /** The folder of the database's own scripts; a database Rollcall does not support stops here. */
  static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return switch (product.toLowerCase(Locale.ROOT)) {
        case "h2" -> "h2";
        case "postgresql" -> "postgresql";
        default ->
            throw new IllegalStateException("Rollcall runs on H2 or PostgreSQL, not on " + product);
      };
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database", e);
    }
  }
}
