package io.pluresdb.bench;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * The main table of the report: one row per {@link Goal} measured, ours beside the goal's baseline
 * from the same run, their ratio and the verdict.
 */
final class RatioTable {
  private RatioTable() {}

  static String of(Collection<RunResult> results) {
    Map<Goal, Map<Target, RunResult>> runs = new EnumMap<>(Goal.class);
    for (RunResult r : results) {
      Target target = Target.of(r.getParams().getParam("target"));
      for (Goal goal : Goal.of(r.getParams().getBenchmark())) {
        runs.computeIfAbsent(goal, g -> new EnumMap<>(Target.class)).put(target, r);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | unit | baseline | baseline's figure | pluresdb | ratio ours/baseline")
        .append(" | target | met |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<Goal, Map<Target, RunResult>> e : runs.entrySet()) {
      Goal goal = e.getKey();
      RunResult base = e.getValue().get(goal.baseline);
      RunResult ours = e.getValue().get(Target.PLURESDB);
      if (base == null && ours == null) {
        continue;
      }
      boolean both = base != null && ours != null;
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
              goal.method,
              goal.unit,
              label(goal.baseline),
              format(goal, base),
              format(goal, ours),
              both ? String.format(Locale.ROOT, "%.2f", goal.score(ours) / goal.score(base)) : "—",
              goal.description,
              both
                  ? (goal.met(goal.score(base), goal.score(ours)) ? "yes" : "NO")
                  : "not measured"));
    }
    return out.toString();
  }

  private static String label(Target baseline) {
    return switch (baseline) {
      case SQLITE -> "raw sqlite-jdbc";
      case SQLITE_ROWID -> "raw, store's layout";
      case SQLITE_BOOKKEPT -> "raw, store's layout and bookkeeping";
      case PLURESDB -> "pluresdb";
    };
  }

  private static String format(Goal goal, RunResult r) {
    if (r == null) {
      return "—";
    }
    double score = goal.score(r);
    double error = goal.error(r);
    return Double.isNaN(error)
        ? String.format(Locale.ROOT, "%.1f", score)
        : String.format(Locale.ROOT, "%.1f ± %.1f", score, error);
  }
}
