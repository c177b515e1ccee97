package io.rollcall.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database up to date before the application serves anything, then announces {@link
 * DatabaseReady}; its observers (the admin account, the timers) fail the deployment if they throw.
 * It runs in a servlet listener rather than a {@code @Startup} bean because a failure here must
 * fail the deployment: a {@code @PostConstruct} failure is only logged.
 */
@WebListener
public class StartupListener implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(StartupListener.class.getName());

  @Resource(lookup = "jdbc/rollcall")
  DataSource dataSource;

  @Inject Event<DatabaseReady> databaseReady;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    try {
      MigrateResult result = Migrations.migrate(dataSource, StartupListener.class.getClassLoader());
      LOG.info(
          "Database schema at version "
              + (result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion)
              + " after "
              + result.migrationsExecuted
              + " migration(s)");
    } catch (RuntimeException e) {
      LOG.severe("Database migration failed; Rollcall will not start: " + e.getMessage());
      throw new IllegalStateException("Database migration failed", e);
    }
    databaseReady.fire(new DatabaseReady());
  }
}
