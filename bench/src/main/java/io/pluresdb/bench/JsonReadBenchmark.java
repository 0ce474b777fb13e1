package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;
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
 * Reading a {@code JSON MERGEABLE} column, which merges per path, beside reading the same documents
 * from a plain {@code TEXT} column, through the driver on the same rows: a point read of the
 * document by key, and a {@code ->>} path read by key. The merged document is materialized in the
 * row, so both should cost what a text read costs. Microseconds per read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonReadBenchmark {
  static final int ROWS = 10_000;

  @Param({"json mergeable", "text"})
  public String column;

  private Path dir;
  private Connection connection;
  private PreparedStatement document;
  private PreparedStatement owner;
  private final SplittableRandom random = new SplittableRandom(42);

  @Setup(Level.Trial)
  public void seed() throws Exception {
    dir = Fixture.tempDir("bench-json");
    connection = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("json.db"));
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE note (id BIGINT PRIMARY KEY, meta "
              + column.toUpperCase(Locale.ROOT)
              + ")");
    }
    connection.setAutoCommit(false);
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO note VALUES (?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        p.setLong(1, i);
        p.setString(
            2,
            "{\"owner\":\"u"
                + i % 97
                + "\",\"tags\":[\"work\",\"t"
                + i % 13
                + "\"],\"n\":"
                + i
                + ",\"sub\":{\"due\":\"2026-12-0"
                + (1 + i % 9)
                + "\"}}");
        p.addBatch();
        if (i % 1_000 == 999) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
    connection.commit();
    connection.setAutoCommit(true);
    document = connection.prepareStatement("SELECT meta FROM note WHERE id = ?");
    owner = connection.prepareStatement("SELECT meta->>'owner' FROM note WHERE id = ?");
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    document.close();
    owner.close();
    connection.close();
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public String readDocument() throws Exception {
    return one(document);
  }

  @Benchmark
  public String readPath() throws Exception {
    return one(owner);
  }

  private String one(PreparedStatement p) throws Exception {
    p.setLong(1, random.nextInt(ROWS));
    try (ResultSet rs = p.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("missing row");
      }
      return rs.getString(1);
    }
  }
}
