package io.pluresdb.bench;

import java.sql.Statement;
import java.util.List;
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
 * Loading a sample database from a script ({@link SampleScript}): its {@value
 * SampleScript#STATEMENTS} distinct multi-row INSERT statements of literals run one by one with
 * {@link Statement#execute} in one transaction, as a migration tool runs a script, into a fresh
 * database with the schema. Milliseconds per script.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScriptLoadBenchmark {
  @Param({"sqlite", "sqlite_rowid", "pluresdb"})
  public String target;

  private FreshDatabase db;
  private List<String> script;
  private long firstId;

  @Setup(Level.Invocation)
  public void freshDatabase() throws Exception {
    db = new FreshDatabase(target, "script");
    // new literals each time, so no text repeats one an earlier invocation planned
    firstId += SampleScript.rows();
    script = SampleScript.albums(firstId);
  }

  @TearDown(Level.Invocation)
  public void dropDatabase() throws Exception {
    db.close();
  }

  @Benchmark
  public void scriptLoad() throws Exception {
    db.connection.setAutoCommit(false);
    try (Statement s = db.connection.createStatement()) {
      for (String sql : script) {
        s.execute(sql);
      }
    }
    db.connection.commit();
  }
}
