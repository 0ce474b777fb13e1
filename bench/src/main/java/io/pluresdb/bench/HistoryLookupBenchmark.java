package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One entity's history on a log of 10,100 transactions (100 inserts, then 10,000 auto-commit
 * updates spread over the 100 rows): {@code SELECT … FROM sys_history WHERE tbl = 'note' AND entity
 * = '42'}, all rows read. Targets: {@code pluresdb} (the filter reaches the log's entity index, so
 * only that entity's records are decoded), {@code pluresdb_index_scan} (the same rows with the
 * filter hidden from the index's search, so SQLite scans every index entry; it still decodes only
 * the matching records), and {@code sqlite_audit}, raw sqlite-jdbc reading an audit table an
 * application would keep itself (one row per field change, indexed by table and entity). The score
 * is microseconds per lookup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HistoryLookupBenchmark {
  static final int ROWS = 100;
  static final int UPDATES = 10_000;
  private static final String LOOKUP =
      "SELECT op, field, \"value\", changed_at, node FROM sys_history"
          + " WHERE tbl = 'note' AND entity = '42'";

  @Param({"pluresdb", "pluresdb_index_scan", "sqlite_audit"})
  public String target;

  private Path dir;
  private Connection connection;
  private PreparedStatement lookup;

  @Setup(Level.Trial)
  public void seed() throws Exception {
    dir = Fixture.tempDir("bench-history");
    Path file = dir.resolve("history.db");
    boolean raw = target.equals("sqlite_audit");
    connection = (raw ? Target.SQLITE : Target.PLURESDB).open(file);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100), n INTEGER)");
      if (raw) {
        s.execute(
            "CREATE TABLE audit (tbl TEXT, entity TEXT, op TEXT, field TEXT, \"value\" TEXT,"
                + " changed_at TEXT, node TEXT)");
        s.execute("CREATE INDEX audit_entity ON audit (tbl, entity)");
      }
    }
    write(raw);
    String sql =
        switch (target) {
          case "pluresdb" -> LOOKUP;
          case "pluresdb_index_scan" ->
              LOOKUP.replace(
                  "tbl = 'note' AND entity = '42'", "tbl || '' = 'note' AND entity || '' = '42'");
          default -> LOOKUP.replace("sys_history", "audit");
        };
    lookup = connection.prepareStatement(sql);
    if (count() != 2 + UPDATES / ROWS + 1) {
      throw new IllegalStateException(target + ": " + count() + " changes of entity 42");
    }
  }

  /** The inserts and updates, each its own transaction (and, raw, with its audit rows). */
  private void write(boolean raw) throws SQLException {
    try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO note VALUES (?, ?, 0)");
        PreparedStatement update =
            connection.prepareStatement("UPDATE note SET body = ? WHERE id = ?");
        PreparedStatement audit =
            raw
                ? connection.prepareStatement(
                    "INSERT INTO audit VALUES ('note', ?, ?, ?, ?, datetime('now'), 'node')")
                : null) {
      for (int id = 0; id < ROWS; id++) {
        insert.setLong(1, id);
        insert.setString(2, "note " + id);
        insert.executeUpdate();
        if (audit != null) {
          audit(audit, id, "INSERT", "id", Integer.toString(id));
          audit(audit, id, "INSERT", "body", "note " + id);
          audit(audit, id, "INSERT", "n", "0");
        }
      }
      for (int i = 0; i < UPDATES; i++) {
        int id = i % ROWS;
        update.setString(1, "edit " + i);
        update.setLong(2, id);
        update.executeUpdate();
        if (audit != null) {
          audit(audit, id, "UPDATE", "body", "edit " + i);
        }
      }
    }
  }

  private static void audit(PreparedStatement audit, int id, String op, String field, String v)
      throws SQLException {
    audit.setString(1, Integer.toString(id));
    audit.setString(2, op);
    audit.setString(3, field);
    audit.setString(4, v);
    audit.executeUpdate();
  }

  private int count() throws SQLException {
    int n = 0;
    try (ResultSet rs = lookup.executeQuery()) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    lookup.close();
    connection.close();
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public int historyLookup() throws Exception {
    return count();
  }
}
