package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fractions of a second meet the stored value wherever a time or timestamp is compared: literals,
 * text, bound parameters, in {@code =}, {@code IN}, {@code BETWEEN}, reads and writes. And a REAL
 * column is SQLite's 8-byte double.
 */
class FractionalTimesTest {
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(
        c,
        "CREATE TABLE t (id BIGINT PRIMARY KEY, ts TIMESTAMP, tm TIME, t6 TIMESTAMP(6))",
        "INSERT INTO t VALUES (1, TIMESTAMP '2026-01-01 12:00:00.25', TIME '12:00:00.5',"
            + " '2026-01-01 12:00:00.25')",
        "INSERT INTO t VALUES (2, '2026-01-01 12:00:00.123456', '12:00:00', '2026-01-01 12:00:00')");
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private List<Object> ids(String where) throws SQLException {
    List<Object> ids = new ArrayList<>();
    for (String row : Db.rows(c, "SELECT id FROM t WHERE " + where + " ORDER BY id")) {
      ids.add(Long.valueOf(row));
    }
    return ids;
  }

  @Test
  void fractionalLiteralsFindTheRowsStoredWithThem() throws SQLException {
    assertThat(ids("ts = TIMESTAMP '2026-01-01 12:00:00.25'")).containsExactly(1L);
    assertThat(ids("ts = TIMESTAMP '2026-01-01 12:00:00.250'")).containsExactly(1L);
    assertThat(ids("ts = TIMESTAMP '2026-01-01 12:00:00.123456'")).containsExactly(2L);
    assertThat(ids("TIMESTAMP '2026-01-01 12:00:00.25' = ts")).containsExactly(1L);
    assertThat(ids("ts <> TIMESTAMP '2026-01-01 12:00:00.25'")).containsExactly(2L);
    assertThat(ids("ts IN (TIMESTAMP '2026-01-01 12:00:00.5', TIMESTAMP '2026-01-01 12:00:00.25')"))
        .containsExactly(1L);
    assertThat(
            ids(
                "ts BETWEEN TIMESTAMP '2026-01-01 12:00:00.2' AND TIMESTAMP"
                    + " '2026-01-01 12:00:00.25'"))
        .containsExactly(1L);
    assertThat(ids("ts > TIMESTAMP '2026-01-01 12:00:00.2'")).containsExactly(1L);
    assertThat(ids("tm = TIME '12:00:00.5'")).containsExactly(1L);
    assertThat(ids("tm IN (TIME '12:00:00.50', TIME '13:00:00')")).containsExactly(1L);
    // a precision declared on the column does not cut what it holds
    assertThat(ids("t6 = TIMESTAMP '2026-01-01 12:00:00.25'")).containsExactly(1L);
    // a zero fraction is the whole second, stored without one
    assertThat(ids("t6 = TIMESTAMP '2026-01-01 12:00:00.000'")).containsExactly(2L);
  }

  @Test
  void textComparedWithATimestampIsReadAsOne() throws SQLException {
    assertThat(ids("ts = '2026-01-01 12:00:00.25'")).containsExactly(1L);
    assertThat(ids("ts IN ('2026-01-01T12:00:00.123456', '2026-01-01 12:00:00.25')"))
        .containsExactly(1L, 2L);
    assertThat(ids("ts BETWEEN '2026-01-01 12:00:00.2' AND '2026-01-01 12:00:00.3'"))
        .containsExactly(1L);
    assertThat(ids("tm = '12:00:00.5'")).containsExactly(1L);
  }

  @Test
  void arithmeticAndCastsKeepTheFraction() throws SQLException {
    assertThat(ids("ts + INTERVAL '1' DAY = TIMESTAMP '2026-01-02 12:00:00.25'"))
        .containsExactly(1L);
    assertThat(ids("CAST(ts AS TIMESTAMP(3)) = TIMESTAMP '2026-01-01 12:00:00.25'"))
        .containsExactly(1L);
    assertThat(ids("ts < CURRENT_TIMESTAMP")).containsExactly(1L, 2L);
    // a cast to TIMESTAMP(0) keeps whole seconds, as the standard says
    assertThat(Db.scalar(c, "SELECT CAST(ts AS TIMESTAMP) FROM t WHERE id = 1").toString())
        .isEqualTo("2026-01-01 12:00:00.0");
  }

  @Test
  void writesFindTheirRowsByFractionalLiterals() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "UPDATE t SET tm = TIME '09:00:00' WHERE ts = TIMESTAMP"
                      + " '2026-01-01 12:00:00.25'"))
          .isEqualTo(1);
      assertThat(
              s.executeUpdate("DELETE FROM t WHERE ts IN (TIMESTAMP '2026-01-01 12:00:00.123456')"))
          .isEqualTo(1);
    }
    assertThat(Db.rows(c, "SELECT id, tm FROM t")).containsExactly("1|09:00:00");
  }

  @Test
  void boundTimestampsWithFractionsFindTheirRowsAndRoundTrip() throws SQLException {
    Timestamp quarter = Timestamp.valueOf("2026-01-01 12:00:00.25");
    Timestamp nanos = Timestamp.valueOf("2026-01-01 12:00:00.123456789");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, ts) VALUES (?, ?)")) {
      ps.setLong(1, 3);
      ps.setTimestamp(2, nanos);
      ps.executeUpdate();
    }
    for (String sql :
        List.of(
            "SELECT id, ts FROM t WHERE ts = ?",
            "SELECT id, ts FROM t WHERE ts IN (?, TIMESTAMP '1999-01-01 00:00:00')",
            "SELECT id, ts FROM t WHERE ts BETWEEN ? AND TIMESTAMP '2026-01-01 12:00:00.25'")) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setTimestamp(1, quarter);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as(sql).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(1L);
          assertThat(rs.getTimestamp(2)).isEqualTo(quarter);
          assertThat(rs.getString(2)).isEqualTo("2026-01-01 12:00:00.250");
          assertThat(rs.next()).isFalse();
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT ts, tm FROM t WHERE ts = ?")) {
      ps.setTimestamp(1, nanos);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getTimestamp(1)).isEqualTo(nanos);
        assertThat(rs.getString(1)).isEqualTo("2026-01-01 12:00:00.123456789");
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE tm = ?")) {
      ps.setObject(1, LocalTime.of(12, 0, 0, 500_000_000));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1L);
      }
    }
  }

  @Test
  void textWithAShortFractionReadsBackInMilliseconds() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, ts) VALUES (3, ?)")) {
      ps.setString(1, "2026-01-01 12:00:00.5");
      ps.executeUpdate();
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT ts FROM t WHERE id = 3")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("2026-01-01 12:00:00.500");
      assertThat(rs.getTimestamp(1)).isEqualTo(Timestamp.valueOf("2026-01-01 12:00:00.5"));
    }
    assertThat(ids("ts = '2026-01-01 12:00:00.5'")).containsExactly(3L);
  }

  @Test
  void aRealColumnIsSqlitesEightByteDouble() throws Exception {
    Db.exec(c, "CREATE TABLE r (x REAL)", "INSERT INTO r VALUES (0.1)");
    List<Object> ours = realRow(c);
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = sqlite.createStatement()) {
      s.execute("CREATE TABLE r (x REAL)");
      s.execute("INSERT INTO r VALUES (0.1)");
      assertThat(ours).isEqualTo(realRow(sqlite));
    }
    assertThat(ours).containsExactly(0.1, 0.30000000000000004);
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT x FROM r")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.REAL);
      assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo(Double.class.getName());
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isInstanceOf(Double.class).isEqualTo(0.1);
      assertThat(rs.getDouble(1)).isEqualTo(0.1);
    }
  }

  private static List<Object> realRow(Connection conn) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT x, x * 3 FROM r")) {
      assertThat(rs.next()).isTrue();
      return List.of(rs.getDouble(1), rs.getDouble(2));
    }
  }
}
