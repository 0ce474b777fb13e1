package io.pluresdb.bench;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
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
 * A script of {@value #STATEMENTS} distinct reads and writes of literals, as an application or a
 * tool without prepared statements sends them: a point SELECT, a range count, a single-row UPDATE
 * and a DELETE by key, in turn, each with new literals, run with {@link Statement#execute} in one
 * transaction on a fresh database of {@value #ALBUMS} albums (loaded before the clock starts).
 * Milliseconds per script.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MixedScriptBenchmark {
  static final int STATEMENTS = 2_000;
  static final int ALBUMS = 4_000;

  @Param({"sqlite", "sqlite_rowid", "pluresdb"})
  public String target;

  private FreshDatabase db;
  private List<String> script;
  private int round;

  @Setup(Level.Invocation)
  public void freshDatabase() throws Exception {
    db = new FreshDatabase(target, "mixed");
    Fixture.insertAlbums(db.connection, 0, ALBUMS);
    round++;
    script = statements(round);
  }

  @TearDown(Level.Invocation)
  public void dropDatabase() throws Exception {
    db.close();
  }

  /** The script of one invocation; {@code round} makes its texts new to the JVM. */
  static List<String> statements(int round) {
    List<String> script = new ArrayList<>(STATEMENTS);
    for (int i = 0; i < STATEMENTS; i++) {
      long id = 2 + (i * 7L + round) % (ALBUMS - 2);
      long year = 1960 + (i + round) % 60;
      script.add(
          switch (i % 4) {
            case 0 -> "SELECT name, year FROM album WHERE id = " + id;
            case 1 -> "SELECT count(*) FROM album WHERE year >= " + year + " AND id < " + id;
            case 2 -> "UPDATE album SET year = " + year + " WHERE id = " + id;
            default -> "DELETE FROM album WHERE id = " + id;
          });
    }
    return script;
  }

  @Benchmark
  public long mixedScript() throws Exception {
    long seen = 0;
    db.connection.setAutoCommit(false);
    try (Statement s = db.connection.createStatement()) {
      for (String sql : script) {
        if (s.execute(sql)) {
          try (ResultSet rs = s.getResultSet()) {
            while (rs.next()) {
              seen++;
            }
          }
        } else {
          seen += s.getUpdateCount();
        }
      }
    }
    db.connection.commit();
    return seen;
  }
}
