package io.rollcall.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes committed writes durable before they are acknowledged, on databases whose commit alone is
 * not: the embedded H2 writes commits to its file in the background, up to a second later, so a
 * crash lost answered writes. Before a write's answer leaves, its caller waits here for an H2
 * {@code CHECKPOINT} (which writes the committed state to the file) that began after its commit.
 * Checkpoints are shared: while one runs, every writer that committed meanwhile waits for the next
 * one, so sixteen concurrent writers pay for a few checkpoints, not sixteen (group commit). On
 * PostgreSQL the commit is already durable ({@code synchronous_commit} on) and this does nothing.
 *
 * <p>H2's own synchronous mode ({@code WRITE_DELAY=0}) was tried first: it stops H2's background
 * housekeeping, and a 10-minute load test grew the database file to 13 GB.
 */
@ApplicationScoped
public class CommitDurability {

  @Resource(lookup = "jdbc/rollcall")
  DataSource dataSource;

  private final Object lock = new Object();
  private volatile Boolean checkpointing;
  private long commits;
  private long durableUpTo;
  private boolean flushing;

  /** Returns once everything committed before this call is on disk. */
  public void awaitDurable() {
    if (!needsCheckpoint()) {
      return;
    }
    long mine;
    synchronized (lock) {
      mine = ++commits;
    }
    while (true) {
      long target;
      synchronized (lock) {
        while (flushing && durableUpTo < mine) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for durability", e);
          }
        }
        if (durableUpTo >= mine) {
          return;
        }
        flushing = true;
        target = commits;
      }
      boolean done = false;
      try {
        checkpoint();
        done = true;
      } finally {
        synchronized (lock) {
          flushing = false;
          if (done) {
            durableUpTo = Math.max(durableUpTo, target);
          }
          lock.notifyAll();
        }
      }
    }
  }

  private boolean needsCheckpoint() {
    Boolean known = checkpointing;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known = "H2".equals(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new IllegalStateException("database unavailable", e);
      }
      checkpointing = known;
    }
    return known;
  }

  private void checkpoint() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new IllegalStateException("could not make the write durable", e);
    }
  }
}
