package io.rollcall.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A PostgreSQL server for benchmarks, from the same Maven-shipped binaries the tests use, so a
 * benchmark needs no installed database. It keeps its data between runs (a loaded million-user
 * tenant survives a restart), creates the {@code rollcall} role and database as the README's
 * production section does, and runs until stopped.
 *
 * <pre>
 * java -cp target/bench-tools:target/classes:$(cat target/bench.classpath) io.rollcall.bench.BenchPostgres \
 *   [--port 5433] [--data target/bench-postgres]
 * </pre>
 */
public final class BenchPostgres {

  private BenchPostgres() {}

  public static void main(String[] args) throws Exception {
    int port = 5433;
    Path data = Path.of("target/bench-postgres");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--data" -> data = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            // A benchmark machine's memory, not a test's: room for a million users' indexes.
            .setServerConfig("shared_buffers", "512MB")
            // Durable as in production: the embedded server's defaults turn both off for tests.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100")
            .start();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement sql = admin.createStatement()) {
      try (ResultSet exists =
          sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'rollcall'")) {
        if (!exists.next()) {
          sql.execute("CREATE ROLE rollcall LOGIN PASSWORD 'rollcall'");
          sql.execute("CREATE DATABASE rollcall OWNER rollcall ENCODING 'UTF8'");
        }
      }
    }
    System.out.println(
        "PostgreSQL ready: jdbc:postgresql://127.0.0.1:" + port + "/rollcall (user rollcall)");
    Thread.currentThread().join();
  }
}
