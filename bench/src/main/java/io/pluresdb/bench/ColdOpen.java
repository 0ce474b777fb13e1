package io.pluresdb.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * {@link ColdConnectBenchmark}'s measured call outside JMH, split in steps: in a fresh JVM, {@code
 * getConnection} to a file {@link Seed} wrote, then the first {@code executeQuery} and its first
 * row. Prints one line: each step's milliseconds, the total and the classes loaded, so that a shell
 * loop can alternate drivers under the same load (BENCHMARKS.md, "Cold start").
 *
 * <p>Usage: {@code ColdOpen <sqlite|pluresdb> <file Seed wrote>}.
 */
public final class ColdOpen {
  private ColdOpen() {}

  public static void main(String[] args) throws Exception {
    String url = Target.of(args[0]).prefix + args[1];
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url)) {
      long t1 = System.nanoTime();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT name FROM album WHERE id = 1")) {
        long t2 = System.nanoTime();
        if (!rs.next()) {
          throw new IllegalStateException("missing row");
        }
        rs.getString(1);
        long t3 = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "%s getConnection %.0f ms, executeQuery %.0f ms, first row %.0f ms,"
                + " total %.0f ms, %d classes%n",
            args[0],
            (t1 - t0) / 1e6,
            (t2 - t1) / 1e6,
            (t3 - t2) / 1e6,
            (t3 - t0) / 1e6,
            ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
      }
    }
  }
}
