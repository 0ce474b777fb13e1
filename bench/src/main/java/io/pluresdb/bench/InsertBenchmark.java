package io.pluresdb.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Batched INSERT throughput: 100,000 rows in batches of 1,000 (one commit per batch) into a fresh
 * WAL database file per invocation. The score is rows per second. Beside the two usual baselines,
 * raw sqlite-jdbc writing the store's bookkeeping too ({@link Target#SQLITE_BOOKKEPT}) splits the
 * strict gap into what SQLite spends on the bookkeeping and what the Java side adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InsertBenchmark {
  static final int ROWS = 100_000;

  @Param({"sqlite", "sqlite_rowid", "sqlite_bookkept", "pluresdb"})
  public String target;

  private FreshDatabase db;
  private Bookkeeping bookkeeping;

  @Setup(Level.Invocation)
  public void freshDatabase() throws Exception {
    db = new FreshDatabase(target, "insert");
    bookkeeping = db.target.bookkeeping(db.connection);
  }

  @TearDown(Level.Invocation)
  public void dropDatabase() throws Exception {
    db.close();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void batchedInsert() throws Exception {
    Fixture.insertAlbums(db.connection, 0, ROWS, true, bookkeeping);
  }
}
