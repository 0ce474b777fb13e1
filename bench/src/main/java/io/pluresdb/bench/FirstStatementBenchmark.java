package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * The first execution of each new kind of statement after connecting: each operation runs the next
 * of {@link StatementShapes#SHAPES} once; after the last, a fresh database (schema, 500 artists,
 * 2,000 albums) and a fresh connection start the round again, so every sample is a statement its
 * database has never planned. The JVM is warm (the cold start is {@link ColdConnectBenchmark}'s).
 * Sampled, milliseconds per statement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FirstStatementBenchmark {
  static final int ALBUMS = 2_000;

  @Param({"sqlite", "sqlite_rowid", "pluresdb"})
  public String target;

  private Path dir;
  private Connection connection;
  private Statement statement;
  private int next = StatementShapes.SHAPES.size();

  @Setup(Level.Invocation)
  public void freshRound() throws Exception {
    if (next < StatementShapes.SHAPES.size()) {
      return;
    }
    close();
    dir = Fixture.tempDir("bench-first");
    Target t = Target.of(target);
    connection = t.open(dir.resolve("first.db"));
    Fixture.createSchema(t, connection);
    Fixture.insertArtists(connection);
    Fixture.insertAlbums(connection, 0, ALBUMS);
    statement = connection.createStatement();
    next = 0;
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (connection != null) {
      statement.close();
      connection.close();
      Fixture.deleteTree(dir);
      connection = null;
    }
  }

  @Benchmark
  public long firstExecution() throws Exception {
    return StatementShapes.run(statement, StatementShapes.SHAPES.get(next++));
  }
}
