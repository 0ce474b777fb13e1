package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.jdbc.PluresConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sys_history}: every field change of a row, with its node and time, through a delete. */
class SysHistoryTest {
  @Test
  void showsEachFieldChangeOfARowUpToItsDelete() throws Exception {
    try (Connection c = Db.connect(Db.freshMemoryUrl())) {
      Db.exec(
          c,
          "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100), n INTEGER)",
          "INSERT INTO note VALUES (42, 'first', 1), (7, 'other', 2)",
          "UPDATE note SET body = 'second' WHERE id = 42",
          "DELETE FROM note WHERE id = 42");
      String node = c.unwrap(PluresConnection.class).nodeId();

      assertThat(
              Db.rows(
                  c,
                  "SELECT op, field, \"value\", node FROM sys_history"
                      + " WHERE tbl = 'note' AND entity = '42'"))
          .containsExactly(
              "INSERT|id|42|" + node,
              "INSERT|body|first|" + node,
              "INSERT|n|1|" + node,
              "UPDATE|body|second|" + node,
              "DELETE|null|null|" + node);
      assertThat(Db.rows(c, "SELECT COUNT(*) FROM sys_history WHERE entity = '7'"))
          .containsExactly("3");
    }
  }

  @Test
  void eachChangeCarriesItsTimeAndTransaction() throws Exception {
    try (Connection c = Db.connect(Db.freshMemoryUrl())) {
      Db.exec(c, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
      long before = System.currentTimeMillis();
      Db.exec(c, "INSERT INTO note VALUES (1, 'a')", "UPDATE note SET body = 'b' WHERE id = 1");
      long after = System.currentTimeMillis();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT changed_at, tx FROM sys_history WHERE tbl = 'note' AND field = 'body'")) {
        int rows = 0;
        String firstTx = null;
        while (rs.next()) {
          Timestamp at = rs.getTimestamp(1);
          // stored in UTC: compare as UTC wall-clock time
          long millis = at.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
          assertThat(millis).isBetween(before, after);
          assertThat(rs.getString(2)).isNotNull().isNotEqualTo(firstTx);
          firstTx = rs.getString(2);
          rows++;
        }
        assertThat(rows).as("auto-commit: two transactions").isEqualTo(2);
      }
    }
  }

  @Test
  void aStoreWhoseLogIsNotIndexedIndexesItWhenItOpens(@TempDir Path dir) throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("app.db");
    String history =
        "SELECT op, field, \"value\" FROM sys_history WHERE tbl = 'note' AND entity = '42'";
    List<String> expected;
    try (Connection c = Db.connect(url)) {
      Db.exec(
          c,
          "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))",
          "INSERT INTO note VALUES (42, 'first'), (7, 'other')",
          "UPDATE note SET body = 'second' WHERE id = 42");
      expected = Db.rows(c, history);
      assertThat(expected)
          .containsExactly("INSERT|id|42", "INSERT|body|first", "UPDATE|body|second");
    }
    // a file written before the log had its index
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
        Statement s = raw.createStatement()) {
      s.execute("DROP TABLE _pl_log_entity");
    }
    try (Connection c = Db.connect(url)) {
      assertThat(Db.rows(c, history)).containsExactlyElementsOf(expected);
      Db.exec(c, "DELETE FROM note WHERE id = 42");
      assertThat(Db.rows(c, history)).hasSize(4).endsWith("DELETE|null|null");
    }
  }
}
