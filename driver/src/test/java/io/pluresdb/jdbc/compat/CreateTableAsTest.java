package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** CREATE TABLE AS SELECT and TRUNCATE give SQLite's rows (TRUNCATE as DELETE FROM on SQLite). */
class CreateTableAsTest {
  @Test
  void tableCreatedFromAQueryHasItsColumnsAndRows() throws SQLException {
    try (Twin t = new Twin()) {
      t.both(
          "CREATE TABLE t2 (id INTEGER PRIMARY KEY, doc VARCHAR(20), price REAL)",
          "INSERT INTO t2 VALUES (1, 'one', 1.5), (2, 'two', 2.5), (3, 'three', 3.5)",
          "CREATE TABLE t3 AS SELECT * FROM t2",
          "CREATE TABLE t4 AS SELECT doc, price * 2 AS twice FROM t2 WHERE id > 1",
          "CREATE TABLE IF NOT EXISTS t4 AS SELECT id FROM t2");
      for (String q :
          new String[] {"SELECT * FROM t3 ORDER BY id", "SELECT * FROM t4 ORDER BY doc"}) {
        assertThat(Twin.labels(t.plures, q)).isEqualTo(Twin.labels(t.sqlite, q));
        assertThat(Twin.rows(t.plures, q)).isEqualTo(Twin.rows(t.sqlite, q)).isNotEmpty();
      }
      // the new table is a table like others: it takes writes
      t.both("INSERT INTO t4 VALUES ('four', 9.0)");
      String q = "SELECT doc, twice FROM t4 ORDER BY twice";
      assertThat(Twin.rows(t.plures, q))
          .isEqualTo(Twin.rows(t.sqlite, q))
          .containsExactly("two|5.0", "three|7.0", "four|9.0");
    }
  }

  @Test
  void truncateDeletesEveryRow() throws SQLException {
    try (Twin t = new Twin()) {
      t.both(
          "CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(5))",
          "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      Twin.exec(t.plures, "TRUNCATE TABLE t");
      assertThat(Twin.rows(t.plures, "SELECT count(*) FROM t")).containsExactly("0");
      Twin.exec(t.plures, "INSERT INTO t VALUES (3, 'c')");
      Twin.exec(t.plures, "TRUNCATE t");
      assertThat(Twin.rows(t.plures, "SELECT count(*) FROM t")).containsExactly("0");
    }
  }
}
