package io.pluresdb.bench;

/**
 * The target each benchmark is held to, from the project's issue: a ratio against raw sqlite-jdbc
 * measured in the same run, or an absolute bound.
 */
enum Goal {
  BATCHED_INSERT("batchedInsert", "rows/s", "ours >= 0.5x raw") {
    @Override
    boolean met(double raw, double ours) {
      return ours >= 0.5 * raw;
    }
  },
  POINT_SELECT("pointSelect", "us/op", "ours <= 1.5x raw") {
    @Override
    boolean met(double raw, double ours) {
      return ours <= 1.5 * raw;
    }
  },
  JOIN_AGGREGATE("joinAggregate", "ms/op", "(no target)") {
    @Override
    boolean met(double raw, double ours) {
      return true;
    }
  },
  COLD_CONNECT("connectToFirstRow", "ms", "ours < 1000 ms") {
    @Override
    boolean met(double raw, double ours) {
      return ours < 1000;
    }
  };

  final String method;
  final String unit;
  final String description;

  Goal(String method, String unit, String description) {
    this.method = method;
    this.unit = unit;
    this.description = description;
  }

  abstract boolean met(double raw, double ours);

  /** The goal of a JMH benchmark, by its method name. */
  static Goal of(String benchmark) {
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    for (Goal g : values()) {
      if (g.method.equals(method)) {
        return g;
      }
    }
    throw new IllegalArgumentException("no goal for benchmark " + benchmark);
  }
}
