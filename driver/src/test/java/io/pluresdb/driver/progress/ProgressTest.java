package io.pluresdb.driver.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.engine.EngineRegistry;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.IndexBuild;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The progress of real databases: statements counted where the driver runs them, index builds. */
@Timeout(120)
class ProgressTest {
  private static final int ROWS = 4000;
  private static final int DIMS = 64;

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Engine engine(String file) throws Exception {
    String key = "file:" + dir.toRealPath().resolve(file);
    return EngineRegistry.global().engines().stream()
        .filter(e -> e.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void aStatementWaitingForTheWriterCountsAsRunningAndTheShellCounterShowsIt() throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("wait.db");
    StringWriter screen = new StringWriter();
    try (Connection holder = DriverManager.getConnection(url);
        Connection waiter = DriverManager.getConnection(url + "?lock_timeout=60000")) {
      exec(holder, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
      Engine engine = engine("wait.db");
      holder.setAutoCommit(false);
      exec(holder, "INSERT INTO t VALUES (1)");
      assertThat(Progress.of(engine, System.nanoTime()).running()).isZero();
      Future<?> waiting =
          pool.submit(
              () -> {
                exec(waiter, "INSERT INTO t VALUES (2)");
                return null;
              });
      try (LiveCounter counter = LiveCounter.start(new PrintWriter(screen))) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> Progress.of(engine, System.nanoTime()).running() == 1);
        long first = Progress.of(engine, System.nanoTime()).elapsedNanos();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> Progress.of(engine, System.nanoTime()).elapsedNanos() > first);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> screen.toString().contains(" transactions committed since"));
        assertThat(screen.toString()).startsWith("\rrunning ");
        holder.commit();
        waiting.get();
        assertThat(Progress.of(engine, System.nanoTime()))
            .isEqualTo(new Progress(0, 0, 0, null, 0));
        // erased on the statement's thread before it returned, so no result lands on the line
        assertThat(screen.toString()).endsWith(" \r");
      }
    }
  }

  @Test
  void anHnswIndexBuildShowsItsRowsGoingIn() throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("ix.db");
    try (Connection c = DriverManager.getConnection(url)) {
      exec(c, "CREATE TABLE doc (id BIGINT PRIMARY KEY, embedding VECTOR(" + DIMS + "))");
      load(c);
      Engine engine = engine("ix.db");
      CompletableFuture<Void> create =
          CompletableFuture.runAsync(
              () -> {
                try {
                  exec(c, "CREATE INDEX doc_emb ON doc USING hnsw (embedding)");
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              },
              pool);
      List<Progress> seen = new ArrayList<>();
      while (!create.isDone()) { // sample as fast as we can while the build runs
        Progress p = Progress.of(engine, System.nanoTime());
        if (p.index() != null) {
          seen.add(p);
        }
      }
      create.join();
      assertThat(seen).isNotEmpty();
      TreeSet<Integer> done = new TreeSet<>();
      for (Progress p : seen) {
        IndexBuild b = p.index();
        assertThat(b.index()).isEqualTo("doc_emb");
        assertThat(b.total()).isEqualTo(ROWS);
        assertThat(b.done()).isBetween(0, ROWS);
        assertThat(p.running()).as("CREATE INDEX waits for its build").isEqualTo(1);
        done.add(b.done());
      }
      assertThat(done).as("rows going into the graph").hasSizeGreaterThan(1);
      assertThat(Progress.of(engine, System.nanoTime()).index()).isNull();
    }
  }

  private static void load(Connection c) throws SQLException {
    c.setAutoCommit(false);
    Random r = new Random(3);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO doc VALUES (?, ?)")) {
      for (int i = 1; i <= ROWS; i++) {
        float[] v = new float[DIMS];
        for (int d = 0; d < DIMS; d++) {
          v[d] = (float) r.nextGaussian();
        }
        p.setLong(1, i);
        p.setObject(2, v);
        p.addBatch();
      }
      p.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }
}
