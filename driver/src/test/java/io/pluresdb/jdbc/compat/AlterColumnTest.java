package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ALTER TABLE t ALTER COLUMN c SET|DROP NOT NULL, SET|DROP DEFAULT, [SET DATA] TYPE}: the
 * column changes in place, keeps its values and indexes, and the change outlives the connection.
 */
class AlterColumnTest {
  @TempDir Path dir;

  private String url() {
    return "jdbc:pluresdb:" + dir.resolve("alter.db");
  }

  @Test
  void notNullAndDefaultChangeInPlaceAndStay() throws SQLException {
    try (Connection c = DriverManager.getConnection(url())) {
      Twin.exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s VARCHAR(10) NOT NULL)");
      Twin.exec(c, "CREATE INDEX t_n ON t (n)");
      Twin.exec(c, "INSERT INTO t VALUES (1, NULL, 'a'), (2, 5, 'b')");

      // rows holding NULL refuse NOT NULL, naming the column
      assertThatThrownBy(() -> Twin.exec(c, "ALTER TABLE t ALTER COLUMN n SET NOT NULL"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23502"))
          .hasMessageContaining("column 'n' of table 't'");
      Twin.exec(c, "UPDATE t SET n = 0 WHERE n IS NULL");
      Twin.exec(c, "ALTER TABLE t ALTER COLUMN n SET NOT NULL");
      Twin.exec(c, "ALTER TABLE t ALTER n SET DEFAULT 7");
      Twin.exec(c, "ALTER TABLE t ALTER COLUMN s DROP NOT NULL");
      Twin.exec(c, "INSERT INTO t (id, s) VALUES (3, NULL)");
      assertThat(Twin.rows(c, "SELECT id, n, s FROM t ORDER BY id"))
          .containsExactly("1|0|a", "2|5|b", "3|7|null");
      assertThatThrownBy(() -> Twin.exec(c, "INSERT INTO t (id, n) VALUES (4, NULL)"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23502"));
      Twin.exec(c, "ALTER TABLE t ALTER COLUMN n DROP DEFAULT");
      Twin.exec(c, "ALTER TABLE t ALTER COLUMN s SET DATA TYPE VARCHAR(40)");
      Twin.exec(c, "ALTER TABLE t ALTER COLUMN n TYPE BIGINT");
      assertThat(Twin.rows(c, "SELECT id FROM t WHERE n = 5")).containsExactly("2");
    }
    // reopened: the catalog and SQLite's table agree
    try (Connection c = DriverManager.getConnection(url())) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getColumns(null, null, "t", "%")) {
        StringBuilder cols = new StringBuilder();
        while (rs.next()) {
          cols.append(rs.getString("COLUMN_NAME"))
              .append(' ')
              .append(rs.getString("TYPE_NAME"))
              .append(' ')
              .append(
                  rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable ? "null" : "not null")
              .append(' ')
              .append(rs.getString("COLUMN_DEF"))
              .append(';');
        }
        assertThat(cols.toString())
            .isEqualTo("id INTEGER not null null;n BIGINT not null null;s VARCHAR null null;");
      }
      // SQLite reports an INTEGER PRIMARY KEY as notnull 0 unless declared NOT NULL
      assertThat(
              Twin.rows(
                  c, "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('t')"))
          .containsExactly("id|INTEGER|0|null", "n|BIGINT|1|null", "s|VARCHAR(40)|0|null");
      assertThatThrownBy(() -> Twin.exec(c, "INSERT INTO t (id, n) VALUES (5, NULL)"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23502"));
      Twin.exec(c, "DROP INDEX t_n"); // the index stayed with the column
    }
  }

  @Test
  void keyAndMissingColumnsAreRefused() throws SQLException {
    try (Connection c = DriverManager.getConnection(url())) {
      Twin.exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)");
      assertThatThrownBy(() -> Twin.exec(c, "ALTER TABLE t ALTER COLUMN id DROP NOT NULL"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P16"));
      assertThatThrownBy(() -> Twin.exec(c, "ALTER TABLE t ALTER COLUMN nope SET NOT NULL"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42703"))
          .hasMessageContaining("nope");
      assertThatThrownBy(() -> Twin.exec(c, "ALTER TABLE missing ALTER COLUMN n SET NOT NULL"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
      Twin.exec(c, "ALTER TABLE IF EXISTS missing ALTER COLUMN n SET NOT NULL");
    }
  }
}
