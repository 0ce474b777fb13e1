package io.pluresdb.crdt.store;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The single writer's connection and what it caches: prepared statements by SQL text, the SQL of
 * each materialized table, the working catalog and which tables have tombstones or hidden entities
 * (so writes to tables without any skip those lookups).
 *
 * <p>Not thread-safe: used only by the holder of the store's writer permit.
 */
final class Writer {
  final Connection conn;

  /** This store's node id, which local clocks leave out (see {@link ClockVector}). */
  final long node;

  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Map<String, TableSql> tables = Names.map();
  final Set<String> tombTables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  /** Tables with entities hidden by a UNIQUE conflict (see {@link Rivals}). */
  final Set<String> hiddenTables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  private Catalog catalog;

  private @Nullable TextColumns texts;

  private @Nullable JsonColumns jsons;

  Writer(Connection conn, long node, Catalog catalog) throws SQLException {
    this.conn = conn;
    this.node = node;
    this.catalog = catalog;
    // sqlite-jdbc then keeps a deferred transaction open and commits on request; in auto-commit
    // mode it would probe with a failing BEGIN after every statement of an explicit transaction
    conn.setAutoCommit(false);
  }

  /** Starts a write transaction: nothing to do, one is always open (see the constructor). */
  void begin() {
    // the deferred transaction takes SQLite's write lock at the first write
  }

  void commit() throws SQLException {
    conn.commit();
  }

  void rollback() throws SQLException {
    conn.rollback();
  }

  /**
   * Rolls back and returns to the {@code committed} catalog after {@code cause} ended a
   * transaction; failures of either step are added to {@code cause} rather than thrown, so the
   * caller rethrows the error that matters.
   */
  void rollbackAfter(Exception cause, Catalog committed) {
    try {
      rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    try {
      catalog(committed);
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Runs pragmas that SQLite ignores inside a transaction, between transactions. */
  void pragmas(String... sql) throws SQLException {
    conn.setAutoCommit(true);
    try {
      for (String s : sql) {
        exec(s);
      }
    } finally {
      conn.setAutoCommit(false);
    }
  }

  /** The documents of mergeable text fields, with their cache. */
  TextColumns texts() {
    TextColumns t = texts;
    if (t == null) {
      t = new TextColumns(this);
      texts = t;
    }
    return t;
  }

  /** The documents of JSON fields. */
  JsonColumns jsons() {
    JsonColumns j = jsons;
    if (j == null) {
      j = new JsonColumns(this);
      jsons = j;
    }
    return j;
  }

  Catalog catalog() {
    return catalog;
  }

  /** Switches to another catalog; cached table SQL and statements are dropped. */
  void catalog(Catalog next) throws SQLException {
    if (next != catalog) {
      catalog = next;
      tables.clear();
      closeStatements();
    }
  }

  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = conn.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /** The SQL of a table of the working catalog, or null if there is no such table. */
  TableSql table(String name) {
    TableSql t = tables.get(name);
    if (t == null) {
      TableDef def = catalog.table(name);
      if (def == null) {
        return null;
      }
      t = new TableSql(def);
      tables.put(name, t);
    }
    return t;
  }

  void exec(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(sql);
    }
  }

  void closeStatements() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      ps.close();
    }
    statements.clear();
  }
}
