package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Queries the random differential test against raw SQLite found answered wrongly or refused, each
 * reduced to its core and held to SQLite's rows.
 */
class DifferentialFindingsTest {
  private Twin twin;

  @BeforeEach
  void tables() throws SQLException {
    twin = Twin.open();
    twin.exec(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, s TEXT)",
        "INSERT INTO t VALUES (1, 1, 2, 'x'), (2, 5, NULL, NULL), (3, 0, 0, 'X'), (4, NULL, 6, 'y')");
  }

  @AfterEach
  void close() throws Exception {
    twin.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // SQLite's IS / IS NOT compare any two values, NULL-safely (they were syntax errors).
        "SELECT id FROM t WHERE b IS NOT 2 ORDER BY id",
        "SELECT id FROM t WHERE b IS 2 ORDER BY id",
        "SELECT id FROM t WHERE s IS 'x' OR b IS NOT a + 1 ORDER BY id",
        "SELECT id FROM t WHERE a IS (SELECT min(a) FROM t) ORDER BY id",
        "SELECT id FROM t WHERE a IS NULL OR b IS NOT NULL AND a IS NOT DISTINCT FROM 1 ORDER BY id",
        // An operation inside % kept no parentheses: (3 + a) % 3 ran as 3 + a % 3.
        "SELECT id, (3 + a) % 3 AS m, (a - b) % (b + 1) AS n FROM t ORDER BY id",
        // ORDER BY over a compound of unnamed expressions: no such column EXPR$0.EXPR$0.
        "SELECT a + 1 FROM t UNION SELECT b FROM t ORDER BY 1 DESC",
        "SELECT a * 2 FROM t INTERSECT SELECT b FROM t ORDER BY 1 LIMIT 2",
        "SELECT coalesce(a, 7) FROM t EXCEPT SELECT b FROM t ORDER BY 1 NULLS LAST",
        "SELECT abs(a) FROM t UNION ALL SELECT length(s) FROM t ORDER BY 1 LIMIT 3 OFFSET 1"
      })
  void sqliteRows(String sql) throws SQLException {
    assertThat(Twin.rows(twin.plures, sql)).as(sql).isEqualTo(Twin.rows(twin.sqlite, sql));
  }
}
