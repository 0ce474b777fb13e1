package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forward-only and scroll-insensitive cursors move as JDBC specifies. */
class ResultSetNavigationTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(
        c,
        "CREATE TABLE r (id INTEGER PRIMARY KEY)",
        "INSERT INTO r VALUES (1), (2), (3), (4), (5)");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void forwardOnlyCursorWalksOnceAndRefusesToGoBack() throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM r ORDER BY id")) {
      assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
      assertThat(rs.isBeforeFirst()).isTrue();
      int expected = 1;
      while (rs.next()) {
        assertThat(rs.getRow()).isEqualTo(expected);
        assertThat(rs.getInt(1)).isEqualTo(expected++);
      }
      assertThat(expected).isEqualTo(6);
      assertThat(rs.next()).as("next() after the end stays false").isFalse();
      assertThatThrownBy(rs::previous).isInstanceOf(SQLException.class);
      assertThatThrownBy(rs::first).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void readingBeforeTheFirstRowFails() throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM r")) {
      assertThatThrownBy(() -> rs.getInt(1)).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void scrollInsensitiveCursorMovesAnywhere() throws Exception {
    try (Statement s =
            c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet rs = s.executeQuery("SELECT id FROM r ORDER BY id")) {
      assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_SCROLL_INSENSITIVE);
      assertThat(rs.last()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(5);
      assertThat(rs.getRow()).isEqualTo(5);
      assertThat(rs.isLast()).isTrue();
      assertThat(rs.first()).isTrue();
      assertThat(rs.isFirst()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.absolute(3)).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(3);
      assertThat(rs.relative(-1)).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.previous()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.previous()).isFalse();
      assertThat(rs.isBeforeFirst()).isTrue();
      assertThat(rs.absolute(-2)).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(4);
      rs.afterLast();
      assertThat(rs.isAfterLast()).isTrue();
      assertThat(rs.previous()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(5);
      rs.beforeFirst();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.absolute(9)).isFalse();
      assertThat(rs.isAfterLast()).isTrue();
    }
  }

  @Test
  void scrollInsensitiveCursorDoesNotSeeLaterWrites() throws Exception {
    try (Statement s =
            c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet rs = s.executeQuery("SELECT id FROM r ORDER BY id")) {
      rs.next();
      Db.exec(c, "DELETE FROM r WHERE id > 1");
      assertThat(rs.last()).isTrue();
      assertThat(rs.getRow()).isEqualTo(5);
    }
  }

  @Test
  void emptyResultHasNoRowsInAnyDirection() throws Exception {
    try (Statement s =
            c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet rs = s.executeQuery("SELECT id FROM r WHERE id > 9")) {
      assertThat(rs.isBeforeFirst()).as("empty result is not 'before first'").isFalse();
      assertThat(rs.next()).isFalse();
      assertThat(rs.first()).isFalse();
      assertThat(rs.last()).isFalse();
    }
  }

  @Test
  void closedResultSetRefusesAccess() throws Exception {
    ResultSet rs = c.createStatement().executeQuery("SELECT id FROM r");
    rs.close();
    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
  }
}
