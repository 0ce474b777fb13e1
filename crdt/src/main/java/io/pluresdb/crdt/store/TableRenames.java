package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TriggerDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code ALTER TABLE t RENAME TO t2}, local or remote. The materialized table is renamed by SQLite
 * (which also rewrites its indexes and the foreign keys of other tables); the store's own records
 * of the table (tombstones, column declarations, drop horizons) move with it; the catalog follows
 * as SQLite's schema does: the table, its indexes and triggers, other tables' foreign keys, and the
 * text of the views and triggers that name it.
 *
 * <p>Merge rule: a table is an incarnation, which the rename moves to its new name. The rename is
 * kept in {@code _pl_renamed}, so a data operation naming {@code t} that arrives later (its writer
 * had not seen the rename) lands in {@code t2}, following further renames, as long as no table is
 * named {@code t} again on this node. A data operation naming {@code t2} that arrives before the
 * rename waits for it like any operation on a table not yet created.
 *
 * <p>Runs on the writer's connection inside its transaction; stateless.
 */
final class TableRenames {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_renamed (tbl TEXT COLLATE NOCASE PRIMARY KEY, to_tbl TEXT NOT NULL,"
          + " op BLOB NOT NULL)";

  /** The store's own tables that record something per user table. */
  private static final List<String> RECORDS =
      List.of("_pl_tomb", "_pl_added", "_pl_declared", "_pl_horizon", "_pl_altered");

  private TableRenames() {}

  static Catalog apply(Connection conn, Catalog cat, SchemaChange.RenameTable r, OpId id)
      throws SQLException {
    TableDef t = SchemaOps.requireTable(cat, r.table());
    String to = r.to();
    if (cat.table(to) != null || cat.views().containsKey(to) || cat.indexes().containsKey(to)) {
      throw Errors.of(
          SqlState.DUPLICATE_TABLE,
          "there is already another table or index with this name: '" + to + "'");
    }
    SchemaOps.ddl(
        conn, "ALTER TABLE " + TableSql.quote(t.name()) + " RENAME TO " + TableSql.quote(to));
    for (String records : RECORDS) {
      try (PreparedStatement ps =
          conn.prepareStatement("UPDATE " + records + " SET tbl = ? WHERE tbl = ?")) {
        ps.setString(1, to);
        ps.setString(2, t.name());
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM _pl_dropped WHERE tbl = ?")) {
      ps.setString(1, to);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT OR REPLACE INTO _pl_renamed(tbl, to_tbl, op) VALUES (?, ?, ?)")) {
      ps.setString(1, t.name());
      ps.setString(2, to);
      ps.setBytes(3, id.toBytes());
      ps.executeUpdate();
    }
    return renamed(cat, t, to);
  }

  private static Catalog renamed(Catalog cat, TableDef t, String to) {
    String from = t.name();
    Map<String, TableDef> tables = new HashMap<>();
    for (TableDef other : cat.tables().values()) {
      List<ForeignKeyDef> fks = new ArrayList<>();
      for (ForeignKeyDef fk : other.foreignKeys()) {
        fks.add(
            Names.same(fk.refTable(), from)
                ? new ForeignKeyDef(
                    fk.name(), fk.columns(), to, fk.refColumns(), fk.onDelete(), fk.onUpdate())
                : fk);
      }
      String name = other == t ? to : other.name();
      tables.put(
          name,
          new TableDef(
              name, other.columns(), other.primaryKey(), other.uniqueKeys(), other.checks(), fks));
    }
    Map<String, IndexDef> indexes = new HashMap<>();
    for (IndexDef ix : cat.indexes().values()) {
      indexes.put(
          ix.name(),
          Names.same(ix.table(), from)
              ? new IndexDef(ix.name(), to, ix.columns(), ix.unique(), ix.method(), ix.options())
              : ix);
    }
    Map<String, ViewDef> views = new HashMap<>();
    for (ViewDef v : cat.views().values()) {
      views.put(
          v.name(),
          new ViewDef(v.name(), SqlTokens.renameIdentifier(v.sql(), from, to), v.columns()));
    }
    Map<String, TriggerDef> triggers = new HashMap<>();
    for (TriggerDef tr : cat.triggers().values()) {
      List<String> body = new ArrayList<>();
      tr.body().forEach(s -> body.add(SqlTokens.renameIdentifier(s, from, to)));
      String when = tr.when() == null ? null : SqlTokens.renameIdentifier(tr.when(), from, to);
      triggers.put(
          tr.name(),
          new TriggerDef(
              tr.name(),
              Names.same(tr.table(), from) ? to : tr.table(),
              SqlTokens.renameIdentifier(tr.sql(), from, to),
              tr.timing(),
              tr.event(),
              tr.columns(),
              when,
              body));
    }
    Map<String, PolicyDef> policies = new HashMap<>();
    for (PolicyDef p : cat.policies().values()) {
      PolicyDef moved = Names.same(p.table(), from) ? p.onTable(to) : p;
      policies.put(moved.key(), moved);
    }
    return new Catalog(
        cat.version() + 1,
        tables,
        indexes,
        views,
        cat.sequences(),
        triggers,
        cat.settings(),
        policies);
  }

  /**
   * The table a data operation naming {@code table} belongs to now: {@code table} itself while a
   * table holds that name, else where its renames lead; null when it was never renamed.
   */
  static @Nullable String follow(Writer w, String table) throws SQLException {
    String at = table;
    Set<String> seen = new HashSet<>();
    while (w.catalog().table(at) == null && seen.add(at)) {
      PreparedStatement ps = w.prepare("SELECT to_tbl FROM _pl_renamed WHERE tbl = ?");
      ps.setString(1, at);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Names.same(at, table) ? null : at;
        }
        at = rs.getString(1);
      }
    }
    return Names.same(at, table) || w.catalog().table(at) == null ? null : at;
  }
}
