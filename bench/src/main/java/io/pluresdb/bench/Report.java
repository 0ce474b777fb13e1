package io.pluresdb.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark against both targets and prints one table of ours against the raw
 * sqlite-jdbc baseline with the ratio and whether the target is met. Runs are kept short (one fork,
 * few iterations) because the figures are ratios from the same run, not absolutes.
 *
 * <p>Usage: {@code java -jar bench/target/benchmarks.jar [regex [targets]]}: the regex selects
 * benchmark classes, {@code targets} is a comma list of {@code sqlite,sqlite_rowid,pluresdb}
 * (default all three).
 */
public final class Report {
  private Report() {}

  public static void main(String[] args) throws RunnerException {
    Pattern filter = Pattern.compile(args.length > 0 ? args[0] : ".*");
    String[] targets = (args.length > 1 ? args[1] : "sqlite,sqlite_rowid,pluresdb").split(",");
    List<RunResult> results = new ArrayList<>();
    List<Class<?>> steady =
        selected(
            filter,
            InsertBenchmark.class,
            PointSelectBenchmark.class,
            JoinAggregateBenchmark.class);
    if (!steady.isEmpty()) {
      results.addAll(run(steadyState(steady).param("target", targets).build()));
    }
    List<Class<?>> cold = selected(filter, ColdConnectBenchmark.class);
    if (!cold.isEmpty()) {
      // Forks, warm-up and measurement come from the class's annotations: one shot per JVM.
      results.addAll(run(includes(cold).param("target", targets).build()));
    }
    List<Class<?>> live =
        selected(filter, LiveLatencyBenchmark.class, LiveThroughputBenchmark.class);
    List<RunResult> liveResults = new ArrayList<>();
    if (!live.isEmpty()) {
      // Their baseline is the same write without subscriptions, so no sqlite target applies.
      liveResults.addAll(run(steadyState(live).build()));
    }
    System.out.println();
    if (!results.isEmpty()) {
      System.out.println(table(results));
    }
    if (!liveResults.isEmpty()) {
      System.out.println(LiveReport.table(liveResults));
    }
    List<Class<?>> parse = selected(filter, ParseBenchmark.class);
    if (!parse.isEmpty()) {
      // Its baseline is Calcite's core parser, not a database.
      System.out.println(ParseReport.table(run(steadyState(parse).build())));
    }
    if (filter.matcher(VectorSearchBenchmark.class.getName()).find()) {
      System.out.println(VectorReport.run(steadyState(List.of(VectorSearchBenchmark.class))));
    }
    runSync(filter);
  }

  /** The replication benchmarks: their own table, since their baselines are not raw SQLite. */
  private static void runSync(Pattern filter) throws RunnerException {
    List<RunResult> sync = new ArrayList<>();
    List<Class<?>> steady =
        selected(filter, RemoteApplyBenchmark.class, SyncLatencyBenchmark.class);
    if (!steady.isEmpty()) {
      sync.addAll(run(steadyState(steady).build()));
    }
    List<Class<?>> shots = selected(filter, PartitionBenchmark.class);
    if (!shots.isEmpty()) {
      sync.addAll(run(includes(shots).build()));
    }
    WireBytes.Figures wire = null;
    if (filter.matcher(WireBytes.class.getName()).find()) {
      try {
        wire = WireBytes.overheadPerUpdate();
      } catch (Exception e) {
        throw new RunnerException("measuring bytes per update failed", e);
      }
    }
    if (!sync.isEmpty() || wire != null) {
      System.out.println(SyncReport.table(sync, wire));
    }
  }

  private static List<Class<?>> selected(Pattern filter, Class<?>... benchmarks) {
    List<Class<?>> chosen = new ArrayList<>();
    for (Class<?> b : benchmarks) {
      if (filter.matcher(b.getName()).find()) {
        chosen.add(b);
      }
    }
    return chosen;
  }

  private static ChainedOptionsBuilder includes(List<Class<?>> benchmarks) {
    ChainedOptionsBuilder builder = new OptionsBuilder();
    for (Class<?> b : benchmarks) {
      // JMH ORs its include patterns, so each class is named exactly.
      builder.include("^" + Pattern.quote(b.getName()) + "\\.");
    }
    return builder;
  }

  static ChainedOptionsBuilder steadyState(List<Class<?>> benchmarks) {
    return includes(benchmarks)
        .forks(1)
        .warmupIterations(2)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(3)
        .measurementTime(TimeValue.seconds(3));
  }

  static Collection<RunResult> run(Options options) throws RunnerException {
    return new Runner(options).run();
  }

  /** A markdown table: one row per benchmark, both targets, the ratio and the verdict. */
  static String table(Collection<RunResult> results) {
    Map<Goal, Map<Target, Double>> scores = new EnumMap<>(Goal.class);
    Map<Goal, Map<Target, Double>> errors = new EnumMap<>(Goal.class);
    for (RunResult r : results) {
      Goal goal = Goal.of(r.getParams().getBenchmark());
      Target target = Target.of(r.getParams().getParam("target"));
      scores
          .computeIfAbsent(goal, g -> new HashMap<>())
          .put(target, r.getPrimaryResult().getScore());
      errors
          .computeIfAbsent(goal, g -> new HashMap<>())
          .put(target, r.getPrimaryResult().getScoreError());
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "| benchmark | unit | raw sqlite-jdbc | pluresdb | ratio ours/raw | target | met"
            + " | raw, store's layout | ratio ours/that |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<Goal, Map<Target, Double>> e : scores.entrySet()) {
      Goal goal = e.getKey();
      Double raw = e.getValue().get(Target.SQLITE);
      Double ours = e.getValue().get(Target.PLURESDB);
      Double strict = e.getValue().get(Target.SQLITE_ROWID);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              goal.method,
              goal.unit,
              format(raw, errors.get(goal).get(Target.SQLITE)),
              format(ours, errors.get(goal).get(Target.PLURESDB)),
              raw == null || ours == null ? "—" : String.format(Locale.ROOT, "%.2f", ours / raw),
              goal.description,
              raw == null || ours == null ? "not measured" : goal.met(raw, ours) ? "yes" : "NO",
              format(strict, errors.get(goal).get(Target.SQLITE_ROWID)),
              strict == null || ours == null
                  ? "—"
                  : String.format(Locale.ROOT, "%.2f", ours / strict)));
    }
    return out.toString();
  }

  private static String format(Double score, Double error) {
    if (score == null) {
      return "—";
    }
    return error == null || error.isNaN()
        ? String.format(Locale.ROOT, "%.1f", score)
        : String.format(Locale.ROOT, "%.1f ± %.1f", score, error);
  }
}
