package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Standard interval arithmetic and date-time functions give the standard answers (those of {@code
 * java.time}) on dates and timestamps stored as SQLite text, and compare with stored values.
 */
class IntervalArithmeticTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:pluresdb:mem:intervals" + NAMES.incrementAndGet());
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ev (id BIGINT PRIMARY KEY, d DATE, ts TIMESTAMP, t TIME)");
      s.execute(
          "INSERT INTO ev VALUES (1, DATE '2020-01-31', TIMESTAMP '2020-01-31 10:00:00',"
              + " TIME '23:30:00')");
      s.execute("INSERT INTO ev VALUES (2, NULL, NULL, NULL)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "d + INTERVAL '1' DAY; 2020-02-01",
        "d - INTERVAL '2' MONTH; 2019-11-30",
        "d + INTERVAL '1' MONTH; 2020-02-29",
        "INTERVAL '1' YEAR + d; 2021-01-31",
        "d + INTERVAL '1-1' YEAR TO MONTH; 2021-02-28",
        "d + INTERVAL '1' DAY * 3; 2020-02-03",
        "ts + INTERVAL '2' HOUR; 2020-01-31 12:00:00",
        "ts - INTERVAL '90' MINUTE; 2020-01-31 08:30:00",
        "ts + INTERVAL '1.5' SECOND; 2020-01-31 10:00:01.500",
        "ts + INTERVAL '1 02:00:00' DAY TO SECOND; 2020-02-01 12:00:00",
        "t + INTERVAL '1' HOUR; 00:30:00",
        "TIMESTAMPADD(DAY, 3, ts); 2020-02-03 10:00:00",
        "TIMESTAMPADD(MONTH, 1, d); 2020-02-29",
        "TIMESTAMPADD(WEEK, -1, d); 2020-01-24",
        "TIMESTAMPADD(HOUR, 15, ts); 2020-02-01 01:00:00",
        "TIMESTAMPDIFF(DAY, d, DATE '2020-03-01'); 30",
        "TIMESTAMPDIFF(DAY, ts, TIMESTAMP '2020-01-30 11:00:00'); 0",
        "TIMESTAMPDIFF(HOUR, ts, TIMESTAMP '2020-01-30 11:00:00'); -23",
        "TIMESTAMPDIFF(MONTH, d, DATE '2020-02-29'); 0",
        "TIMESTAMPDIFF(MONTH, d, DATE '2021-03-01'); 13",
        "TIMESTAMPDIFF(MONTH, DATE '2021-03-01', d); -13",
        "TIMESTAMPDIFF(YEAR, d, DATE '2023-01-30'); 2",
        "EXTRACT(YEAR FROM d); 2020",
        "EXTRACT(MONTH FROM ts); 1",
        "EXTRACT(DAY FROM d + INTERVAL '1' DAY); 1"
      })
  void arithmeticGivesTheStandardAnswer(String expression, String expected) throws SQLException {
    List<Object> got = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + expression + " FROM ev ORDER BY id")) {
      while (rs.next()) {
        got.add(rs.getObject(1, typed(expected).getClass()));
      }
    }
    assertThat(got).containsExactly(typed(expected), null);
  }

  /** The expected value as the Java type it reads as: a date, time, timestamp or number. */
  private static Object typed(String expected) {
    if (expected.matches("\\d{4}-\\d\\d-\\d\\d")) {
      return LocalDate.parse(expected);
    }
    if (expected.matches("\\d\\d:\\d\\d:\\d\\d")) {
      return LocalTime.parse(expected);
    }
    if (expected.contains(" ")) {
      return LocalDateTime.parse(expected.replace(' ', 'T'));
    }
    return Long.valueOf(expected);
  }

  @Test
  void shiftedDatesCompareWithStoredValues() throws SQLException {
    assertThat(values("SELECT id FROM ev WHERE d + INTERVAL '1' DAY = DATE '2020-02-01'"))
        .containsExactly("1");
    assertThat(
            values(
                "SELECT id FROM ev WHERE ts + INTERVAL '1' HOUR > TIMESTAMP '2020-01-31 10:30:00'"))
        .containsExactly("1");
    assertThat(values("SELECT id FROM ev WHERE ts - INTERVAL '1' DAY > ts")).isEmpty();
    // the shifted value is written in the stored text form: shifting back gives the stored text
    assertThat(values("SELECT id FROM ev WHERE ts + INTERVAL '1' DAY - INTERVAL '1' DAY = ts"))
        .containsExactly("1");
    assertThat(values("SELECT id FROM ev WHERE t + INTERVAL '1' HOUR = TIME '00:30:00'"))
        .containsExactly("1");
  }

  @Test
  void updatesShiftStoredDatesAndTimestamps() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE ev SET d = d + INTERVAL '1' MONTH, ts = TIMESTAMPADD(HOUR, 15, ts) WHERE id = 1");
    }
    assertThat(values("SELECT id FROM ev WHERE d = DATE '2020-02-29'")).containsExactly("1");
    assertThat(values("SELECT id FROM ev WHERE ts = TIMESTAMP '2020-02-01 01:00:00'"))
        .containsExactly("1");
  }

  @Test
  void timestampAddTakesAParameterCount() throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT TIMESTAMPADD(DAY, ?, d) FROM ev WHERE id = 1")) {
      ps.setInt(1, 2);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2020, 2, 2));
      }
    }
  }

  @Test
  void currentDateIsTodayInUtc() throws SQLException {
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    List<String> today = values("SELECT CURRENT_DATE FROM ev WHERE id = 1");
    LocalDate after = LocalDate.now(ZoneOffset.UTC);
    assertThat(today).hasSize(1);
    assertThat(LocalDate.parse(today.get(0))).isBetween(before, after);
    assertThat(values("SELECT id FROM ev WHERE d < CURRENT_DATE - INTERVAL '1' YEAR"))
        .containsExactly("1");
  }

  private List<String> values(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
