package io.pluresdb.bench;

import io.pluresdb.sql.parser.SqlParsers;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing one typical statement (a join, a filter, a grouping, an ordering and a limit) with
 * PluresDB's generated parser, beside Calcite's core parser with the same conformance as the
 * baseline. Parse cost matters only on a plan-cache miss, so this has no target: the ratio shows
 * what the extended grammar adds. The score is microseconds per statement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {
  static final String SQL =
      "SELECT a.name, COUNT(*) FROM album a JOIN artist r ON a.artist_id = r.id "
          + "WHERE a.released > DATE '2000-01-01' GROUP BY a.name ORDER BY 2 DESC LIMIT 10";

  private static final SqlParser.Config CORE =
      SqlParser.config().withConformance(SqlParsers.config().conformance());

  @Benchmark
  public SqlNode pluresParse() throws Exception {
    return SqlParsers.parse(SQL);
  }

  @Benchmark
  public SqlNode calciteCoreParse() throws Exception {
    return SqlParser.create(SQL, CORE).parseStmt();
  }
}
