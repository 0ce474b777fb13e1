package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every common parameter setter stores a value that reads back equal. */
class PreparedStatementTest {
  static final String ALL_TYPES =
      "CREATE TABLE v (id INTEGER PRIMARY KEY, b BOOLEAN,"
          + " si SMALLINT, i INTEGER, bi BIGINT, r REAL, d DOUBLE, amount DECIMAL(12, 3),"
          + " s VARCHAR(50), bin VARBINARY(16), dt DATE, tm TIME, ts TIMESTAMP,"
          + " tz TIMESTAMP WITH TIME ZONE)";
  Connection c;

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(c, ALL_TYPES);
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  @Test
  void classicSettersRoundTrip() throws Exception {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO v (id, b, si, i, bi, r, d, amount, s, bin, dt, tm, ts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setInt(1, 1);
      p.setBoolean(2, true);
      p.setByte(3, (byte) -7);
      p.setInt(4, 123456);
      p.setLong(5, 9_000_000_000L);
      p.setFloat(6, 1.5f);
      p.setDouble(7, 2.25);
      p.setBigDecimal(8, new BigDecimal("12345.678"));
      p.setString(9, "héllo 'quoted'");
      p.setBytes(10, new byte[] {0, 1, (byte) 0xff});
      p.setDate(11, Date.valueOf("2024-02-29"));
      p.setTime(12, Time.valueOf("13:14:15"));
      p.setTimestamp(13, Timestamp.valueOf("2024-02-29 13:14:15.123"));
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    try (PreparedStatement q = c.prepareStatement("SELECT * FROM v WHERE id = ?")) {
      q.setInt(1, 1);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean("b")).isTrue();
        assertThat(rs.getShort("si")).isEqualTo((short) -7);
        assertThat(rs.getInt("i")).isEqualTo(123456);
        assertThat(rs.getLong("bi")).isEqualTo(9_000_000_000L);
        assertThat(rs.getFloat("r")).isEqualTo(1.5f);
        assertThat(rs.getDouble("d")).isEqualTo(2.25);
        assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("12345.678");
        assertThat(rs.getString("s")).isEqualTo("héllo 'quoted'");
        assertThat(rs.getBytes("bin")).containsExactly(0, 1, 0xff);
        assertThat(rs.getDate("dt")).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(rs.getTime("tm")).isEqualTo(Time.valueOf("13:14:15"));
        assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-02-29 13:14:15.123"));
      }
    }
  }

  @Test
  void javaTimeObjectsRoundTripThroughSetObject() throws Exception {
    OffsetDateTime odt = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2));
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO v (id, dt, tm, ts, tz) VALUES (?, ?, ?, ?, ?)")) {
      p.setObject(1, 1);
      p.setObject(2, LocalDate.of(1999, 12, 31));
      p.setObject(3, LocalTime.of(23, 59, 58));
      p.setObject(4, LocalDateTime.of(2000, 1, 1, 0, 0, 1));
      p.setObject(5, odt);
      p.executeUpdate();
    }
    try (ResultSet rs = c.createStatement().executeQuery("SELECT dt, tm, ts, tz FROM v")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
      assertThat(rs.getObject(2, LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 58));
      assertThat(rs.getObject(3, LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0, 1));
      assertThat(rs.getObject(4, OffsetDateTime.class)).isAtSameInstantAs(odt);
    }
  }

  @Test
  void setNullAndSetObjectNullStoreNull() throws Exception {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO v (id, i, s, dt) VALUES (?, ?, ?, ?)")) {
      p.setInt(1, 1);
      p.setNull(2, Types.INTEGER);
      p.setObject(3, null);
      p.setNull(4, Types.DATE);
      p.executeUpdate();
    }
    try (ResultSet rs = c.createStatement().executeQuery("SELECT i, s, dt FROM v")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getString(2)).isNull();
      assertThat(rs.getObject(3, LocalDate.class)).isNull();
    }
  }

  @Test
  void parametersAreReusableAndClearable() throws Exception {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO v (id, s) VALUES (?, ?)")) {
      p.setInt(1, 1);
      p.setString(2, "x");
      p.executeUpdate();
      p.setInt(1, 2);
      p.executeUpdate(); // the string parameter is kept between executions
      p.clearParameters();
      p.setInt(1, 3);
      assertThatThrownBy(p::executeUpdate)
          .as("a parameter left unset")
          .isInstanceOf(SQLException.class);
    }
    assertThat(Db.scalar(c, "SELECT COUNT(*) FROM v WHERE s = 'x'")).isIn(2, 2L);
  }

  @Test
  void preparedStatementCanScroll() throws Exception {
    Db.exec(c, "INSERT INTO v (id, s) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT s FROM v WHERE id >= ? ORDER BY id",
            java.sql.ResultSet.TYPE_SCROLL_INSENSITIVE,
            java.sql.ResultSet.CONCUR_READ_ONLY)) {
      p.setInt(1, 2);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.last()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("three");
        assertThat(rs.first()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("two");
      }
    }
  }

  @Test
  void parameterMetadataCountsTheMarkers() throws Exception {
    try (PreparedStatement p = c.prepareStatement("SELECT s FROM v WHERE id = ? AND i > ?")) {
      assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(2);
      assertThat(p.getMetaData().getColumnCount()).isEqualTo(1);
    }
  }

  @Test
  void settingAParameterOutOfRangeFails() throws Exception {
    try (PreparedStatement p = c.prepareStatement("SELECT s FROM v WHERE id = ?")) {
      assertThatThrownBy(() -> p.setInt(2, 1)).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void preparedQueryRunsRepeatedlyWithNewValues() throws Exception {
    Db.exec(c, "INSERT INTO v (id, s) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    try (PreparedStatement p = c.prepareStatement("SELECT s FROM v WHERE id = ?")) {
      for (int id = 1; id <= 3; id++) {
        p.setInt(1, id);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(new String[] {"one", "two", "three"}[id - 1]);
          assertThat(rs.next()).isFalse();
        }
      }
    }
  }
}
