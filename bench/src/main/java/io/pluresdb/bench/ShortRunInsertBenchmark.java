package io.pluresdb.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A short load as an application's first write does it: 20,000 rows in batches of 1,000 and one
 * commit, once, in a fresh JVM whose JIT has not warmed up (the connection and the schema are made
 * before the clock starts). Milliseconds for all the rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ShortRunInsertBenchmark {
  static final int ROWS = 20_000;

  @Param({"sqlite", "sqlite_rowid", "pluresdb"})
  public String target;

  private FreshDatabase db;

  @Setup(Level.Trial)
  public void freshDatabase() throws Exception {
    db = new FreshDatabase(target, "short");
  }

  @TearDown(Level.Trial)
  public void dropDatabase() throws Exception {
    db.close();
  }

  @Benchmark
  public void shortRunInsert() throws Exception {
    Fixture.insertAlbums(db.connection, 0, ROWS, false, Bookkeeping.NONE);
  }
}
