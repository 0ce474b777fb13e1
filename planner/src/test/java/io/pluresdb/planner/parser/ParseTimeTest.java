package io.pluresdb.planner.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Prints what parsing a typical statement costs, for the record; asserts nothing about time,
 * since the planner caches plans by SQL text and parse cost only matters on a cache miss.
 */
class ParseTimeTest {
  private static final String SQL =
      "SELECT a.name, COUNT(*) FROM album a JOIN artist r ON a.artist_id = r.id "
          + "WHERE a.year > 2000 GROUP BY a.name ORDER BY 2 DESC LIMIT 10";

  @Test
  void printsParseTimeOfATypicalStatement() throws SQLException {
    int warmup = 1_000;
    int runs = 2_000;
    for (int i = 0; i < warmup; i++) {
      SqlParsers.parse(SQL);
    }
    long start = System.nanoTime();
    int kinds = 0;
    for (int i = 0; i < runs; i++) {
      kinds += SqlParsers.parse(SQL).getKind().ordinal() > 0 ? 1 : 0;
    }
    long micros = (System.nanoTime() - start) / 1_000 / runs;
    System.out.println("parse time of a typical statement: " + micros + " µs (" + runs
        + " runs after " + warmup + " warm-up)");
    assertThat(kinds).isEqualTo(runs);
  }
}
