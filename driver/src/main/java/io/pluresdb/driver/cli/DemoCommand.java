package io.pluresdb.driver.cli;

import io.pluresdb.jdbc.LiveChange;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresDriver;
import io.pluresdb.jdbc.PluresNotification;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pluresdb demo}: in one process, a hub and two client nodes on temporary files. Client
 * {@code a} defines a table and writes; client {@code b} watches a live query; both print what they
 * see, then the three nodes' tables are compared. Uses only the public JDBC API, so it doubles as a
 * worked example.
 */
@Command(
    name = "demo",
    footerHeading = "%nExamples:%n",
    footer = {"  java -jar pluresdb.jar demo"},
    description = "Run a hub and two replicating clients in this process and show what each sees.")
final class DemoCommand implements Callable<Integer> {
  private static final long WAIT_MILLIS = 10_000;

  @Option(
      names = "--keep",
      description = "Keep the temporary database files and print where they are.")
  private boolean keep;

  private final PrintStream out = System.out;
  private final long started = System.nanoTime();

  @Override
  public Integer call() throws Exception {
    PluresDriver.register();
    Path dir = Files.createTempDirectory("pluresdb-demo");
    try {
      return run(dir);
    } finally {
      if (keep) {
        say("demo", "files kept in " + dir);
      } else {
        deleteTree(dir);
      }
    }
  }

  private int run(Path dir) throws Exception {
    try (Connection hub = DriverManager.getConnection(url(dir, "hub") + "?listen=127.0.0.1:0")) {
      int port = hub.unwrap(PluresConnection.class).listenPort();
      String peers = "?peers=ws://127.0.0.1:" + port;
      say("hub", "listening on ws://127.0.0.1:" + port + " (" + dir.resolve("hub.db") + ")");
      try (Connection a = DriverManager.getConnection(url(dir, "a") + peers);
          Connection b = DriverManager.getConnection(url(dir, "b") + peers)) {
        say("a", "node " + a.unwrap(PluresConnection.class).nodeId() + " connects to the hub");
        say("b", "node " + b.unwrap(PluresConnection.class).nodeId() + " connects to the hub");
        return story(hub, a, b);
      }
    }
  }

  private int story(Connection hub, Connection a, Connection b) throws Exception {
    exec(a, "CREATE TABLE album (id BIGINT PRIMARY KEY, title VARCHAR(100), year INTEGER)", "a");
    awaitTable(b, "album");
    say("b", "sees table album (the schema replicated)");

    String live = "SELECT id, title, year FROM album WHERE year >= 2000 ORDER BY year";
    Semaphore changed = new Semaphore(0); // a permit for every change after the initial rows
    try (AutoCloseable sub =
            b.unwrap(PluresConnection.class)
                .subscribe(
                    live,
                    List.of(),
                    changes -> {
                      for (LiveChange c : changes) {
                        if (c.kind() != LiveChange.Kind.INITIAL) {
                          changed.release();
                        }
                      }
                      for (LiveChange c : changes) {
                        say("b live", c.kind() + " " + c.values());
                      }
                    });
        Statement listen = b.createStatement()) {
      say("b", "subscribed: " + live);
      listen.execute("LISTEN album_events");

      exec(a, "INSERT INTO album VALUES (1, 'Kid A', 2000), (2, 'OK Computer', 1997)", "a");
      exec(a, "INSERT INTO album VALUES (3, 'In Rainbows', 2007)", "a");
      exec(a, "UPDATE album SET year = 2001 WHERE id = 2", "a");
      exec(a, "DELETE FROM album WHERE id = 1", "a");
      exec(a, "NOTIFY album_events, 'catalogue updated'", "a");

      // INSERT 1, INSERT 3, INSERT 2 (entered the window), DELETE 1
      awaitCount(changed, 4);
      PluresNotification[] n = b.unwrap(PluresConnection.class).getNotifications((int) WAIT_MILLIS);
      for (PluresNotification x : n) {
        say("b", "notification on " + x.getName() + ": " + x.getParameter());
      }
    }
    String q = "SELECT id, title, year FROM album ORDER BY id";
    List<String> onA = rows(a, q);
    List<String> onB = awaitRows(b, q, onA);
    List<String> onHub = awaitRows(hub, q, onA);
    say("a", "has " + onA);
    say("b", "has " + onB);
    say("hub", "has " + onHub);
    boolean same = onA.equals(onB) && onA.equals(onHub);
    say("demo", same ? "all three nodes hold identical tables" : "the nodes differ");
    return same ? 0 : 1;
  }

  private void exec(Connection c, String sql, String who) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    say(who, sql);
  }

  private void awaitTable(Connection c, String table) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (true) {
      try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
        if (rs.next()) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + table + " did not replicate in time");
      }
      Thread.sleep(10);
    }
  }

  /** Waits up to {@link #WAIT_MILLIS} for {@code n} changes; the demo goes on either way. */
  private static void awaitCount(Semaphore changed, int n) throws InterruptedException {
    if (!changed.tryAcquire(n, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
      return;
    }
  }

  private static List<String> awaitRows(Connection c, String sql, List<String> expected)
      throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    List<String> got = rows(c, sql);
    while (!got.equals(expected) && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
      got = rows(c, sql);
    }
    return got;
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private void say(String who, String what) {
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    synchronized (out) {
      out.printf(Locale.ROOT, "%6d ms  %-7s %s%n", ms, who, what);
      out.flush();
    }
  }

  private static String url(Path dir, String name) {
    return "jdbc:pluresdb:" + dir.resolve(name + ".db");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
