package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What SQLite accepts beyond the standard, each answer (rows and labels) compared with raw SQLite
 * on the same tables: its operators (ISNULL, NOTNULL, IS [NOT] value, ==, bitwise), bare columns of
 * grouped queries, any value as a condition, VALUES and its column names, CAST to SQLite's type
 * names, rowid read through its alias and computed reals.
 */
@Timeout(120)
class SqliteOperatorsTest {
  private static final String[] SETUP = {
    "CREATE TABLE a ([Id] INTEGER PRIMARY KEY, [Name] TEXT, score REAL)",
    "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER, qty INTEGER, doc TEXT)",
    "INSERT INTO a (Id, Name, score) VALUES (1, 'ann', 0.3), (2, 'bob', 2.8), (3, 'cy', NULL)",
    "INSERT INTO b (id, a_id, qty, doc) VALUES (1, 1, 5, '{\"x\":1}'), (2, 1, NULL, 'no'),"
        + " (3, 2, 7, '[]'), (4, 2, 2, NULL)"
  };

  private Twin twin;

  @BeforeEach
  void open() throws SQLException {
    twin = Twin.open();
    twin.exec(SETUP);
  }

  @AfterEach
  void close() throws SQLException {
    twin.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT id FROM b WHERE qty ISNULL",
        "SELECT id FROM b WHERE qty NOTNULL ORDER BY id",
        "SELECT id FROM b WHERE qty IS NOT 5 ORDER BY id",
        "SELECT id FROM b WHERE qty IS 7",
        "SELECT id FROM b WHERE qty == 2",
        "SELECT 12 & 10, 12 | 3, 1 << 3, 256 >> 2, ~5, 1 + 2 | 4, qty | 1 FROM b ORDER BY id",
        "SELECT CASE WHEN qty THEN 'some' ELSE 'none' END FROM b ORDER BY id",
        "SELECT id FROM b WHERE qty IS NOT NULL AND qty IS NOT DISTINCT FROM 2",
        "SELECT a.Name, count(*) FROM a JOIN b ON b.a_id = a.Id GROUP BY a.Id ORDER BY a.Id",
        "SELECT a_id, max(qty), id FROM b GROUP BY a_id ORDER BY a_id",
        "SELECT id FROM b WHERE json_valid(doc) ORDER BY id",
        "SELECT a_id FROM b GROUP BY a_id HAVING sum(qty) ORDER BY a_id",
        "SELECT glob('a*', 'apple'), like('a%', 'apple'), like('A%', 'apple')",
        "VALUES (1, 'a'), (2, 'b')",
        "SELECT * FROM (VALUES (1), (2)) ORDER BY 1",
        "SELECT CAST(qty AS TEXT), CAST(score AS TEXT) FROM b JOIN a ON a.Id = b.a_id ORDER BY b.id",
        "SELECT rowid, _rowid_, oid, Id FROM a ORDER BY Id",
        "SELECT round(score, 1), score * 2 FROM a ORDER BY Id",
        "WITH c AS (SELECT Id FROM a) SELECT Id FROM c ORDER BY Id",
        "SELECT Id FROM a UNION SELECT a_id FROM b ORDER BY 1"
      })
  void sqlitesAnswer(String sql) throws SQLException {
    Twin.Answer expected = twin.sqlite(sql);
    Twin.Answer actual = twin.ours(sql);
    assertThat(actual.rows()).as("rows of %s", sql).isEqualTo(expected.rows());
    assertThat(actual.labels()).as("labels of %s", sql).isEqualTo(expected.labels());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BEGIN DEFERRED TRANSACTION",
        "BEGIN IMMEDIATE",
        "BEGIN EXCLUSIVE TRANSACTION",
        "BEGIN EXCLUSIVE"
      })
  void sqlitesTransactionKinds(String begin) throws SQLException {
    twin.oursExec(begin);
    twin.oursExec("INSERT INTO a (Id, Name) VALUES (9, 'in')");
    twin.oursExec("ROLLBACK");
    assertThat(twin.ours("SELECT count(*) FROM a WHERE Id = 9").rows().get(0)).containsExactly("0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EXPLAIN QUERY PLAN SELECT Name FROM a",
        "EXPLAIN QUERY PLAN SELECT * FROM b WHERE id = 2"
      })
  void explainQueryPlanIsSqlitesPlan(String sql) throws SQLException {
    Twin.Answer expected = twin.sqlite(sql);
    Twin.Answer actual = twin.ours(sql);
    assertThat(actual.labels()).containsExactly("id", "parent", "notused", "detail");
    assertThat(actual.labels()).isEqualTo(expected.labels());
    assertThat(actual.rows())
        .extracting(r -> r.get(3))
        .isEqualTo(expected.rows().stream().map(r -> r.get(3)).toList());
  }
}
