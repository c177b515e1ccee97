package io.rollcall.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rollcall.testdb.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The connection check's reads of the audit log, on H2 and PostgreSQL. */
class AuditLogTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  static Stream<TestDatabase> databases() {
    return Stream.of(TestDatabase.h2(), TestDatabase.postgres());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theLastDayIsReadNewestFirstCappedAndTheNewestEntryIsFound(TestDatabase database)
      throws SQLException {
    TestDatabase migrated = database.migrated();
    String tenant = "t-" + System.nanoTime();
    try (Connection connection = migrated.dataSource().getConnection()) {
      insert(connection, tenant, NOW.minusSeconds(30 * 3600), null, null);
      insert(connection, tenant, NOW.minusSeconds(2 * 3600), "Okta SCIM Client 1.0.0", null);
      insert(connection, tenant, NOW.minusSeconds(3600), "Okta SCIM Client 1.0.0", "uniqueness");
      insert(connection, "other-" + tenant, NOW, null, null);
    }
    EntityManagerFactory factory = migrated.entityManagerFactory();
    EntityManager em = factory.createEntityManager();
    try {
      AuditLog log = new AuditLog();
      log.em = em;
      List<AuditEntry> day = log.since(tenant, NOW.minusSeconds(24 * 3600), 100);
      assertEquals(2, day.size());
      assertEquals(NOW.minusSeconds(3600), day.get(0).occurredAt());
      assertEquals("uniqueness", day.get(0).scimType());
      assertEquals("Okta SCIM Client 1.0.0", day.get(0).userAgent());
      assertEquals("count=2", day.get(0).queryParams());
      assertEquals(1, log.since(tenant, NOW.minusSeconds(24 * 3600), 1).size(), "capped");
      assertEquals(Optional.of(NOW.minusSeconds(3600)), log.latestAt(tenant));
      assertEquals(Optional.empty(), log.latestAt("no-such-tenant"));
    } finally {
      em.close();
      factory.close();
    }
  }

  private static void insert(
      Connection connection, String tenant, Instant at, String agent, String code)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO audit_entry (tenant_id, occurred_at, token_prefix, method, path, status,"
                + " duration_ms, query_params, user_agent, scim_type)"
                + " VALUES (?, ?, 'rcs_x', 'GET', '/Users', 200, 1, 'count=2', ?, ?)")) {
      insert.setString(1, tenant);
      insert.setTimestamp(2, Timestamp.from(at));
      insert.setString(3, agent);
      insert.setString(4, code);
      insert.executeUpdate();
    }
  }
}
