package io.rollcall.database;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure caused by saturation — no connection free in the pool, a lock or statement
 * timeout, a deadlock victim, a serialisation failure — from a defect. Saturation is answered 503
 * with {@code Retry-After}: the request was refused as a whole (its transaction rolled back) and
 * the same request is expected to succeed once load drops, so a client should retry it.
 */
public final class Overload {

  /** Seconds a refused client is asked to wait. */
  public static final int RETRY_AFTER_SECONDS = 2;

  /**
   * SQLSTATEs of PostgreSQL and H2 that mean "try again": serialization failure, deadlock, lock not
   * available, statement timeout, too many connections, and H2's lock timeout.
   */
  private static final Set<String> TRANSIENT_STATES =
      Set.of("40001", "40P01", "55P03", "57014", "53300", "HYT00");

  private Overload() {}

  public static boolean isOverload(Throwable thrown) {
    for (Throwable t : Causes.of(thrown)) {
      if (t instanceof SQLTransientException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (TRANSIENT_STATES.contains(state) || state.startsWith("08"))) {
          return true;
        }
      }
      // The application server's pool refuses with its own exception types when every connection
      // is in use past the pool's wait time.
      String name = t.getClass().getName();
      if (name.endsWith(".PoolingException")
          || name.equals("jakarta.resource.ResourceException")
          || name.startsWith("jakarta.resource.spi.ResourceAllocationException")) {
        return true;
      }
    }
    return false;
  }
}
