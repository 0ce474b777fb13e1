package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * Auto-commit single-row writes, each its own transaction: a prepared UPDATE of one hot row (the
 * same key every time, a new value each time), and a prepared INSERT of a new row. Microseconds per
 * statement, the commit included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AutoCommitBenchmark {
  static final int ALBUMS = 10_000;
  static final long HOT = 1;

  @Param({"sqlite", "sqlite_rowid", "pluresdb"})
  public String target;

  private Path dir;
  private Connection connection;
  private PreparedStatement update;
  private PreparedStatement insert;
  private long next = ALBUMS;

  @Setup(Level.Trial)
  public void seed() throws Exception {
    dir = Fixture.tempDir("bench-autocommit");
    Path file = dir.resolve("autocommit.db");
    Fixture.seed(Target.of(target), file, ALBUMS);
    connection = Target.of(target).open(file);
    update = connection.prepareStatement("UPDATE album SET year = ? WHERE id = ?");
    insert = connection.prepareStatement("INSERT INTO album VALUES (?, ?, ?, ?)");
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    update.close();
    insert.close();
    connection.close();
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public int autoCommitUpdate() throws Exception {
    update.setInt(1, 1900 + (int) (next++ % 200));
    update.setLong(2, HOT);
    return expectOne(update.executeUpdate());
  }

  @Benchmark
  public int autoCommitInsert() throws Exception {
    long id = next++;
    insert.setLong(1, id);
    insert.setString(2, "album " + id);
    insert.setInt(3, 1960 + (int) (id % 60));
    insert.setLong(4, id % Fixture.ARTISTS);
    return expectOne(insert.executeUpdate());
  }

  private static int expectOne(int count) {
    if (count != 1) {
      throw new IllegalStateException("wrote " + count + " rows, expected 1");
    }
    return count;
  }
}
