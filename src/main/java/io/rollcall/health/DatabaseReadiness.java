package io.rollcall.health;

import io.rollcall.web.NodeStopping;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the node is not stopping. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/rollcall")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    if (NodeStopping.isStopping()) {
      // A load balancer polling readiness stops sending requests to a node on its way out.
      return HealthCheckResponse.named("stopping").down().build();
    }
    try (Connection connection = dataSource.getConnection()) {
      return HealthCheckResponse.named("database")
          .status(connection.isValid(TIMEOUT_SECONDS))
          .build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database").down().build();
    }
  }
}
