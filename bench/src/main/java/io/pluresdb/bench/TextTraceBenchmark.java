package io.pluresdb.bench;

import io.pluresdb.crdt.text.TextDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
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
 * Replaying an editing trace ({@link EditTrace}) into a collaborative text, beside a plain string.
 * {@code replayInMemory}: 260,000 single-character edits (the length of the automerge-perf trace)
 * into the Fugue document alone ({@code fugue}) or a {@code StringBuilder} ({@code string}). {@code
 * replayThroughStore}: the first 2,000 edits as auto-commit {@code UPDATE note SET body =
 * text_splice(body, ?, ?, ?)} statements through the driver, on a {@code TEXT MERGEABLE} column or
 * a plain {@code TEXT} one; each prints the database's size after the replay. Milliseconds per
 * whole replay.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class TextTraceBenchmark {
  static final int TRACE = 260_000;
  static final int STORE_TRACE = 2_000;

  /** The in-memory replay. */
  @State(Scope.Benchmark)
  public static class InMemory {
    @Param({"fugue", "string"})
    public String target;

    List<EditTrace.Edit> trace;

    @Setup(Level.Trial)
    public void generate() {
      trace = EditTrace.generate(TRACE, 42);
    }
  }

  /** The replay through the driver, into a fresh database each time. */
  @State(Scope.Benchmark)
  public static class Stored {
    @Param({"TEXT MERGEABLE", "TEXT"})
    public String column;

    List<EditTrace.Edit> trace;
    Path dir;
    Path file;
    Connection connection;
    PreparedStatement splice;

    @Setup(Level.Iteration)
    public void open() throws Exception {
      trace = EditTrace.generate(STORE_TRACE, 42);
      dir = Fixture.tempDir("bench-text");
      file = dir.resolve("text.db");
      connection = DriverManager.getConnection("jdbc:pluresdb:" + file);
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE note (id BIGINT PRIMARY KEY, body " + column + ")");
        s.execute("INSERT INTO note VALUES (1, '')");
      }
      splice =
          connection.prepareStatement(
              "UPDATE note SET body = text_splice(body, ?, ?, ?) WHERE id = 1");
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
      String text;
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT length(body) FROM note")) {
        rs.next();
        text = rs.getString(1);
      }
      splice.close();
      connection.close();
      long bytes = 0;
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          bytes += Files.size(p);
        }
      }
      System.out.println(
          String.format(
              Locale.ROOT,
              "%n%s: text of %s characters, database files %,d bytes",
              column,
              text,
              bytes));
      Fixture.deleteTree(dir);
    }
  }

  @Benchmark
  public int replayInMemory(InMemory s) {
    if (s.target.equals("fugue")) {
      TextDoc doc = new TextDoc();
      for (EditTrace.Edit e : s.trace) {
        doc.splice(1, e.pos(), e.delete(), e.insert());
      }
      return doc.length();
    }
    StringBuilder b = new StringBuilder();
    for (EditTrace.Edit e : s.trace) {
      b.delete(e.pos(), e.pos() + e.delete()).insert(e.pos(), e.insert());
    }
    return b.length();
  }

  @Benchmark
  public int replayThroughStore(Stored s) throws Exception {
    int n = 0;
    for (EditTrace.Edit e : s.trace) {
      s.splice.setInt(1, e.pos());
      s.splice.setInt(2, e.delete());
      s.splice.setString(3, e.insert());
      n += s.splice.executeUpdate();
    }
    return n;
  }
}
