package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.op.SchemaJson;
import io.pluresdb.crdt.schema.Catalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The store's internal tables (all prefixed {@code _pl_}): identity and catalog ({@code _pl_meta}),
 * the log with one row per transaction ({@code _pl_log}), the version vector ({@code _pl_vv}),
 * remote transactions waiting for their precursors ({@code _pl_pending}, see {@link ParkedTable}),
 * the merge state of deleted entities and of entities hidden by a UNIQUE conflict ({@code
 * _pl_tomb}), dropped tables ({@code _pl_dropped}), the operation ids of added columns ({@code
 * _pl_added}), recorded conflicts ({@code _pl_conflicts}, queryable by users), pinned node keys
 * ({@code _pl_keys}) and every type a column of a table with a schema clash was declared with
 * ({@code _pl_declared}, see {@link TableClash}), and the tables whose columns were renamed or
 * dropped ({@code _pl_altered}, see {@link AlteredTables}), and the edits of mergeable text fields
 * ({@code _pl_text}, see {@link TextColumns}).
 *
 * <p>Table and column names in these tables compare ignoring case ({@code COLLATE NOCASE}), as the
 * catalog's names do: an operation may name its table in any case. Stores created before names were
 * kept as written hold lower-case names only, which compare the same either way.
 *
 * <p>Not thread-safe: used while opening, then by the holder of the writer permit.
 */
final class Meta {
  static final int FORMAT = 2;

  /** A node's entry in the version vector. */
  record Version(OpId last, OpId tx) {}

  private static final String[] TABLES = {
    "CREATE TABLE IF NOT EXISTS _pl_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS _pl_log (seq INTEGER PRIMARY KEY, tx BLOB NOT NULL UNIQUE,"
        + " node INTEGER NOT NULL, data BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS _pl_vv (node INTEGER PRIMARY KEY, last BLOB NOT NULL,"
        + " tx BLOB NOT NULL)",
    ParkedTable.DDL,
    "CREATE TABLE IF NOT EXISTS _pl_tomb (tbl TEXT COLLATE NOCASE NOT NULL, key BLOB NOT NULL,"
        + " state BLOB NOT NULL, hidden INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (tbl, key))"
        + " WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS _pl_tomb_hidden ON _pl_tomb (tbl) WHERE hidden = 1",
    "CREATE TABLE IF NOT EXISTS _pl_dropped (tbl TEXT COLLATE NOCASE PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS _pl_added (tbl TEXT COLLATE NOCASE NOT NULL, col TEXT COLLATE NOCASE NOT NULL, op BLOB NOT NULL,"
        + " PRIMARY KEY (tbl, col))",
    "CREATE TABLE IF NOT EXISTS _pl_conflicts (id INTEGER PRIMARY KEY, tbl TEXT COLLATE NOCASE NOT NULL,"
        + " entity TEXT NOT NULL, op TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT)",
    KeyTable.DDL,
    "CREATE TABLE IF NOT EXISTS _pl_declared (tbl TEXT COLLATE NOCASE NOT NULL, col TEXT COLLATE NOCASE NOT NULL,"
        + " type TEXT NOT NULL, PRIMARY KEY (tbl, col, type)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS _pl_horizon (tbl TEXT COLLATE NOCASE PRIMARY KEY, op BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS _pl_altered (tbl TEXT COLLATE NOCASE PRIMARY KEY)",
    TableRenames.DDL,
    ColumnAlters.DDL,
    Folded.DDL,
    FoldedStates.DDL,
    PeerAcks.DDL,
    TextColumns.DDL,
    JsonColumns.DDL,
    LogIndex.DDL
  };

  private final Connection conn;

  Meta(Connection conn) {
    this.conn = conn;
  }

  /** Creates the internal tables, or upgrades those of an older version in place at {@code now}. */
  void createTables(Instant now) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      for (String ddl : TABLES) {
        s.execute(ddl);
      }
      ParkedTable.upgrade(s, now);
      LogIndex.catchUp(conn);
      String format = get("format");
      if (format == null) {
        put("format", Integer.toString(FORMAT));
      } else if (!format.equals(Integer.toString(FORMAT))) {
        s.execute("ROLLBACK");
        throw Errors.of(
            SqlState.DATA_CORRUPTED,
            "unsupported store format " + format + " (this version reads " + FORMAT + ")");
      }
      s.execute("COMMIT");
    }
  }

  String get(String k) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM _pl_meta WHERE k=?")) {
      ps.setString(1, k);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  void put(String k, String v) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT OR REPLACE INTO _pl_meta(k, v) VALUES (?,?)")) {
      ps.setString(1, k);
      ps.setString(2, v);
      ps.executeUpdate();
    }
  }

  void delete(String k) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM _pl_meta WHERE k=?")) {
      ps.setString(1, k);
      ps.executeUpdate();
    }
  }

  String databaseId() throws SQLException {
    String id = get("database");
    if (id == null) {
      id = UUID.randomUUID().toString();
      put("database", id);
    }
    return id;
  }

  Catalog catalog() throws SQLException {
    String json = get("catalog");
    return json == null ? Catalog.empty() : SchemaJson.readCatalog(json);
  }

  Map<Long, Version> versions() throws SQLException {
    Map<Long, Version> out = new HashMap<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT node, last, tx FROM _pl_vv")) {
      while (rs.next()) {
        out.put(
            rs.getLong(1),
            new Version(OpId.fromBytes(rs.getBytes(2)), OpId.fromBytes(rs.getBytes(3))));
      }
    }
    return out;
  }

  Set<String> tombTables(boolean hiddenOnly) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT tbl FROM _pl_tomb" + (hiddenOnly ? " WHERE hidden = 1" : ""))) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  void appendLog(Writer w, long seq, OpId tx, byte[] record) throws SQLException {
    PreparedStatement ps = w.prepare("INSERT INTO _pl_log(seq, tx, node, data) VALUES (?,?,?,?)");
    ps.setLong(1, seq);
    ps.setBytes(2, tx.toBytes());
    ps.setLong(3, tx.node());
    ps.setBytes(4, record);
    ps.executeUpdate();
  }

  /** The last log position used (0 for an empty log). */
  long lastSeq() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM _pl_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** True once the database identity may no longer be replaced by a peer's. */
  boolean databaseSealed() throws SQLException {
    return get("database_sealed") != null;
  }

  void adoptDatabase(String id) throws SQLException {
    put("database", id);
    put("database_sealed", "1");
  }

  void saveVersion(Writer w, long node, Version v) throws SQLException {
    PreparedStatement ps =
        w.prepare(
            "INSERT INTO _pl_vv(node, last, tx) VALUES (?,?,?)"
                + " ON CONFLICT(node) DO UPDATE SET last=excluded.last, tx=excluded.tx");
    ps.setLong(1, node);
    ps.setBytes(2, v.last().toBytes());
    ps.setBytes(3, v.tx().toBytes());
    ps.executeUpdate();
  }

  void saveCatalog(Writer w, Catalog c) throws SQLException {
    PreparedStatement ps = w.prepare("INSERT OR REPLACE INTO _pl_meta(k, v) VALUES ('catalog',?)");
    ps.setString(1, SchemaJson.write(c));
    ps.executeUpdate();
  }
}
