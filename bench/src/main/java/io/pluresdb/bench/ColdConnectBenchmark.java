package io.pluresdb.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
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
 * Cold connect-to-first-row: in a fresh JVM, open an existing database file and read one row, once.
 * The file is written beforehand by a separate process ({@link Seed}) so that no class of either
 * driver is loaded in the measuring JVM before the measured call. Milliseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdConnectBenchmark {
  @Param({"sqlite", "sqlite_rowid", "pluresdb"})
  public String target;

  private Path dir;
  private String url;

  @Setup(Level.Trial)
  public void seedInAnotherProcess() throws IOException, InterruptedException {
    dir = Fixture.tempDir("bench-cold");
    Path file = dir.resolve("cold.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Seed.class.getName(),
                    target,
                    file.toString(),
                    "1000"))
            .inheritIO()
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("seeding " + file + " with " + target + " failed");
    }
    url = Target.of(target).prefix + file;
  }

  @TearDown(Level.Trial)
  public void delete() {
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public String connectToFirstRow() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM album WHERE id = 1")) {
      if (!rs.next()) {
        throw new IllegalStateException("missing row");
      }
      return rs.getString(1);
    }
  }
}
