package io.rollcall.database;

import java.sql.SQLException;

/**
 * Tells a write refused by a unique index: two requests that both checked a name was free and then
 * both inserted it. The database keeps the first; the other request lost a race, not the server its
 * footing, so it is answered like the check it passed: 409 {@code uniqueness}.
 */
public final class DuplicateKey {

  /** The SQLSTATE of a unique-constraint violation, the same on PostgreSQL and H2. */
  private static final String UNIQUE_VIOLATION = "23505";

  private DuplicateKey() {}

  public static boolean isDuplicateKey(Throwable thrown) {
    for (Throwable t : Causes.of(thrown)) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
