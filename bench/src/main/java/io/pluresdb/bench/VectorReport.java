package io.pluresdb.bench;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * The vector search figures: queries/s through SQL beside hnswlib-core called directly (measured by
 * JMH in this JVM, on one shared fixture), and recall@10 against exact search, unfiltered and with
 * a WHERE that keeps 10% of the rows, with the targets of the issue.
 */
final class VectorReport {
  private VectorReport() {}

  static String run(ChainedOptionsBuilder options) throws RunnerException {
    Collection<RunResult> results = Report.run(options.forks(0).build());
    double sql = Double.NaN;
    double direct = Double.NaN;
    double sqlErr = Double.NaN;
    double directErr = Double.NaN;
    for (RunResult r : results) {
      String b = r.getParams().getBenchmark();
      if (b.endsWith("sqlTopK")) {
        sql = r.getPrimaryResult().getScore();
        sqlErr = r.getPrimaryResult().getScoreError();
      } else if (b.endsWith("directTopK")) {
        direct = r.getPrimaryResult().getScore();
        directErr = r.getPrimaryResult().getScoreError();
      }
    }
    try {
      VectorFixture f = VectorFixture.get();
      double recallSql;
      double recallFiltered;
      try (PreparedStatement top = f.connection.prepareStatement(VectorFixture.TOP_K);
          PreparedStatement filtered =
              f.connection.prepareStatement(VectorFixture.FILTERED_TOP_K)) {
        recallSql = f.recall(q -> VectorFixture.sql(top, q), false);
        recallFiltered = f.recall(q -> VectorFixture.sql(filtered, q), true);
      }
      double recallDirect = f.recall(f::direct, false);
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "Vector search: %,d x %d-d clustered, k = %d, M = %d, ef_construction = %d,"
                  + " ef_search = %d; index build %,d ms (SQL: load + CREATE INDEX),"
                  + " %,d ms (hnswlib-core directly)%n%n",
              VectorFixture.ROWS,
              VectorFixture.DIMS,
              VectorFixture.K,
              VectorFixture.M,
              VectorFixture.EF_CONSTRUCTION,
              VectorFixture.EF_SEARCH,
              f.buildMillisOurs,
              f.buildMillisDirect));
      out.append("| measure | pluresdb (SQL) | hnswlib-core directly | ratio | target | met |\n");
      out.append("|---|---|---|---|---|---|\n");
      out.append(
          String.format(
              Locale.ROOT,
              "| queries/s | %.0f ± %.0f | %.0f ± %.0f | %.2f | SQL >= 0.7x direct | %s |%n",
              sql,
              sqlErr,
              direct,
              directErr,
              sql / direct,
              sql >= 0.7 * direct ? "yes" : "NO"));
      out.append(
          String.format(
              Locale.ROOT,
              "| recall@10 | %.3f | %.3f | — | >= 0.98 | %s |%n",
              recallSql,
              recallDirect,
              recallSql >= 0.98 ? "yes" : "NO"));
      out.append(
          String.format(
              Locale.ROOT,
              "| recall@10, WHERE keeps 10%% | %.3f | — | — | >= 0.95 | %s |%n",
              recallFiltered,
              recallFiltered >= 0.95 ? "yes" : "NO"));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException("measuring recall", e);
    }
  }
}
