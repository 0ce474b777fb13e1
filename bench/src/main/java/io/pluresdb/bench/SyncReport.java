package io.pluresdb.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The replication figures of one run against their targets: remote apply as a ratio of local
 * inserts measured beside it, commit-to-visibility p50 and p99, convergence after a partition, and
 * bytes per single-field update.
 */
final class SyncReport {
  private SyncReport() {}

  static String table(Collection<RunResult> results, WireBytes.Figures wire) {
    Double local = null;
    Double remote = null;
    Statistics latency = null;
    Statistics partition = null;
    for (RunResult r : results) {
      String bench = r.getParams().getBenchmark();
      if (bench.endsWith(".applyRows")) {
        double score = r.getPrimaryResult().getScore();
        if ("local".equals(r.getParams().getParam("mode"))) {
          local = score;
        } else {
          remote = score;
        }
      } else if (bench.endsWith(".commitToVisibility")) {
        latency = r.getPrimaryResult().getStatistics();
      } else if (bench.endsWith(".converge")) {
        partition = r.getPrimaryResult().getStatistics();
      }
    }
    StringBuilder out =
        new StringBuilder("| replication | figure | target | met |\n|---|---|---|---|\n");
    if (local != null && remote != null) {
      double ratio = remote / local;
      row(
          out,
          String.format(
              Locale.ROOT, "remote apply %.0f rows/s vs local insert %.0f rows/s", remote, local),
          String.format(Locale.ROOT, "%.2f x", ratio),
          ">= 0.35 x",
          ratio >= 0.35);
    }
    if (latency != null) {
      double p50 = latency.getPercentile(50);
      double p99 = latency.getPercentile(99);
      row(
          out,
          "commit-to-visibility p50 (" + latency.getN() + " samples)",
          String.format(Locale.ROOT, "%.2f ms", p50),
          "<= 5 ms",
          p50 <= 5);
      row(
          out,
          "commit-to-visibility p99",
          String.format(Locale.ROOT, "%.2f ms", p99),
          "<= 20 ms",
          p99 <= 20);
    }
    if (partition != null) {
      double mean = partition.getMean();
      row(
          out,
          String.format(
              Locale.ROOT, "3 nodes x 30,000 ops converge (max %.0f ms)", partition.getMax()),
          String.format(Locale.ROOT, "%.0f ms", mean),
          "< 3000 ms",
          mean < 3000);
    }
    if (wire != null) {
      row(
          out,
          String.format(
              Locale.ROOT,
              "bytes per single-field update beyond key and value (plus %.1f of acknowledgement)",
              wire.answer()),
          String.format(Locale.ROOT, "%.1f", wire.overhead()),
          "<= 64",
          wire.overhead() <= 64);
    }
    return out.toString();
  }

  private static void row(
      StringBuilder out, String what, String figure, String target, boolean met) {
    out.append("| ")
        .append(what)
        .append(" | ")
        .append(figure)
        .append(" | ")
        .append(target)
        .append(" | ")
        .append(met ? "yes" : "NO")
        .append(" |\n");
  }
}
