package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** ALTER TABLE RENAME COLUMN and DROP COLUMN give SQLite's answers. */
class AlterTableRenameTest {
  @Test
  void renamedColumnKeepsItsValuesAndItsIndex() throws SQLException {
    try (Twin t = new Twin()) {
      t.both(
          "CREATE TABLE t (id INTEGER PRIMARY KEY, j VARCHAR(20), n INTEGER)",
          "CREATE INDEX t_j ON t (j)",
          "INSERT INTO t VALUES (1, 'one', 10), (2, 'two', 20)",
          "ALTER TABLE t RENAME COLUMN j TO doc",
          "INSERT INTO t (id, doc, n) VALUES (3, 'three', 30)",
          "ALTER TABLE t RENAME n TO num");
      String q = "SELECT id, doc, num FROM t WHERE doc >= 'o' ORDER BY id";
      assertThat(Twin.rows(t.plures, q))
          .isEqualTo(Twin.rows(t.sqlite, q))
          .containsExactly("1|one|10", "2|two|20", "3|three|30");
      assertThat(Twin.labels(t.plures, "SELECT * FROM t")).containsExactly("id", "doc", "num");
      // the index followed the rename: it is still there to drop
      t.both("DROP INDEX t_j");
      assertThatThrownBy(() -> Twin.exec(t.plures, "SELECT j FROM t"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void droppedColumnIsGoneAndAddedAgainStartsEmpty() throws SQLException {
    try (Twin t = new Twin()) {
      t.both(
          "CREATE TABLE t (id INTEGER PRIMARY KEY, doc VARCHAR(20), n INTEGER)",
          "INSERT INTO t VALUES (1, 'one', 10)",
          "ALTER TABLE t DROP COLUMN doc",
          "INSERT INTO t VALUES (2, 20)",
          "ALTER TABLE t ADD COLUMN doc VARCHAR(20)");
      String q = "SELECT * FROM t ORDER BY id";
      assertThat(Twin.rows(t.plures, q))
          .isEqualTo(Twin.rows(t.sqlite, q))
          .containsExactly("1|10|null", "2|20|null");
    }
  }

  @Test
  void dropOfAKeyUniqueOrIndexedColumnIsRefusedAsSqliteRefusesIt() throws SQLException {
    // (a foreign key's column is refused too; SQLite drops a column-level REFERENCES with it)
    try (Twin t = new Twin()) {
      t.both(
          "CREATE TABLE p (id INTEGER PRIMARY KEY, code VARCHAR(5) UNIQUE, v INTEGER, w INTEGER)",
          "CREATE INDEX p_v ON p (v)",
          "CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id), x INTEGER)");
      for (String sql :
          new String[] {
            "ALTER TABLE p DROP COLUMN id",
            "ALTER TABLE p DROP COLUMN code",
            "ALTER TABLE p DROP COLUMN v"
          }) {
        assertThatThrownBy(() -> Twin.exec(t.sqlite, sql)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Twin.exec(t.plures, sql))
            .isInstanceOf(SQLException.class)
            .satisfies(
                e -> {
                  assertThat(((SQLException) e).getSQLState()).isEqualTo("2BP01");
                  assertThat(e.getMessage()).contains("column '");
                });
      }
      t.both("ALTER TABLE p DROP COLUMN w");
      assertThat(Twin.labels(t.plures, "SELECT * FROM p")).containsExactly("id", "code", "v");
    }
  }

  @Test
  void renameIntoAnExistingColumnIsRefused() throws SQLException {
    try (Twin t = new Twin()) {
      t.both("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER)");
      assertThatThrownBy(() -> Twin.exec(t.sqlite, "ALTER TABLE t RENAME COLUMN a TO b"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> Twin.exec(t.plures, "ALTER TABLE t RENAME COLUMN a TO b"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42701");
    }
  }
}
