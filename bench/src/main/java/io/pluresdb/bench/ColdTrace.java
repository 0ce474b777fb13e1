package io.pluresdb.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where a cold JVM's time goes, step by step: {@code getConnection} on a new file, the schema, one
 * INSERT, the first row, then each of {@link StatementShapes#SHAPES} once. Prints each step's wall
 * time, the classes it loaded and the JIT time it overlapped. Not a JMH benchmark: one JVM, one
 * pass, meant to run under a profiler (BENCHMARKS.md, "Where the time goes").
 *
 * <p>Usage: {@code ColdTrace <sqlite|sqlite_rowid|pluresdb> <new directory>}.
 */
public final class ColdTrace {
  private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
  private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
  private final long start = System.nanoTime();
  private long last = start;
  private long lastClasses = classes.getTotalLoadedClassCount();
  private long lastJit = jit.getTotalCompilationTime();

  private ColdTrace() {
    System.out.println("| step | ms | classes loaded | JIT ms |");
    System.out.println("|---|---|---|---|");
  }

  public static void main(String[] args) throws Exception {
    Target target = Target.of(args[0]);
    Path dir = Files.createDirectories(Path.of(args[1]));
    ColdTrace trace = new ColdTrace();
    try (Connection c = target.open(dir.resolve("trace.db"))) {
      trace.step("getConnection (new file)");
      Fixture.createSchema(target, c);
      trace.step("CREATE TABLE artist, album");
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO artist VALUES (1, 'first')");
        trace.step("INSERT one row");
        StatementShapes.run(s, "SELECT name FROM artist WHERE id = 1");
        trace.step("SELECT the first row");
        for (String sql : StatementShapes.SHAPES) {
          StatementShapes.run(s, sql);
          trace.step(sql);
        }
      }
    }
    trace.step("close");
    System.out.printf(
        Locale.ROOT,
        "total %.1f ms, %d classes loaded, JIT %d ms%n",
        (System.nanoTime() - trace.start) / 1e6,
        trace.classes.getTotalLoadedClassCount(),
        trace.jit.getTotalCompilationTime());
  }

  private void step(String what) {
    long now = System.nanoTime();
    long loaded = classes.getTotalLoadedClassCount();
    long compiled = jit.getTotalCompilationTime();
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f | %d | %d |%n",
        what,
        (now - last) / 1e6,
        loaded - lastClasses,
        compiled - lastJit);
    last = now;
    lastClasses = loaded;
    lastJit = compiled;
  }
}
