package io.pluresdb.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The live-query table of the report: latency percentiles with 1 and 10,000 subscriptions, and
 * write throughput with 10,000 subscriptions as a ratio of the throughput with none, each against
 * its target, from one run.
 */
final class LiveReport {
  private LiveReport() {}

  static String table(Collection<RunResult> results) {
    Map<String, RunResult> byKey = new HashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      byKey.put(method + "/" + r.getParams().getParam("subscriptions"), r);
    }
    StringBuilder out = new StringBuilder();
    out.append("| live benchmark | subscriptions | p50 | p99 | mean | target | met |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (String subs : new String[] {"1", "10000"}) {
      RunResult r = byKey.get("commitToDelivery/" + subs);
      if (r == null) {
        continue;
      }
      Statistics s = r.getPrimaryResult().getStatistics();
      double p50 = s.getPercentile(50);
      double p99 = s.getPercentile(99);
      out.append(
          String.format(
              Locale.ROOT,
              "| commitToDelivery | %s | %.0f us | %.0f us | %.0f us | p50 < 1 ms, p99 < 5 ms | %s |%n",
              subs,
              p50,
              p99,
              s.getMean(),
              p50 < 1000 && p99 < 5000 ? "yes" : "NO"));
    }
    RunResult none = byKey.get("insertsUnderSubscriptions/0");
    RunResult many = byKey.get("insertsUnderSubscriptions/10000");
    if (none != null && many != null) {
      double a = none.getPrimaryResult().getScore();
      double b = many.getPrimaryResult().getScore();
      out.append(
          String.format(
              Locale.ROOT,
              "| insertsUnderSubscriptions | 0 → 10000 | %.0f → %.0f rows/s | | ratio %.2f"
                  + " | >= 0.7x | %s |%n",
              a,
              b,
              b / a,
              b >= 0.7 * a ? "yes" : "NO"));
    }
    return out.toString();
  }
}
