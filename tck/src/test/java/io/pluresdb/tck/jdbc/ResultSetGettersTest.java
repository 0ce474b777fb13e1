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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every getter converts a stored value as JDBC's conversion table says. */
class ResultSetGettersTest {
  Connection c;

  static final OffsetDateTime TZ =
      OffsetDateTime.of(2024, 3, 1, 10, 11, 12, 0, ZoneOffset.ofHours(1));

  @BeforeEach
  void open() throws Exception {
    c = Db.open(Db.memUrl());
    Db.exec(
        c,
        PreparedStatementTest.ALL_TYPES,
        "INSERT INTO v VALUES (1, TRUE, 12, 34, 5000000000, 1.5, 2.5, 123.456, 'text',"
            + " NULL, DATE '2024-03-01', TIME '10:11:12', TIMESTAMP '2024-03-01 10:11:12',"
            + " NULL)",
        "INSERT INTO v (id) VALUES (2)");
    try (PreparedStatement p = c.prepareStatement("UPDATE v SET tz = ? WHERE id = 1")) {
      p.setObject(1, TZ);
      p.executeUpdate();
    }
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private ResultSet row(int id) throws SQLException {
    ResultSet rs = c.createStatement().executeQuery("SELECT * FROM v WHERE id = " + id);
    assertThat(rs.next()).isTrue();
    return rs;
  }

  @Test
  void decimalsKeepTheirDeclaredScale() throws Exception {
    Db.exec(
        c,
        "CREATE TABLE price (id INT PRIMARY KEY, p DECIMAL(10,2))",
        "INSERT INTO price VALUES (1, 12.50), (2, 10), (3, 0.75)");
    try (ResultSet rs = c.createStatement().executeQuery("SELECT p, p FROM price WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("12.50"));
      assertThat(rs.getObject(2)).isEqualTo(new BigDecimal("12.50"));
    }
    try (ResultSet rs = c.createStatement().executeQuery("SELECT SUM(p), MAX(p) FROM price")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("23.25"));
      assertThat(rs.getBigDecimal(2)).isEqualTo(new BigDecimal("12.50"));
      assertThat(rs.getMetaData().getScale(1)).isEqualTo(2);
    }
  }

  @Test
  void numericGettersConvertBetweenNumberTypes() throws Exception {
    try (ResultSet rs = row(1)) {
      assertThat(rs.getInt("i")).isEqualTo(34);
      assertThat(rs.getLong("i")).isEqualTo(34L);
      assertThat(rs.getShort("si")).isEqualTo((short) 12);
      assertThat(rs.getByte("si")).isEqualTo((byte) 12);
      assertThat(rs.getLong("bi")).isEqualTo(5_000_000_000L);
      assertThat(rs.getDouble("i")).isEqualTo(34.0);
      assertThat(rs.getBigDecimal("i")).isEqualByComparingTo("34");
      assertThat(rs.getDouble("d")).isEqualTo(2.5);
      assertThat(rs.getFloat("r")).isEqualTo(1.5f);
      assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo(new BigDecimal("123.456"));
      assertThat(rs.getString("i")).isEqualTo("34");
      assertThat(rs.getBoolean("b")).isTrue();
      assertThat(rs.getObject("bi")).isEqualTo(5_000_000_000L);
      assertThat(rs.getObject("b")).isEqualTo(Boolean.TRUE);
      assertThat(rs.getObject("i", Integer.class)).isEqualTo(34);
      assertThat(rs.getObject("bi", Long.class)).isEqualTo(5_000_000_000L);
    }
  }

  @Test
  void dateAndTimeGettersReturnTheStoredValues() throws Exception {
    try (ResultSet rs = row(1)) {
      assertThat(rs.getDate("dt")).isEqualTo(Date.valueOf("2024-03-01"));
      assertThat(rs.getTime("tm")).isEqualTo(Time.valueOf("10:11:12"));
      assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2024-03-01 10:11:12"));
      assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(rs.getObject("tm", LocalTime.class)).isEqualTo(LocalTime.of(10, 11, 12));
      assertThat(rs.getObject("ts", LocalDateTime.class))
          .isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 11, 12));
      assertThat(rs.getObject("tz", OffsetDateTime.class)).isAtSameInstantAs(TZ);
      assertThat(rs.getObject(rs.findColumn("dt"), LocalDate.class))
          .isEqualTo(LocalDate.of(2024, 3, 1));
    }
  }

  @Test
  void timestampWithTimeZoneLiteralTakesAnIsoOffset() throws Exception {
    // SQL and PostgreSQL both write the offset straight after the time: '…12+01:00'.
    Db.exec(
        c,
        "INSERT INTO v (id, tz) VALUES (3,"
            + " TIMESTAMP WITH TIME ZONE '2024-03-01 10:11:12+01:00')");
    try (ResultSet rs = row(3)) {
      assertThat(rs.getObject("tz", OffsetDateTime.class)).isAtSameInstantAs(TZ);
    }
  }

  @Test
  void nullsReadAsZeroOrNullAndSetWasNull() throws Exception {
    try (ResultSet rs = row(2)) {
      assertThat(rs.getInt("i")).isZero();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getLong("id")).isEqualTo(2);
      assertThat(rs.wasNull()).isFalse();
      assertThat(rs.getBoolean("b")).isFalse();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.getDouble("d")).isZero();
      assertThat(rs.getString("s")).isNull();
      assertThat(rs.getBigDecimal("amount")).isNull();
      assertThat(rs.getBytes("bin")).isNull();
      assertThat(rs.getDate("dt")).isNull();
      assertThat(rs.getTimestamp("ts")).isNull();
      assertThat(rs.getObject("ts", LocalDateTime.class)).isNull();
      assertThat(rs.getObject("tz", OffsetDateTime.class)).isNull();
      assertThat(rs.getObject("i")).isNull();
      assertThat(rs.wasNull()).isTrue();
    }
  }

  @Test
  void findColumnIsCaseInsensitiveAndRejectsUnknownNames() throws Exception {
    try (ResultSet rs = row(1)) {
      assertThat(rs.findColumn("id")).isEqualTo(1);
      assertThat(rs.findColumn("ID")).isEqualTo(1);
      assertThat(rs.findColumn("S")).isEqualTo(rs.findColumn("s"));
      assertThat(rs.getString("S")).isEqualTo("text");
      assertThatThrownBy(() -> rs.findColumn("nope")).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> rs.getString(99)).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void unconvertibleTextFailsWithADataException() throws Exception {
    try (ResultSet rs = row(1)) {
      SQLException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              SQLException.class, () -> rs.getInt("s"));
      assertThat((Throwable) e).isNotNull();
      assertThat(e.getSQLState()).startsWith("22");
    }
  }

  @Test
  void expressionsAndAliasesAreReadable() throws Exception {
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT i + 1 AS next_i, UPPER(s) AS shout, CAST(NULL AS INTEGER) AS nothing"
                    + " FROM v WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("next_i")).isEqualTo(35);
      assertThat(rs.getString("shout")).isEqualTo("TEXT");
      assertThat(rs.getObject("nothing")).isNull();
    }
  }
}
