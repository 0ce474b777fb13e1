package io.pluresdb.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;

/** The parse figures: PluresDB's parser beside Calcite's core parser on the same statement. */
final class ParseReport {
  private ParseReport() {}

  static String table(Collection<RunResult> results) {
    double ours = Double.NaN;
    double core = Double.NaN;
    double oursErr = Double.NaN;
    double coreErr = Double.NaN;
    for (RunResult r : results) {
      String b = r.getParams().getBenchmark();
      if (b.endsWith("pluresParse")) {
        ours = r.getPrimaryResult().getScore();
        oursErr = r.getPrimaryResult().getScoreError();
      } else if (b.endsWith("calciteCoreParse")) {
        core = r.getPrimaryResult().getScore();
        coreErr = r.getPrimaryResult().getScoreError();
      }
    }
    return "| benchmark | unit | Calcite core parser | pluresdb | ratio ours/core | target |\n"
        + "|---|---|---|---|---|---|\n"
        + String.format(
            Locale.ROOT,
            "| parse | us/op | %.1f ± %.1f | %.1f ± %.1f | %.2f | (no target) |%n",
            core,
            coreErr,
            ours,
            oursErr,
            ours / core);
  }
}
