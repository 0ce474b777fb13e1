package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code FOR SYSTEM_TIME AS OF}: a table's rows as they were, rebuilt from the log. */
class TimeTravelTest {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Test
  void readsTheRowsAsTheyWereThroughUpdateDeleteAndReinsert() throws Exception {
    try (Connection c = Db.connect(Db.freshMemoryUrl())) {
      Db.exec(c, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100), n INTEGER)");
      String beforeAll = now();
      Db.exec(c, "INSERT INTO note VALUES (42, 'first', 1), (7, 'other', 2)");
      String inserted = now();
      Db.exec(c, "UPDATE note SET body = 'second', n = 3 WHERE id = 42");
      String updated = now();
      Db.exec(c, "DELETE FROM note WHERE id = 42");
      String deleted = now();
      Db.exec(c, "INSERT INTO note VALUES (42, 'again', 4)");
      String reinserted = now();

      assertThat(asOf(c, beforeAll)).isEmpty();
      assertThat(asOf(c, inserted)).containsExactly("42|first|1");
      assertThat(asOf(c, updated)).containsExactly("42|second|3");
      assertThat(asOf(c, deleted)).isEmpty();
      assertThat(asOf(c, reinserted)).containsExactly("42|again|4");
      assertThat(
              Db.rows(
                  c,
                  "SELECT id, body FROM note FOR SYSTEM_TIME AS OF TIMESTAMP '"
                      + updated
                      + "' ORDER BY id"))
          .containsExactly("7|other", "42|second");
      // the past beside the present, under aliases
      assertThat(
              Db.rows(
                  c,
                  "SELECT p.body, n.body FROM note FOR SYSTEM_TIME AS OF TIMESTAMP '"
                      + inserted
                      + "' AS p JOIN note n ON n.id = p.id ORDER BY p.id"))
          .containsExactly("other|other", "first|again");
    }
  }

  @Test
  void pastValuesHaveTheColumnsTypes() throws Exception {
    try (Connection c = Db.connect(Db.freshMemoryUrl())) {
      Db.exec(
          c,
          "CREATE TABLE t (id INTEGER PRIMARY KEY, d DOUBLE, b VARBINARY(8), day DATE, ok BOOLEAN,"
              + " s VARCHAR(10))",
          "INSERT INTO t VALUES (1, 2.5, X'00FF10', DATE '2026-12-01', TRUE, 'it''s')",
          "INSERT INTO t VALUES (2, NULL, NULL, NULL, FALSE, NULL)");
      String at = now();
      Db.exec(c, "UPDATE t SET d = 9.0, s = 'later'");
      String present = "SELECT id, d, b, day, ok, s FROM t";
      String past =
          present.replace("FROM t", "FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '" + at + "'");
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(past + " ORDER BY id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1L);
        assertThat(rs.getDouble(2)).isEqualTo(2.5);
        assertThat(rs.getBytes(3)).containsExactly(0x00, 0xFF, 0x10);
        assertThat(rs.getObject(4, java.time.LocalDate.class))
            .isEqualTo(java.time.LocalDate.of(2026, 12, 1));
        assertThat(rs.getBoolean(5)).isTrue();
        assertThat(rs.getString(6)).isEqualTo("it's");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(2)).isNull();
        assertThat(rs.getBytes(3)).isNull();
        assertThat(rs.getBoolean(5)).isFalse();
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void aPreparedQueryReadsThePast() throws Exception {
    try (Connection c = Db.connect(Db.freshMemoryUrl())) {
      Db.exec(c, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
      Db.exec(c, "INSERT INTO note VALUES (42, 'first')");
      String at = now();
      Db.exec(c, "UPDATE note SET body = 'second' WHERE id = 42");
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT body FROM note FOR SYSTEM_TIME AS OF TIMESTAMP '" + at + "' WHERE id = ?")) {
        ps.setLong(1, 42);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(Db.rows(rs)).containsExactly("first");
        }
      }
    }
  }

  @Test
  void aTimeBeforeTheKeptHistoryIsRefused(@TempDir Path dir) throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("app.db");
    String early;
    try (Connection c = Db.connect(url)) {
      Db.exec(c, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
      early = now();
      Db.exec(c, "INSERT INTO note VALUES (42, 'first')");
    }
    // what folding history away leaves behind: the time before which the log is incomplete
    long horizon = System.currentTimeMillis();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        Statement s = raw.createStatement()) {
      s.execute(
          "INSERT OR REPLACE INTO _pl_meta(k, v) VALUES ('history_horizon_time', '"
              + horizon
              + "')");
    }
    String after = now();
    try (Connection c = Db.connect(url)) {
      assertThatThrownBy(() -> asOf(c, early))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("history before " + Instant.ofEpochMilli(horizon))
          .hasMessageContaining("is no longer kept")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22023");
      assertThat(asOf(c, after)).containsExactly("42|first");
    }
  }

  @Test
  void aPeriodThatIsNotATimestampIsRefused() throws Exception {
    try (Connection c = Db.connect(Db.freshMemoryUrl())) {
      Db.exec(c, "CREATE TABLE note (id BIGINT PRIMARY KEY)");
      assertThatThrownBy(
              () -> Db.rows(c, "SELECT * FROM note FOR SYSTEM_TIME AS OF 'yesterday at noon'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("'yesterday at noon' is not a timestamp")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22007");
    }
  }

  private static java.util.List<String> asOf(Connection c, String at) throws SQLException {
    return Db.rows(
        c, "SELECT * FROM note FOR SYSTEM_TIME AS OF TIMESTAMP '" + at + "' WHERE id = 42");
  }

  /** The current time, once the clock has moved past it: writes after it are later. */
  private static String now() {
    long at = System.currentTimeMillis();
    while (System.currentTimeMillis() <= at + 1) {
      Thread.onSpinWait();
    }
    return UTC.format(Instant.ofEpochMilli(at));
  }
}
