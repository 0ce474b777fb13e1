package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code getString} of a DATETIME, TIMESTAMP or TIME column shows the text SQLite shows for the
 * same stored value ({@code 2020-01-01 10:00:00}, a fraction only when there is one), compared by
 * reading the database file with raw sqlite-jdbc; the typed getters still read the value.
 */
class TimestampTextTest {
  private static final String[][] VALUES = {
    {"2020-01-01 10:00:00", "10:00"},
    {"2020-01-01 10:00:00.5", "10:00:00"},
    {"2020-01-01T10:00:00.123", "23:59:59.999"},
    {"1999-12-31 23:59:59.000001", "00:00:01"},
    {"2020-02-29", "12:30:45.25"},
  };

  @TempDir Path dir;

  @Test
  void getStringShowsWhatSqliteShowsForTheStoredValue() throws SQLException {
    Path file = dir.resolve("times.db");
    List<String> ours = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + file)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE ev (id INTEGER PRIMARY KEY, dt DATETIME, ts TIMESTAMP, tm TIME)");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ev VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < VALUES.length; i++) {
          ps.setInt(1, i);
          ps.setString(2, VALUES[i][0]);
          ps.setString(3, VALUES[i][0]);
          ps.setString(4, VALUES[i][1]);
          ps.executeUpdate();
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT dt, ts, tm FROM ev ORDER BY id")) {
        while (rs.next()) {
          ours.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
          Timestamp t = rs.getTimestamp(1);
          assertThat(t.toLocalDateTime()).isEqualTo(rs.getObject(2, LocalDateTime.class));
        }
      }
    }
    List<String> sqlite = new ArrayList<>();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = raw.createStatement();
        ResultSet rs = s.executeQuery("SELECT dt, ts, tm FROM ev ORDER BY id")) {
      while (rs.next()) {
        sqlite.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
      }
    }
    assertThat(ours).isEqualTo(sqlite);
    assertThat(ours.get(0)).isEqualTo("2020-01-01 10:00:00|2020-01-01 10:00:00|10:00:00");
    assertThat(ours.get(1)).startsWith("2020-01-01 10:00:00.500|");
  }
}
