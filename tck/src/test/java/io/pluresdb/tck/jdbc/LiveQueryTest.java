package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live queries and notifications through {@code java.sql}: SUBSCRIBE as an ordinary query whose
 * result set never ends, and LISTEN/NOTIFY between two connections of one database file.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveQueryTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void subscribeSeesCommitsOfAnotherConnectionAsChangesToItsResult() throws SQLException {
    String url = Db.fileUrl(dir, "live.db");
    try (Connection reader = Db.open(url);
        Connection writer = Db.open(url)) {
      Db.exec(writer, "CREATE TABLE task (id BIGINT PRIMARY KEY, title VARCHAR(40), done BOOLEAN)");
      Db.exec(writer, "INSERT INTO task VALUES (1, 'write', FALSE), (2, 'test', TRUE)");
      try (Statement s = reader.createStatement();
          ResultSet live =
              s.executeQuery("SUBSCRIBE SELECT id, title FROM task WHERE done = FALSE")) {
        List<String> seen = new ArrayList<>();
        assertThat(live.next()).isTrue();
        seen.add(live.getInt(1) + " " + live.getString(2) + " " + live.getString("_change"));
        for (String write :
            List.of(
                "INSERT INTO task VALUES (3, 'ship', FALSE)",
                "UPDATE task SET title = 'write more' WHERE id = 1",
                "UPDATE task SET done = TRUE WHERE id = 3")) {
          Db.exec(writer, write);
          assertThat(live.next()).isTrue();
          seen.add(live.getInt(1) + " " + live.getString(2) + " " + live.getString("_change"));
        }
        assertThat(seen)
            .containsExactly(
                "1 write INITIAL", "3 ship INSERT", "1 write more UPDATE", "3 ship DELETE");
        s.cancel();
        Db.assertSqlState("57014", live::next);
      }
    }
  }

  @Test
  void listenAndNotifyAcrossTwoConnections() throws SQLException {
    String url = Db.fileUrl(dir, "notify.db");
    try (Connection a = Db.open(url);
        Connection b = Db.open(url)) {
      Db.exec(a, "LISTEN jobs");
      Db.exec(b, "NOTIFY jobs, 'run 42'");
      io.pluresdb.jdbc.PluresNotification[] got =
          a.unwrap(io.pluresdb.jdbc.PluresConnection.class).getNotifications(5000);
      assertThat(got).hasSize(1);
      assertThat(got[0].getName()).isEqualTo("jobs");
      assertThat(got[0].getParameter()).isEqualTo("run 42");
    }
  }
}
