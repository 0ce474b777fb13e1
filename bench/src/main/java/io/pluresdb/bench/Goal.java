package io.pluresdb.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;

/**
 * The target each benchmark is held to, from the project's issues: ours against a baseline measured
 * in the same run (the ratio is of the scores, ours over the baseline's, in the benchmark's own
 * unit), or an absolute bound. A benchmark can have several, one per baseline.
 */
enum Goal {
  BATCHED_INSERT("batchedInsert", "rows/s", Target.SQLITE, "ours >= 0.5x raw") {
    @Override
    boolean met(double base, double ours) {
      return ours >= 0.5 * base;
    }
  },
  BATCHED_INSERT_STRICT(
      "batchedInsert", "rows/s", Target.SQLITE_ROWID, "ours >= 0.75x raw on the store's layout") {
    @Override
    boolean met(double base, double ours) {
      return ours >= 0.75 * base;
    }
  },
  BATCHED_INSERT_BOOKKEPT(
      "batchedInsert",
      "rows/s",
      Target.SQLITE_BOOKKEPT,
      "(no target: ours against raw writing" + " the same bookkeeping)") {
    @Override
    boolean met(double base, double ours) {
      return true;
    }
  },
  SHORT_RUN_INSERT(
      "shortRunInsert", "ms", Target.SQLITE, "ours <= 1.67x raw time (>= 0.6x its speed)") {
    @Override
    boolean met(double base, double ours) {
      return ours * 0.6 <= base;
    }
  },
  AUTOCOMMIT_UPDATE(
      "autoCommitUpdate", "us/op", Target.SQLITE, "ours <= 1.67x raw time (>= 0.6x its speed)") {
    @Override
    boolean met(double base, double ours) {
      return ours * 0.6 <= base;
    }
  },
  AUTOCOMMIT_INSERT("autoCommitInsert", "us/op", Target.SQLITE, "(no target)") {
    @Override
    boolean met(double base, double ours) {
      return true;
    }
  },
  POINT_SELECT("pointSelect", "us/op", Target.SQLITE, "ours <= 1.5x raw") {
    @Override
    boolean met(double base, double ours) {
      return ours <= 1.5 * base;
    }
  },
  JOIN_AGGREGATE("joinAggregate", "ms/op", Target.SQLITE, "(no target)") {
    @Override
    boolean met(double base, double ours) {
      return true;
    }
  },
  SCRIPT_LOAD("scriptLoad", "ms/script", Target.SQLITE, "ours <= 1.5x raw") {
    @Override
    boolean met(double base, double ours) {
      return ours <= 1.5 * base;
    }
  },
  MIXED_SCRIPT("mixedScript", "ms/script", Target.SQLITE, "ours <= 1.5x raw") {
    @Override
    boolean met(double base, double ours) {
      return ours <= 1.5 * base;
    }
  },
  FIRST_STATEMENT("firstExecution", "ms, p99", Target.SQLITE, "ours <= 20 ms (p99)") {
    @Override
    boolean met(double base, double ours) {
      return ours <= 20;
    }

    @Override
    double score(RunResult r) {
      return r.getPrimaryResult().getStatistics().getPercentile(99);
    }

    @Override
    double error(RunResult r) {
      return Double.NaN;
    }
  },
  COLD_CONNECT("connectToFirstRow", "ms", Target.SQLITE, "ours <= 2x raw and < 1000 ms") {
    @Override
    boolean met(double base, double ours) {
      return ours <= 2 * base && ours < 1000;
    }
  };

  final String method;
  final String unit;
  final Target baseline;
  final String description;

  Goal(String method, String unit, Target baseline, String description) {
    this.method = method;
    this.unit = unit;
    this.baseline = baseline;
    this.description = description;
  }

  abstract boolean met(double base, double ours);

  /** The figure of a run that the goal bounds. */
  double score(RunResult r) {
    return r.getPrimaryResult().getScore();
  }

  /** The half-width of the figure's interval, NaN where there is none. */
  double error(RunResult r) {
    return r.getPrimaryResult().getScoreError();
  }

  /** The goals of a JMH benchmark, by its method name. */
  static List<Goal> of(String benchmark) {
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    List<Goal> goals = new ArrayList<>();
    for (Goal g : values()) {
      if (g.method.equals(method)) {
        goals.add(g);
      }
    }
    if (goals.isEmpty()) {
      throw new IllegalArgumentException("no goal for benchmark " + benchmark);
    }
    return goals;
  }
}
