package io.rollcall.database;

import io.rollcall.protocol.schema.CaseFolding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 16: recomputes every stored folded key with the folding that also merges Unicode
 * look-alikes ({@link CaseFolding}: NFKC as well as lower case). Keys of ASCII text do not change,
 * so only rows holding other characters are written. Java rather than SQL because the databases'
 * own lower-casing and normalization are not Rollcall's.
 *
 * <p>Two users (or groups, or accounts) of one tenant may have been distinct before and share a key
 * now — a look-alike made before this release. Neither is renamed or merged: the later one keeps
 * its old key, so both stay reachable, and the log names both so an admin can decide.
 */
final class RefoldedKeys implements JavaMigration {

  private static final Logger LOG = Logger.getLogger(RefoldedKeys.class.getName());

  private static final int PAGE = 1000;

  /** A table's text column, the key folded from it, and whether keys are unique per tenant. */
  private record Keyed(String table, String id, String text, String key, boolean unique) {}

  private static final List<Keyed> KEYED =
      List.of(
          new Keyed("scim_user", "id", "user_name", "user_name_key", true),
          new Keyed("scim_group", "id", "display_name", "display_name_key", true),
          new Keyed("account", "id", "email", "email_key", true));

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("16");
  }

  @Override
  public String getDescription() {
    return "unicode folded keys";
  }

  @Override
  public Integer getChecksum() {
    return 16;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    for (Keyed keyed : KEYED) {
      refold(connection, keyed);
    }
    refoldValues(connection);
  }

  private static void refold(Connection connection, Keyed t) throws SQLException {
    String select =
        "SELECT "
            + t.id()
            + ", tenant_id, "
            + t.text()
            + ", "
            + t.key()
            + " FROM "
            + t.table()
            + " WHERE "
            + t.id()
            + " > ? ORDER BY "
            + t.id()
            + " LIMIT "
            + PAGE;
    String clash =
        "SELECT "
            + t.id()
            + " FROM "
            + t.table()
            + " WHERE tenant_id = ? AND "
            + t.key()
            + " = ? AND "
            + t.id()
            + " <> ?";
    String update = "UPDATE " + t.table() + " SET " + t.key() + " = ? WHERE " + t.id() + " = ?";
    String after = "";
    while (true) {
      List<String[]> changed = new ArrayList<>();
      int read = 0;
      try (PreparedStatement page = connection.prepareStatement(select)) {
        page.setString(1, after);
        try (ResultSet rows = page.executeQuery()) {
          while (rows.next()) {
            read++;
            after = rows.getString(1);
            String folded = CaseFolding.fold(rows.getString(3));
            if (!folded.equals(rows.getString(4))) {
              changed.add(new String[] {rows.getString(1), rows.getString(2), folded});
            }
          }
        }
      }
      for (String[] row : changed) {
        String other = first(connection, clash, row[1], row[2], row[0]);
        if (other != null) {
          LOG.warning(
              t.table()
                  + " "
                  + row[0]
                  + " and "
                  + other
                  + " of tenant "
                  + row[1]
                  + " now look the same ("
                  + t.text()
                  + "); "
                  + row[0]
                  + " keeps its old key until one of them is renamed");
          continue;
        }
        try (PreparedStatement set = connection.prepareStatement(update)) {
          set.setString(1, row[2]);
          set.setString(2, row[0]);
          set.executeUpdate();
        }
      }
      if (read < PAGE) {
        return;
      }
    }
  }

  /** The value index: folded forms (whole and indexed prefix) of every case-insensitive value. */
  private static void refoldValues(Connection connection) throws SQLException {
    String select =
        "SELECT user_id, attr, element, text_value, folded_value FROM scim_user_value"
            + " WHERE folded_value IS NOT NULL AND (user_id > ? OR (user_id = ? AND attr > ?)"
            + " OR (user_id = ? AND attr = ? AND element > ?))"
            + " ORDER BY user_id, attr, element LIMIT "
            + PAGE;
    String update =
        "UPDATE scim_user_value SET folded_value = ?, folded_prefix = ?"
            + " WHERE user_id = ? AND attr = ? AND element = ?";
    String userId = "";
    String attr = "";
    int element = -1;
    while (true) {
      int read = 0;
      List<Object[]> changed = new ArrayList<>();
      try (PreparedStatement page = connection.prepareStatement(select)) {
        page.setString(1, userId);
        page.setString(2, userId);
        page.setString(3, attr);
        page.setString(4, userId);
        page.setString(5, attr);
        page.setInt(6, element);
        try (ResultSet rows = page.executeQuery()) {
          while (rows.next()) {
            read++;
            userId = rows.getString(1);
            attr = rows.getString(2);
            element = rows.getInt(3);
            String folded = CaseFolding.fold(rows.getString(4));
            if (!folded.equals(rows.getString(5))) {
              changed.add(new Object[] {folded, userId, attr, element});
            }
          }
        }
      }
      try (PreparedStatement set = connection.prepareStatement(update)) {
        for (Object[] row : changed) {
          String folded = (String) row[0];
          set.setString(1, folded);
          set.setString(2, folded.length() <= 200 ? folded : folded.substring(0, 200));
          set.setString(3, (String) row[1]);
          set.setString(4, (String) row[2]);
          set.setInt(5, (Integer) row[3]);
          set.addBatch();
        }
        if (!changed.isEmpty()) {
          set.executeBatch();
        }
      }
      if (read < PAGE) {
        return;
      }
    }
  }

  private static String first(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
