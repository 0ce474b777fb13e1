package io.pluresdb.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests: the binaries come as a Maven artifact, one server per
 * test JVM, started on first use on a free loopback port and stopped when the JVM ends. Each {@link
 * #freshDatabase} is an empty database of its own, so tests share the server, not data.
 */
public final class TestPostgres {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** The port the server listens on (loopback). */
  public static int port() {
    return server().getPort();
  }

  /** A new empty database; returns its {@code postgresql://} URI (user postgres, no password). */
  public static String freshDatabase() throws SQLException {
    String name = "hub_" + NAMES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return "postgresql://postgres@localhost:" + port() + "/" + name;
  }

  /** A hub's store in a new empty database. */
  public static PgHub freshHub() throws SQLException {
    return PgHub.open(PgTarget.parse(freshDatabase(), null, null));
  }
}
