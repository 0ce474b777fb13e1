package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * Prepared point SELECT by primary key over 100,000 rows: one execute, one row read, per operation.
 * The score is microseconds per lookup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PointSelectBenchmark {
  static final int ROWS = 100_000;

  @Param({"sqlite", "sqlite_rowid", "pluresdb"})
  public String target;

  private Path dir;
  private Connection connection;
  private PreparedStatement lookup;
  private final SplittableRandom random = new SplittableRandom(42);

  @Setup(Level.Trial)
  public void seed() throws Exception {
    dir = Fixture.tempDir("bench-point");
    Path file = dir.resolve("point.db");
    Fixture.seed(Target.of(target), file, ROWS);
    connection = Target.of(target).open(file);
    lookup = connection.prepareStatement("SELECT name, year FROM album WHERE id = ?");
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    lookup.close();
    connection.close();
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public String pointSelect() throws Exception {
    lookup.setLong(1, random.nextInt(ROWS));
    try (ResultSet rs = lookup.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("missing row");
      }
      return rs.getString(1) + rs.getInt(2);
    }
  }
}
