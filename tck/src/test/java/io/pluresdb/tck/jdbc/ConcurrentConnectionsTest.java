package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Connections used from several threads at once write everything and read whole transactions. */
class ConcurrentConnectionsTest {
  static final int WRITERS = 3;
  static final int TRANSACTIONS = 20;
  static final int ROWS_PER_TRANSACTION = 25;

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void concurrentWritersAllCommitAndReadersOnlySeeWholeTransactions() throws Exception {
    String url = Db.fileUrl(dir, "concurrent");
    try (Connection setup = Db.open(url)) {
      Db.exec(setup, "CREATE TABLE hit (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> write(url, writer)));
      }
      AtomicBoolean done = new AtomicBoolean();
      Set<Long> seen = ConcurrentHashMap.newKeySet();
      Future<?> reader =
          pool.submit(
              () -> {
                try (Connection c = Db.open(url)) {
                  while (!done.get()) {
                    seen.add(Db.count(c, "hit"));
                  }
                }
                return null;
              });
      for (Future<?> f : writers) {
        f.get(240, TimeUnit.SECONDS);
      }
      done.set(true);
      reader.get(60, TimeUnit.SECONDS);
      assertThat(seen)
          .as("row counts a reader observed while writers ran")
          .isNotEmpty()
          .allSatisfy(n -> assertThat(n % ROWS_PER_TRANSACTION).isZero());
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = Db.open(url)) {
      assertThat(Db.count(c, "hit"))
          .isEqualTo((long) WRITERS * TRANSACTIONS * ROWS_PER_TRANSACTION);
      assertThat(Db.scalar(c, "SELECT COUNT(DISTINCT writer) FROM hit")).isIn(3, 3L);
    }
  }

  private static Void write(String url, int writer) throws Exception {
    try (Connection c = Db.open(url);
        PreparedStatement p = c.prepareStatement("INSERT INTO hit VALUES (?, ?)")) {
      c.setAutoCommit(false);
      int id = writer * TRANSACTIONS * ROWS_PER_TRANSACTION;
      for (int t = 0; t < TRANSACTIONS; t++) {
        for (int r = 0; r < ROWS_PER_TRANSACTION; r++) {
          p.setInt(1, id++);
          p.setInt(2, writer);
          p.executeUpdate();
        }
        c.commit();
      }
    }
    return null;
  }
}
