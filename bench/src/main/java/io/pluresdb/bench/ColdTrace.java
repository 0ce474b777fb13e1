package io.pluresdb.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a cold JVM's time goes, step by step: {@code getConnection} on a new file, the schema, one
 * INSERT, the first row, then each of {@link StatementShapes#SHAPES} once. Prints each step's wall
 * time, the classes it loaded and the JIT time spent meanwhile (on all compiler threads). Then,
 * with {@code rounds}, the same pass that many times more, each on a new database file, and each
 * step's mean over those warm rounds. Not a JMH benchmark: meant to run under a profiler
 * (BENCHMARKS.md, "Where the time goes").
 *
 * <p>Usage: {@code ColdTrace <sqlite|sqlite_rowid|pluresdb> <new directory> [rounds]}.
 */
public final class ColdTrace {
  private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
  private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
  private final Map<String, Double> warm = new LinkedHashMap<>();
  private final long start = System.nanoTime();
  private long last = start;
  private long lastClasses = classes.getTotalLoadedClassCount();
  private long lastJit = jit.getTotalCompilationTime();
  private boolean cold = true;

  private ColdTrace() {}

  public static void main(String[] args) throws Exception {
    Target target = Target.of(args[0]);
    Path dir = Files.createDirectories(Path.of(args[1]));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    ColdTrace trace = new ColdTrace();
    System.out.println("| step | ms | classes loaded | JIT ms |");
    System.out.println("|---|---|---|---|");
    trace.pass(target, dir.resolve("trace.db"));
    System.out.printf(
        Locale.ROOT,
        "%ncold pass: %.1f ms, %d classes loaded, JIT %d ms%n",
        (System.nanoTime() - trace.start) / 1e6,
        trace.classes.getTotalLoadedClassCount(),
        trace.jit.getTotalCompilationTime());
    if (rounds == 0) {
      return;
    }
    trace.cold = false;
    long warmStart = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      trace.pass(target, dir.resolve("warm" + r + ".db"));
    }
    System.out.printf(
        Locale.ROOT,
        "%n%d warm rounds: %.1f ms each%n%n| step, mean of the warm rounds | ms |%n|---|---|%n",
        rounds,
        (System.nanoTime() - warmStart) / 1e6 / rounds);
    trace.warm.forEach(
        (step, total) -> System.out.printf(Locale.ROOT, "| %s | %.2f |%n", step, total / rounds));
  }

  private void pass(Target target, Path file) throws SQLException {
    last = System.nanoTime();
    try (Connection c = target.open(file)) {
      step("getConnection (new file)");
      Fixture.createSchema(target, c);
      step("CREATE TABLE artist, album");
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO artist VALUES (1, 'first')");
        step("INSERT one row");
        StatementShapes.run(s, "SELECT name FROM artist WHERE id = 1");
        step("SELECT the first row");
        for (String sql : StatementShapes.SHAPES) {
          StatementShapes.run(s, sql);
          step(sql);
        }
      }
    }
    step("close");
  }

  private void step(String what) {
    long now = System.nanoTime();
    double ms = (now - last) / 1e6;
    last = now;
    if (!cold) {
      warm.merge(what, ms, Double::sum);
      return;
    }
    long loaded = classes.getTotalLoadedClassCount();
    long compiled = jit.getTotalCompilationTime();
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f | %d | %d |%n",
        what,
        ms,
        loaded - lastClasses,
        compiled - lastJit);
    lastClasses = loaded;
    lastJit = compiled;
  }
}
