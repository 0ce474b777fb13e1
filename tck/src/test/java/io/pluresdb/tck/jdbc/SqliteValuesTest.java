package io.pluresdb.tck.jdbc;

import static io.pluresdb.tck.jdbc.Db.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Values as SQLite keeps them, on a table declared as applications declare theirs: INTEGER holds 64
 * bits, declared text lengths are not enforced, comparisons are the integers 1 and 0, fractions of
 * a second read back in milliseconds; what JDBC tools read from metadata stays the declared type.
 */
class SqliteValuesTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(
        c,
        "CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, code VARCHAR(3), flag BOOLEAN,"
            + " at TIMESTAMP)");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void anIntegerColumnHoldsSixtyFourBitsAndStillReportsInteger() throws SQLException {
    Db.exec(
        c,
        "INSERT INTO t (id, n) VALUES (1, -9223372036854775808)",
        "INSERT INTO t (id, n) VALUES (2, 7)");
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT n FROM t ORDER BY id")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.INTEGER);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isEqualTo(Long.MIN_VALUE);
      assertThat(rs.getLong(1)).isEqualTo(Long.MIN_VALUE);
      assertSqlState("22003", () -> rs.getInt(1));
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isEqualTo(7);
      assertThat(rs.getInt(1)).isEqualTo(7);
    }
    assertThat(Db.scalar(c, "SELECT min(n) FROM t")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aDeclaredLengthDoesNotTruncateNorRefuse() throws SQLException {
    Db.exec(c, "INSERT INTO t (id, code) VALUES (1, 'abcdef')");
    assertThat(Db.scalar(c, "SELECT code FROM t")).isEqualTo("abcdef");
    Db.exec(c, "UPDATE t SET code = 'a longer code' WHERE id = 1");
    assertThat(Db.scalar(c, "SELECT code FROM t")).isEqualTo("a longer code");
  }

  @Test
  void comparisonsAndLogicalOperatorsAreTheIntegersOneAndZero() throws SQLException {
    Db.exec(c, "INSERT INTO t (id, n, flag) VALUES (1, 2, TRUE)");
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT n = 2, n IS NULL, NOT (n = 2), n > 1 AND n < 3, flag, n NOT NULL,"
                    + " typeof(n = 2) FROM t")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isEqualTo(1);
      assertThat(rs.getObject(2)).isEqualTo(0);
      assertThat(rs.getObject(3)).isEqualTo(0);
      assertThat(rs.getObject(4)).isEqualTo(1);
      assertThat(rs.getString(1)).isEqualTo("1");
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(md.getColumnType(1)).isEqualTo(Types.INTEGER);
      // a BOOLEAN column selected as it is stays BOOLEAN
      assertThat(rs.getObject(5)).isEqualTo(true);
      assertThat(md.getColumnType(5)).isEqualTo(Types.BOOLEAN);
      assertThat(rs.getObject(6)).isEqualTo(1);
      assertThat(rs.getString(7)).isEqualTo("integer");
    }
    assertThat(Db.scalar(c, "SELECT 1 = 1")).isEqualTo(1);
  }

  @Test
  void postfixNotNullFiltersAsIsNotNull() throws SQLException {
    Db.exec(c, "INSERT INTO t (id, n) VALUES (1, 5)", "INSERT INTO t (id) VALUES (2)");
    assertThat(Db.scalar(c, "SELECT count(*) FROM t WHERE n NOT NULL")).isEqualTo(1L);
    assertThat(Db.scalar(c, "SELECT id FROM t WHERE n NOT NULL")).isEqualTo(1L);
  }

  @Test
  void aFractionOfASecondReadsBackInMilliseconds() throws SQLException {
    Db.exec(c, "INSERT INTO t (id, at) VALUES (1, '2023-12-31 12:00:00.250')");
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT at FROM t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2023-12-31 12:00:00.250");
      assertThat(rs.getObject(1, LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2023, 12, 31, 12, 0, 0, 250_000_000));
    }
  }
}
