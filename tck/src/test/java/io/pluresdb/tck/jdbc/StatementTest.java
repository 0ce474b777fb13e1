package io.pluresdb.tck.jdbc;

import static io.pluresdb.tck.jdbc.Db.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain statements: execute, update counts, result sets and row limits. */
class StatementTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(c, "CREATE TABLE item (id INTEGER PRIMARY KEY, label VARCHAR(20), qty INTEGER)");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void executeReportsWhetherAResultSetCame() throws Exception {
    try (Statement s = c.createStatement()) {
      assertThat(s.execute("INSERT INTO item VALUES (1, 'a', 5)")).isFalse();
      assertThat(s.getUpdateCount()).isEqualTo(1);
      assertThat(s.getResultSet()).isNull();
      assertThat(s.execute("SELECT id FROM item")).isTrue();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      assertThat(s.getMoreResults()).isFalse();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
    }
  }

  @Test
  void executeUpdateCountsAffectedRows() throws Exception {
    try (Statement s = c.createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO item VALUES (1, 'a', 5), (2, 'b', 6), (3, 'c', 7)"))
          .isEqualTo(3);
      assertThat(s.executeUpdate("UPDATE item SET qty = qty * 2 WHERE id >= 2")).isEqualTo(2);
      assertThat(s.executeUpdate("UPDATE item SET qty = 0 WHERE id = 99")).isZero();
      assertThat(s.executeUpdate("DELETE FROM item WHERE label = 'a'")).isEqualTo(1);
      assertThat(Db.scalar(c, "SELECT SUM(qty) FROM item")).isIn(26, 26L);
    }
  }

  @Test
  void executeQueryRefusesAStatementWithoutResultAndExecuteUpdateRefusesAQuery() throws Exception {
    try (Statement s = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.executeQuery("INSERT INTO item VALUES (1, 'a', 5)"))
          .isInstanceOf(java.sql.SQLException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.executeUpdate("SELECT * FROM item"))
          .isInstanceOf(java.sql.SQLException.class);
    }
  }

  @Test
  void maxRowsCapsTheRowsReturned() throws Exception {
    Db.exec(c, "INSERT INTO item VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 3), (4, 'd', 4)");
    try (Statement s = c.createStatement()) {
      s.setMaxRows(2);
      assertThat(s.getMaxRows()).isEqualTo(2);
      int rows = 0;
      try (ResultSet rs = s.executeQuery("SELECT * FROM item ORDER BY id")) {
        while (rs.next()) {
          rows++;
        }
      }
      assertThat(rows).isEqualTo(2);
      s.setMaxRows(0);
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM item")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4);
      }
    }
  }

  @Test
  void closingAStatementClosesItsResultSetAndRefusesFurtherUse() throws Exception {
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT * FROM item");
    s.close();
    assertThat(s.isClosed()).isTrue();
    assertThat(rs.isClosed()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
        .isInstanceOf(java.sql.SQLException.class);
  }

  @Test
  void reExecutingClosesThePreviousResultSet() throws Exception {
    try (Statement s = c.createStatement()) {
      ResultSet first = s.executeQuery("SELECT * FROM item");
      s.executeQuery("SELECT * FROM item").close();
      assertThat(first.isClosed()).isTrue();
    }
  }

  @Test
  void statementAnswersItsConnectionAndDefaults() throws Exception {
    try (Statement s = c.createStatement()) {
      assertThat(s.getConnection()).isSameAs(c);
      assertThat(s.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
      assertThat(s.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      assertThat(s.getQueryTimeout()).isZero();
      assertSqlState("42601", () -> s.execute("SELEC 1"));
    }
  }
}
