package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes to replicated tables that read the connection's TEMP tables, as import scripts do: each
 * gives SQLite's answer on the same statements (both databases real files), and what it writes is
 * replicated data, which another connection to the database sees.
 */
@Timeout(120)
class TempReadsTest {
  @TempDir Path dir;
  private Twin twin;

  @BeforeEach
  void open() throws SQLException {
    twin = new Twin(dir);
    twin.exec(
        "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER)",
        "INSERT INTO item VALUES (1, 'bolt', 10), (2, 'nut', 20), (3, 'gear', 5)",
        "CREATE TEMP TABLE staging (id INTEGER, name TEXT, qty INTEGER)",
        "INSERT INTO staging VALUES (2, 'nut', 25), (3, 'gear', 0), (7, 'cog', 3), (8, 'pin', 1)");
  }

  @AfterEach
  void close() throws SQLException {
    twin.close();
  }

  @Test
  void insertUpdateAndDeleteReadATempTableWithSqlitesAnswer() throws SQLException {
    twin.exec(
        "INSERT INTO item SELECT id, name, qty FROM staging WHERE id NOT IN (SELECT id FROM item)",
        "UPDATE item SET qty = (SELECT s.qty FROM staging s WHERE s.id = item.id)"
            + " WHERE id IN (SELECT id FROM staging)",
        "DELETE FROM item WHERE id IN (SELECT id FROM temp.staging WHERE qty = 0)");
    twin.assertSameAnswer("SELECT id, name, qty FROM item ORDER BY id");
    assertThat(Twin.rows(twin.plures, "SELECT id, qty FROM item ORDER BY id"))
        .containsExactly("1|10", "2|25", "7|3", "8|1");
    // replicated rows: another connection to the file reads them
    try (Connection other =
        DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("plures.db"))) {
      assertThat(Twin.rows(other, "SELECT id FROM item ORDER BY id"))
          .containsExactly("1", "2", "7", "8");
    }
  }

  @Test
  void aPreparedWriteReadsTheTempTableAsItIsAtEachExecution() throws SQLException {
    for (Connection c : List.of(twin.sqlite, twin.plures)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE item SET qty = qty + (SELECT sum(qty) FROM staging) WHERE id = ?")) {
        ps.setInt(1, 1);
        ps.executeUpdate();
        Twin.exec(c, "DELETE FROM staging WHERE id > 2");
        ps.setInt(1, 1);
        ps.executeUpdate();
      }
    }
    twin.assertSameAnswer("SELECT id, qty FROM item ORDER BY id");
    assertThat(Twin.rows(twin.plures, "SELECT qty FROM item WHERE id = 1")).containsExactly("64");
  }

  @Test
  void aTransactionsWritesFromTempTablesAreUndoneByRollback() throws SQLException {
    for (Connection c : List.of(twin.sqlite, twin.plures)) {
      c.setAutoCommit(false);
    }
    twin.exec("INSERT INTO item (id, name, qty) SELECT id + 100, name, qty FROM staging");
    twin.assertSameAnswer("SELECT count(*) FROM item");
    twin.sqlite.rollback();
    twin.plures.rollback();
    twin.exec(
        "INSERT INTO item (id, name, qty) SELECT id + 200, name, qty FROM staging WHERE qty > 2");
    twin.sqlite.commit();
    twin.plures.commit();
    twin.assertSameAnswer("SELECT id, name, qty FROM item ORDER BY id");
    assertThat(Twin.rows(twin.plures, "SELECT count(*) FROM item")).containsExactly("5");
  }

  @Test
  void createTableAsSelectReadsATempTable() throws SQLException {
    twin.exec("CREATE TABLE imported AS SELECT id, name FROM staging WHERE qty > 0");
    twin.assertSameAnswer("SELECT id, name FROM imported ORDER BY id");
    assertThat(Twin.rows(twin.plures, "SELECT count(*) FROM imported")).containsExactly("3");
  }

  @Test
  void aBatchOfWritesReadsTheTempTable() throws SQLException {
    for (Connection c : List.of(twin.sqlite, twin.plures)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE item SET qty = (SELECT qty FROM staging WHERE id = ?) WHERE id = ?")) {
        for (int id : new int[] {2, 3}) {
          ps.setInt(1, id);
          ps.setInt(2, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    twin.assertSameAnswer("SELECT id, qty FROM item ORDER BY id");
  }

  @Test
  void aTempQueryInATransactionSeesTheTransactionsOwnWrites() throws SQLException {
    for (Connection c : List.of(twin.sqlite, twin.plures)) {
      c.setAutoCommit(false);
    }
    twin.exec("INSERT INTO item VALUES (7, 'cog', 1)", "UPDATE item SET name = 'NUT' WHERE id = 2");
    twin.assertSameAnswer(
        "SELECT i.id, i.name, s.qty FROM item i JOIN staging s ON s.id = i.id ORDER BY i.id");
    twin.assertSameAnswer("SELECT count(*) FROM staging WHERE id IN (SELECT id FROM item)");
    assertThat(
            Twin.rows(
                twin.plures,
                "SELECT i.name FROM item i, staging s WHERE s.id = i.id ORDER BY i.id"))
        .containsExactly("NUT", "gear", "cog");
    twin.sqlite.rollback();
    twin.plures.rollback();
    twin.assertSameAnswer(
        "SELECT i.id, i.name, s.qty FROM item i JOIN staging s ON s.id = i.id ORDER BY i.id");
  }
}
