package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * The user story's join + aggregate (albums per artist name after 2000, top 10) over 20,000 albums
 * and 500 artists, as a prepared statement. The score is milliseconds per query.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JoinAggregateBenchmark {
  static final int ALBUMS = 20_000;
  static final String QUERY =
      "SELECT r.name, COUNT(*) AS n FROM album a"
          + " JOIN artist r ON a.artist_id = r.id WHERE a.year > ? GROUP BY r.name"
          + " ORDER BY 2 DESC, 1 LIMIT 10";

  @Param({"sqlite", "sqlite_rowid", "pluresdb"})
  public String target;

  private Path dir;
  private Connection connection;
  private PreparedStatement query;

  @Setup(Level.Trial)
  public void seed() throws Exception {
    dir = Fixture.tempDir("bench-join");
    Path file = dir.resolve("join.db");
    Fixture.seed(Target.of(target), file, ALBUMS);
    connection = Target.of(target).open(file);
    query = connection.prepareStatement(QUERY);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    query.close();
    connection.close();
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public long joinAggregate() throws Exception {
    query.setInt(1, 2000);
    long sum = 0;
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        sum += rs.getLong(2);
      }
    }
    if (sum == 0) {
      throw new IllegalStateException("join returned no rows");
    }
    return sum;
  }
}
