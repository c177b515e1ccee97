package io.rollcall.audit;

import io.rollcall.database.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes waiting audit records on a short interval timer, as JDBC batch inserts in one transaction
 * per run: a single writer, so the SCIM requests themselves never touch the audit table. Plain JDBC
 * rather than JPA because the ids come from an identity column, which would make EclipseLink insert
 * row by row.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditWriter {

  private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());

  /** Rows per JDBC batch. */
  static final int BATCH = 500;

  /** Rows per run at most, so one run stays one short transaction; the rest waits for the next. */
  static final int MAX_PER_RUN = 20_000;

  private static final String INSERT =
      "INSERT INTO audit_entry (tenant_id, occurred_at, token_prefix, method, path, filter, status,"
          + " resource_id, duration_ms, query_params, user_agent, scim_type, dropped_attributes)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Resource TimerService timers;

  @Resource(lookup = "jdbc/rollcall")
  DataSource dataSource;

  @Inject AuditQueue queue;

  @Inject
  @ConfigProperty(name = "rollcall.audit.flush-interval", defaultValue = "PT1S")
  String interval;

  /** Scheduled once the schema exists (see {@link DatabaseReady}). */
  public void schedule(@Observes DatabaseReady ready) {
    long millis = Duration.parse(interval).toMillis();
    timers.createIntervalTimer(millis, millis, new TimerConfig("audit-writer", false));
  }

  @Timeout
  void flush() {
    long dropped = queue.takeDropped();
    if (dropped > 0) {
      LOG.warning(
          "Dropped "
              + dropped
              + " audit entr"
              + (dropped == 1 ? "y" : "ies")
              + ": the audit queue was full (rollcall.audit.queue-capacity)");
    }
    List<AuditRecord> records = new ArrayList<>();
    int written = 0;
    while (written < MAX_PER_RUN && queue.drainTo(records, BATCH) > 0) {
      write(records);
      written += records.size();
      records.clear();
    }
  }

  private void write(List<AuditRecord> records) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (AuditRecord r : records) {
        insert.setString(1, r.tenantId());
        insert.setTimestamp(2, Timestamp.from(r.occurredAt()));
        insert.setString(3, r.tokenPrefix());
        insert.setString(4, r.method());
        insert.setString(5, r.path());
        setText(insert, 6, r.filter());
        insert.setInt(7, r.status());
        setText(insert, 8, r.resourceId());
        insert.setInt(9, r.durationMs());
        setText(insert, 10, r.queryParams());
        setText(insert, 11, r.userAgent());
        setText(insert, 12, r.scimType());
        setText(insert, 13, r.droppedAttributes());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Lost " + records.size() + " audit entries: the write failed", e);
    }
  }

  private static void setText(PreparedStatement insert, int index, String value)
      throws SQLException {
    if (value == null) {
      insert.setNull(index, Types.VARCHAR);
    } else {
      insert.setString(index, value);
    }
  }

  /** Writes what is still waiting when the application stops. */
  @PreDestroy
  void drainOnShutdown() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Audit entries still queued at shutdown were not written", e);
    }
  }
}
