package io.pluresdb.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pluresdb backup} on real files: from a second OS process while this one holds the database
 * and writes to it, as the same node or as a new one.
 */
@Timeout(300)
class BackupCommandTest {
  @TempDir Path dir;
  Path db;

  @BeforeEach
  void createDatabase() throws SQLException {
    PluresDriver.register();
    db = dir.resolve("app.db");
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
      s.execute("INSERT INTO note VALUES (1, 'before the backup')");
    }
  }

  @Test
  void aBackupTakenBesideAWritingOwnerIsAConsistentCopyOfTheSameNode() throws Exception {
    Path copy = dir.resolve("copy.db");
    String node;
    long written;
    try (Connection owner = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      node = owner.unwrap(PluresConnection.class).nodeId();
      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<Long> writes = CompletableFuture.supplyAsync(() -> write(owner, stop));
      CliProcess backup;
      try {
        backup = CliProcess.run(dir, "backup", db.toString(), copy.toString());
      } finally {
        stop.set(true);
      }
      written = writes.get(240, TimeUnit.SECONDS);
      assertThat(backup.exit()).as(backup.errors()).isZero();
      assertThat(backup.errors()).contains("the same node");
    }
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + copy)) {
      assertThat(c.unwrap(PluresConnection.class).nodeId()).isEqualTo(node);
      List<Long> ids = ids(c);
      assertThat(ids).first().isEqualTo(1L);
      // a prefix of the writer's rows: 1, then 2, 3 … without a gap, none after the last written
      for (int i = 1; i < ids.size(); i++) {
        assertThat(ids.get(i)).isEqualTo(i + 1L);
      }
      assertThat(ids.size()).isLessThanOrEqualTo((int) written + 1);
    }
  }

  @Test
  void aBackupAsANewNodeHasItsOwnIdentityAndTheSameData() throws Exception {
    Path copy = dir.resolve("new-node.db");
    String node;
    try (Connection owner = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      node = owner.unwrap(PluresConnection.class).nodeId();
    }
    assertThat(Main.run("backup", db.toString(), copy.toString(), "--as-new-node")).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + copy)) {
      PluresConnection p = c.unwrap(PluresConnection.class);
      assertThat(p.nodeId()).isNotEqualTo(node);
      assertThat(ids(c)).containsExactly(1L);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO note VALUES (2, 'written by the new node')");
        s.execute("UPDATE note SET body = 'changed by the new node' WHERE id = 1");
      }
      assertThat(ids(c)).containsExactly(1L, 2L);
    }
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      assertThat(c.unwrap(PluresConnection.class).nodeId()).isEqualTo(node);
      assertThat(ids(c)).as("the original is untouched").containsExactly(1L);
    }
  }

  @Test
  void aBackupRefusesAMissingDatabaseAndAnExistingCopy() throws Exception {
    Path taken = dir.resolve("taken.db");
    Files.writeString(taken, "data");
    assertThat(Main.run("backup", dir.resolve("missing.db").toString(), taken.toString()))
        .isEqualTo(1);
    assertThat(Files.exists(dir.resolve("missing.db"))).isFalse();
    assertThat(Main.run("backup", db.toString(), taken.toString(), "--as-new-node")).isEqualTo(1);
    assertThat(Files.readString(taken)).isEqualTo("data");
  }

  /** Inserts rows 2, 3 … one transaction each until stopped (at least 3); returns how many. */
  private static long write(Connection c, AtomicBoolean stop) {
    long n = 0;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO note VALUES (?, 'written')")) {
      while (n < 3 || !stop.get()) {
        p.setLong(1, n + 2);
        p.executeUpdate();
        n++;
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Long> ids(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM note ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
