package io.pluresdb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A status row updated over and over: one operation is {@value #UPDATES} auto-commit updates of one
 * row in a fresh file. Targets: {@code sqlite} (raw sqlite-jdbc, the baseline), {@code pluresdb}
 * ({@code history_retention=0}: background compaction folds the history as it goes) and {@code
 * pluresdb_kept} (a retention of ten years, so compaction runs and folds nothing: the write rate as
 * before compaction existed). After each operation the file is compacted ({@code pl_compact()}) and
 * vacuumed, and its size is printed beside the target's name; the score is seconds per {@value
 * #UPDATES} updates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CompactionBenchmark {
  static final int UPDATES = 100_000;

  @Param({"sqlite", "pluresdb", "pluresdb_kept"})
  public String target;

  private Path dir;
  private Path file;
  private Connection connection;

  @Setup(Level.Invocation)
  public void open() throws Exception {
    dir = Fixture.tempDir("bench-compaction");
    file = dir.resolve("status.db");
    connection =
        switch (target) {
          case "sqlite" -> Target.SQLITE.open(file);
          case "pluresdb" ->
              DriverManager.getConnection("jdbc:pluresdb:" + file + "?history_retention=0");
          default ->
              DriverManager.getConnection("jdbc:pluresdb:" + file + "?history_retention=3650d");
        };
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE status (id BIGINT PRIMARY KEY, v INTEGER, note VARCHAR(40))");
      s.execute("INSERT INTO status VALUES (1, 0, 'status of the service')");
    }
  }

  @Benchmark
  public int updates() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE status SET v = ? WHERE id = 1")) {
      for (int i = 1; i <= UPDATES; i++) {
        ps.setInt(1, i);
        ps.executeUpdate();
      }
    }
    return UPDATES;
  }

  @TearDown(Level.Invocation)
  public void measure() throws Exception {
    long folded = 0;
    try (Statement s = connection.createStatement()) {
      if (!target.equals("sqlite")) {
        try (ResultSet rs = s.executeQuery("SELECT pl_compact()")) {
          rs.next();
          folded = rs.getLong(1);
        }
      }
      s.execute("VACUUM");
    }
    connection.close();
    long bytes = Files.size(file);
    System.out.printf(
        Locale.ROOT,
        "%n%s: file %,d bytes after compaction and VACUUM (%,d folded at the end)%n",
        target,
        bytes,
        folded);
    Fixture.deleteTree(dir);
  }
}
