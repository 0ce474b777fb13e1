package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Three nodes converging after a partition during which each wrote 30,000 operations (albums with
 * ids of its own, batches of 1,000): the time from reopening the three nodes connected (a hub and
 * two clients) until each holds all 90,000 rows. Single shot per iteration, fresh files each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class PartitionBenchmark {
  static final int EACH = 30_000;

  private Path dir;
  private int port;
  private List<Connection> nodes = List.of();

  @Setup(Level.Invocation)
  public void partitioned() throws Exception {
    dir = Fixture.tempDir("bench-partition");
    // together first: the schema and the database identity reach every node
    Connection hub = SyncNodes.hub(dir.resolve("n0.db"), 0);
    port = SyncNodes.port(hub);
    Fixture.createSchema(Target.PLURESDB, hub);
    Connection a = SyncNodes.client(dir.resolve("n1.db"), port);
    Connection b = SyncNodes.client(dir.resolve("n2.db"), port);
    awaitTable(a);
    awaitTable(b);
    hub.close();
    a.close();
    b.close();
    // apart: each node writes alone
    for (int n = 0; n < 3; n++) {
      try (Connection alone = Target.PLURESDB.open(dir.resolve("n" + n + ".db"))) {
        Fixture.insertAlbums(alone, (long) n * 1_000_000, EACH);
      }
    }
  }

  @TearDown(Level.Invocation)
  public void drop() throws Exception {
    for (Connection c : nodes) {
      c.close();
    }
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public long converge() throws Exception {
    Connection hub = SyncNodes.hub(dir.resolve("n0.db"), port);
    Connection a = SyncNodes.client(dir.resolve("n1.db"), port);
    Connection b = SyncNodes.client(dir.resolve("n2.db"), port);
    nodes = List.of(hub, a, b);
    long total = 0;
    for (Connection c : nodes) {
      total += awaitRows(c, 3L * EACH);
    }
    return total;
  }

  private static void awaitTable(Connection c) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM album")) {
        return;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        TimeUnit.MILLISECONDS.sleep(2);
      }
    }
  }

  private static long awaitRows(Connection c, long rows) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try (Statement s = c.createStatement()) {
      while (true) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM album")) {
          rs.next();
          long n = rs.getLong(1);
          if (n >= rows) {
            return n;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a node did not converge");
        }
        TimeUnit.MILLISECONDS.sleep(2); // polls a database, not a test: a short pause between reads
      }
    }
  }
}
