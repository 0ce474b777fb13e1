package io.pluresdb.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.store.postgres.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --store postgresql://…}: two hub processes on one real PostgreSQL. A write through
 * one hub reaches a client of the other; a client that reconnects to the other hub (its own hub
 * killed) goes on where it was, losing and repeating nothing.
 */
@Timeout(600)
class ServeOnPostgresTest {
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void twoHubsOnOnePostgresqlServeOneDatabase() throws Exception {
    String store = TestPostgres.freshDatabase();
    try (HubProcess one = HubProcess.start(dir, "--store", store);
        HubProcess two = HubProcess.start(dir, "--store", store)) {
      assertThat(one.output()).contains("store " + store);
      String a = "jdbc:pluresdb:" + dir.resolve("a.db");
      String b = "jdbc:pluresdb:" + dir.resolve("b.db") + "?peers=" + two.peerUrl();
      try (Connection ca = DriverManager.getConnection(a + "?peers=" + one.peerUrl());
          Connection cb = DriverManager.getConnection(b)) {
        run(ca, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)");
        run(ca, "INSERT INTO note VALUES (1, 'written through hub 1')");
        await().atMost(PATIENCE).until(() -> notes(cb).equals(List.of("1 written through hub 1")));
        run(cb, "INSERT INTO note VALUES (2, 'written through hub 2')");
        await().atMost(PATIENCE).until(() -> notes(ca).size() == 2);
      }

      // client a's hub is lost; a comes back through hub 2 and resumes
      one.kill();
      try (Connection cb = DriverManager.getConnection(b)) {
        run(cb, "INSERT INTO note VALUES (3, 'while a was away')");
        try (Connection ca = DriverManager.getConnection(a + "?peers=" + two.peerUrl())) {
          run(ca, "INSERT INTO note VALUES (4, 'a again, through hub 2')");
          List<String> all =
              List.of(
                  "1 written through hub 1",
                  "2 written through hub 2",
                  "3 while a was away",
                  "4 a again, through hub 2");
          await().atMost(PATIENCE).until(() -> notes(ca).equals(all));
          await().atMost(PATIENCE).until(() -> notes(cb).equals(all));
        }
      }
      // the shared log holds each transaction once: the table, four inserts
      try (Connection pg = DriverManager.getConnection(jdbc(store), "postgres", "");
          Statement s = pg.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT tx_id) FROM pl_log")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(5);
        assertThat(rs.getLong(2)).isEqualTo(5);
      }
    }
  }

  @Test
  void aStoreThatCannotBeReachedStopsServeWithTheReason() throws Exception {
    CliProcess r =
        CliProcess.run(dir, "serve", "--port", "0", "--store", "postgresql://127.0.0.1:1/nowhere");
    assertThat(r.exit()).isNotZero();
    assertThat(r.output() + r.errors()).contains("127.0.0.1:1");
  }

  private static String jdbc(String uri) {
    return "jdbc:postgresql://" + uri.substring(uri.indexOf('@') + 1);
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> notes(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, body FROM note ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + " " + rs.getString(2));
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState()) || e.getMessage().contains("note")) {
        return out; // the table has not arrived yet
      }
      throw e;
    }
    return out;
  }
}
