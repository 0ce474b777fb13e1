package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JDBC savepoints and SQL's SAVEPOINT / RELEASE / ROLLBACK TO, with SQLite's meaning. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SavepointTest {
  @TempDir Path dir;
  String url;

  @BeforeEach
  void createTable() throws Exception {
    url = Db.fileUrl(dir, "sp");
    try (Connection c = Db.open(url)) {
      Db.exec(c, "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20))");
    }
  }

  private static List<Integer> ids(Connection c) throws Exception {
    List<Integer> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM item ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }

  @Test
  void rollingBackToASavepointUndoesOnlyTheWritesAfterIt() throws Exception {
    try (Connection c = Db.open(url);
        Connection other = Db.open(url)) {
      assertThat(c.getMetaData().supportsSavepoints()).isTrue();
      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO item VALUES (1, 'kept')");
      Savepoint sp = c.setSavepoint();
      Db.exec(
          c, "INSERT INTO item VALUES (2, 'undone')", "UPDATE item SET name = 'x' WHERE id = 1");
      c.rollback(sp);
      assertThat(ids(c)).containsExactly(1);
      assertThat(Db.scalar(c, "SELECT name FROM item WHERE id = 1")).isEqualTo("kept");
      Db.exec(c, "INSERT INTO item VALUES (3, 'after')");
      c.commit();
      assertThat(ids(other)).containsExactly(1, 3);
    }
  }

  @Test
  void namedSavepointsNestAndReleaseKeepsTheirWrites() throws Exception {
    try (Connection c = Db.open(url)) {
      c.setAutoCommit(false);
      Savepoint outer = c.setSavepoint("outer");
      Db.exec(c, "INSERT INTO item VALUES (1, 'a')");
      Savepoint inner = c.setSavepoint("inner");
      Db.exec(c, "INSERT INTO item VALUES (2, 'b')");
      c.releaseSavepoint(inner);
      assertThat(ids(c)).containsExactly(1, 2);
      assertThat(outer.getSavepointName()).isEqualTo("outer");
      Db.assertSqlState("3B001", () -> c.rollback(inner)); // released with its writes kept
      c.rollback(outer);
      assertThat(ids(c)).isEmpty();
      c.commit();
      assertThat(ids(c)).isEmpty();
    }
  }

  @Test
  void aSavepointOutsideATransactionBeginsOneThatReleasingCommits() throws Exception {
    try (Connection c = Db.open(url);
        Connection other = Db.open(url)) {
      Db.exec(c, "SAVEPOINT s1", "INSERT INTO item VALUES (1, 'a')", "SAVEPOINT s2");
      Db.exec(c, "INSERT INTO item VALUES (2, 'b')", "ROLLBACK TRANSACTION TO SAVEPOINT s2");
      Db.exec(c, "INSERT INTO item VALUES (3, 'c')", "ROLLBACK TO s2");
      assertThat(ids(other)).as("nothing is committed before RELEASE").isEmpty();
      Db.exec(c, "RELEASE s1");
      assertThat(ids(other)).containsExactly(1);
      Db.exec(c, "INSERT INTO item VALUES (4, 'd')");
      assertThat(ids(other)).as("auto-commit again after the release").containsExactly(1, 4);
    }
  }

  @Test
  void aRepeatedNameMeansTheNewestSavepointAndNamesIgnoreCase() throws Exception {
    try (Connection c = Db.open(url)) {
      Db.exec(c, "BEGIN", "SAVEPOINT x", "INSERT INTO item VALUES (1, 'a')", "SAVEPOINT x");
      Db.exec(c, "INSERT INTO item VALUES (2, 'b')", "ROLLBACK TO SAVEPOINT X");
      assertThat(ids(c)).containsExactly(1);
      Db.exec(c, "RELEASE SAVEPOINT x", "ROLLBACK TO x", "COMMIT");
      assertThat(ids(c)).isEmpty();
    }
  }

  @Test
  void anUnknownSavepointIsInvalidSavepointSpecification() throws Exception {
    try (Connection c = Db.open(url);
        Connection d = Db.open(url)) {
      Db.assertSqlState("3B001", () -> Db.exec(c, "RELEASE nowhere"));
      Db.assertSqlState("3B001", () -> Db.exec(c, "ROLLBACK TO nowhere"));
      c.setAutoCommit(false);
      d.setAutoCommit(false);
      Savepoint foreign = d.setSavepoint();
      Db.assertSqlState("3B001", () -> c.rollback(foreign));
      Db.exec(c, "SAVEPOINT a");
      c.commit();
      Db.assertSqlState("3B001", () -> Db.exec(c, "RELEASE a"));
    }
  }

  @Test
  void writesRolledBackToASavepointNeverReachALiveQuery() throws Exception {
    try (Connection reader = Db.open(url);
        Connection writer = Db.open(url);
        Statement s = reader.createStatement();
        ResultSet live = s.executeQuery("SUBSCRIBE SELECT id, name FROM item")) {
      writer.setAutoCommit(false);
      Db.exec(writer, "INSERT INTO item VALUES (1, 'kept')");
      Savepoint sp = writer.setSavepoint("sp");
      Db.exec(writer, "INSERT INTO item VALUES (2, 'undone')");
      Db.exec(writer, "UPDATE item SET name = 'undone' WHERE id = 1");
      writer.rollback(sp);
      Db.exec(writer, "INSERT INTO item VALUES (3, 'kept')");
      writer.commit();
      Db.exec(writer, "INSERT INTO item VALUES (4, 'marker')");
      writer.commit();
      List<String> seen = new ArrayList<>();
      while (seen.size() < 3) {
        assertThat(live.next()).isTrue();
        seen.add(live.getInt(1) + " " + live.getString(2) + " " + live.getString("_change"));
      }
      // the marker commits last, so the changes before it have all been delivered by then
      assertThat(seen)
          .containsExactlyInAnyOrder("1 kept INSERT", "3 kept INSERT", "4 marker INSERT");
      s.cancel();
    }
  }
}
