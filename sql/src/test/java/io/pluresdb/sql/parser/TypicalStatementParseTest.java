package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/**
 * The statement the parse benchmark ({@code bench}'s {@code ParseBenchmark}) times is read alike by
 * PluresDB's parser and Calcite's core parser, so the benchmark compares the same work. What
 * parsing costs is measured there, not here.
 */
class TypicalStatementParseTest {
  static final String SQL =
      "SELECT a.name, COUNT(*) FROM album a JOIN artist r ON a.artist_id = r.id "
          + "WHERE a.released > DATE '2000-01-01' GROUP BY a.name ORDER BY 2 DESC LIMIT 10";

  @Test
  void aTypicalStatementIsAnOrderedQueryToBothParsers() throws Exception {
    SqlParser.Config core = SqlParser.config().withConformance(SqlParsers.config().conformance());

    assertThat(SqlParsers.parse(SQL).getKind()).isEqualTo(SqlKind.ORDER_BY);
    assertThat(SqlParser.create(SQL, core).parseStmt().getKind()).isEqualTo(SqlKind.ORDER_BY);
  }
}
