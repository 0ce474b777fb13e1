package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * {@code VACUUM} and {@code VACUUM INTO} on real files while another connection writes: each copy
 * holds whole transactions only (a prefix of the writer's), opens as a database, and the file
 * vacuumed in place keeps every row written around it.
 */
@Timeout(300)
class VacuumTest {
  /** Rows per writer transaction, each also adding to a running total in the same transaction. */
  private static final int BATCH = 10;

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void createDatabase() throws SQLException {
    PluresDriver.register();
    db = dir.resolve("app.db");
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      Db.exec(
          c,
          "CREATE TABLE item (id BIGINT PRIMARY KEY, body VARCHAR(200))",
          "CREATE TABLE total (id INT PRIMARY KEY, n BIGINT NOT NULL)",
          "INSERT INTO total VALUES (1, 0)");
    }
  }

  @Test
  void copiesTakenWhileAWriterRunsHoldWholeTransactionsInOrder() throws Exception {
    try (Connection owner = DriverManager.getConnection("jdbc:pluresdb:" + db);
        Connection writer = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<Long> writes = CompletableFuture.supplyAsync(() -> write(writer, stop));
      List<Path> copies = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Path copy = dir.resolve("copy-" + i + ".db");
          try (Statement s = owner.createStatement()) {
            s.execute("VACUUM INTO '" + copy + "'");
          }
          copies.add(copy);
        }
      } finally {
        stop.set(true);
      }
      long written = writes.get(240, TimeUnit.SECONDS);
      long previous = -1;
      for (Path copy : copies) {
        try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + copy)) {
          long rows = single(c, "SELECT count(*) FROM item");
          assertThat(single(c, "SELECT n FROM total")).as(copy.toString()).isEqualTo(rows);
          assertThat(rows % BATCH).as("whole transactions only").isZero();
          assertThat(single(c, "SELECT coalesce(max(id), 0) FROM item"))
              .as("a prefix of the writer's transactions")
              .isEqualTo(rows);
          assertThat(rows).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(written);
          previous = rows;
          Db.exec(c, "INSERT INTO item VALUES (0, 'the copy takes writes')");
        }
      }
    }
  }

  @Test
  void vacuumInPlaceKeepsEveryRowAndShrinksTheFile() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + db);
        Connection writer = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      String body = "x".repeat(200);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO item VALUES (?, ?)")) {
        for (int i = 1_000_000; i < 1_003_000; i++) {
          p.setLong(1, i);
          p.setString(2, body);
          p.addBatch();
        }
        p.executeBatch();
      }
      Db.exec(c, "DELETE FROM item");
      long before = checkpointedSize();
      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<Long> writes = CompletableFuture.supplyAsync(() -> write(writer, stop));
      Db.exec(c, "VACUUM");
      stop.set(true);
      long written = writes.get(240, TimeUnit.SECONDS);
      assertThat(single(c, "SELECT count(*) FROM item")).isEqualTo(written);
      assertThat(single(c, "SELECT n FROM total")).isEqualTo(written);
      assertThat(checkpointedSize()).isLessThan(before);
    }
    // reopened: the file itself holds them
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + db)) {
      assertThat(single(c, "SELECT count(*) FROM item"))
          .isEqualTo(single(c, "SELECT n FROM total"));
    }
  }

  @Test
  void vacuumRefusesWhatSqliteRefuses() throws Exception {
    Path taken = dir.resolve("taken.db");
    Files.writeString(taken, "not empty");
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + db);
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("VACUUM INTO '" + taken + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(taken.toString())
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("58P02");
      assertThatThrownBy(() -> s.execute("VACUUM other"))
          .hasMessageContaining("unknown database other")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("3F000");
      assertThatThrownBy(() -> s.execute("VACUUM INTO copy.db"))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42601");
      c.setAutoCommit(false);
      s.execute("INSERT INTO item VALUES (1, 'in a transaction')");
      assertThatThrownBy(() -> s.execute("VACUUM"))
          .hasMessageContaining("cannot VACUUM from within a transaction")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("25001");
      c.rollback();
      c.setAutoCommit(true);
      s.execute("VACUUM main");
      Path copy = dir.resolve("it's a copy.db");
      s.execute("VACUUM main INTO '" + copy.toString().replace("'", "''") + "';");
      assertThat(Files.size(copy)).isPositive();
    }
  }

  /**
   * The size of the database file once its WAL is folded in, checkpointed on a plain SQLite
   * connection (the store's own checkpoints run when SQLite sees fit).
   */
  private long checkpointedSize() throws Exception {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = raw.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return Files.size(db);
  }

  /** Writes transactions of {@link #BATCH} rows until stopped (at least 3); returns the rows. */
  private static long write(Connection c, AtomicBoolean stop) {
    long id = 0;
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO item VALUES (?, ?)");
        PreparedStatement add = c.prepareStatement("UPDATE total SET n = n + ? WHERE id = 1")) {
      c.setAutoCommit(false);
      for (int tx = 0; tx < 3 || !stop.get(); tx++) {
        for (int i = 0; i < BATCH; i++) {
          insert.setLong(1, ++id);
          insert.setString(2, "row " + id);
          insert.executeUpdate();
        }
        add.setLong(1, BATCH);
        add.executeUpdate();
        c.commit();
      }
      c.setAutoCommit(true);
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
