package io.pluresdb.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * benchmark classes, {@code targets} is a comma list of {@code sqlite,sqlite_rowid,pluresdb} (and
 * {@code sqlite_bookkept} for the insert benchmark); by default each benchmark runs all of its own.
 * Arguments that select none of the report's benchmarks go to JMH's own runner ({@code
 * org.openjdk.jmh.Main}) as they are.
 */
public final class Report {
  private Report() {}

  /** Every benchmark class the report runs and tabulates. */
  private static final List<Class<?>> REPORTED =
      List.of(
          InsertBenchmark.class,
          AutoCommitBenchmark.class,
          PointSelectBenchmark.class,
          JoinAggregateBenchmark.class,
          ScriptLoadBenchmark.class,
          MixedScriptBenchmark.class,
          FirstStatementBenchmark.class,
          ShortRunInsertBenchmark.class,
          ColdConnectBenchmark.class,
          LiveLatencyBenchmark.class,
          LiveThroughputBenchmark.class,
          ParseBenchmark.class,
          VectorSearchBenchmark.class,
          RemoteApplyBenchmark.class,
          SyncLatencyBenchmark.class,
          PartitionBenchmark.class,
          WireBytes.class);

  public static void main(String[] args) throws Exception {
    Pattern filter = Pattern.compile(args.length > 0 ? args[0] : ".*");
    if (selected(filter, REPORTED.toArray(new Class<?>[0])).isEmpty()) {
      // Not one of the report's (e.g. HistoryLookup, or JMH's own options): JMH runs it as asked,
      // rather than the report printing nothing.
      org.openjdk.jmh.Main.main(args);
      return;
    }
    String[] targets = args.length > 1 ? args[1].split(",") : null;
    List<RunResult> results = new ArrayList<>();
    List<Class<?>> steady =
        selected(
            filter,
            InsertBenchmark.class,
            AutoCommitBenchmark.class,
            PointSelectBenchmark.class,
            JoinAggregateBenchmark.class,
            ScriptLoadBenchmark.class,
            MixedScriptBenchmark.class,
            FirstStatementBenchmark.class);
    if (!steady.isEmpty()) {
      results.addAll(run(targets(steadyState(steady), targets).build()));
    }
    List<Class<?>> cold =
        selected(filter, ShortRunInsertBenchmark.class, ColdConnectBenchmark.class);
    if (!cold.isEmpty()) {
      // Forks, warm-up and measurement come from the class's annotations: one shot per JVM.
      results.addAll(run(targets(includes(cold), targets).build()));
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
      System.out.println(RatioTable.of(results));
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

  /** Runs only the named targets, or each benchmark's own when none are named. */
  private static ChainedOptionsBuilder targets(ChainedOptionsBuilder builder, String[] targets) {
    return targets == null ? builder : builder.param("target", targets);
  }
}
