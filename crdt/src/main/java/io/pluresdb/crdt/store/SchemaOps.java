package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SequenceDef;
import io.pluresdb.crdt.schema.Setting;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TriggerDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a schema change against a catalog, runs its SQLite DDL and returns the next catalog
 * (version + 1). Local and remote schema changes go through here alike; {@code id} is the schema
 * operation's id, which orders added columns (see {@link AddedColumns}); {@code node} is this
 * store's node id, which its stored clocks leave out (see {@link ClockVector}).
 */
final class SchemaOps {
  private SchemaOps() {}

  static Catalog apply(Connection conn, long node, Catalog cat, SchemaChange change, OpId id)
      throws SQLException {
    Map<String, TableDef> tables = Names.copy(cat.tables());
    Map<String, IndexDef> indexes = Names.copy(cat.indexes());
    Map<String, ViewDef> views = Names.copy(cat.views());
    Map<String, SequenceDef> sequences = Names.copy(cat.sequences());
    if (change instanceof SchemaChange.RenameTable r) {
      return TableRenames.apply(conn, cat, r, id);
    }
    if (change instanceof SchemaChange.SetPragma p) {
      return setting(cat, p, id);
    }
    if (change instanceof SchemaChange.CreateTrigger
        || change instanceof SchemaChange.DropTrigger) {
      return TriggerChanges.apply(cat, change);
    }
    if (change instanceof SchemaChange.CreatePolicy || change instanceof SchemaChange.DropPolicy) {
      return PolicyChanges.apply(cat, change);
    }
    if (change instanceof SchemaChange.AlterColumn a) {
      return ColumnAlters.apply(conn, cat, a, id);
    }
    if (change instanceof SchemaChange.RenameColumn || change instanceof SchemaChange.DropColumn) {
      return ColumnChanges.apply(conn, node, cat, change, id);
    }
    if (change instanceof SchemaChange.CreateTable c) {
      TableDef t = c.table();
      requireNew(cat, t.name());
      validate(t);
      ddl(conn, TableSql.createTable(t));
      for (ColumnDef col : t.columns()) {
        // which operation declared each column: orders later columns, dates the table (TableClash)
        AddedColumns.record(conn, t.name(), col.name(), id);
      }
      Declarations.table(conn, t);
      tables.put(t.name(), t);
      ddl(conn, "DELETE FROM _pl_dropped WHERE tbl = '" + t.name().replace("'", "''") + "'");
    } else if (change instanceof SchemaChange.DropTable d) {
      requireTable(cat, d.table());
      indexes.values().removeIf(i -> Names.same(i.table(), d.table()));
      tables.remove(d.table());
      ddl(conn, "DROP TABLE " + TableSql.quote(d.table()));
      AddedColumns.forget(conn, d.table());
      DropHorizon.raise(conn, d.table(), id);
      String lit = "'" + d.table().replace("'", "''") + "'";
      ddl(conn, "DELETE FROM _pl_tomb WHERE tbl = " + lit);
      ddl(conn, "INSERT OR IGNORE INTO _pl_dropped(tbl) VALUES (" + lit + ")");
    } else if (change instanceof SchemaChange.AddColumn a) {
      TableDef t = requireTable(cat, a.table());
      if (t.columnIndex(a.column().name()) >= 0
          || a.column().name().startsWith("_")
              && (Names.same(a.column().name(), TableSql.CLOCK)
                  || a.column().name().equals("_id"))) {
        throw Errors.of(
            SqlState.DUPLICATE_COLUMN,
            "column '" + a.column().name() + "' of table '" + a.table() + "' already exists");
      }
      ddl(
          conn,
          "ALTER TABLE "
              + TableSql.quote(t.name())
              + " ADD COLUMN "
              + TableSql.columnSql(a.column(), false));
      List<ColumnDef> cols = new ArrayList<>(t.columns());
      int pos =
          AddedColumns.position(conn, t.name(), cols.stream().map(ColumnDef::name).toList(), id);
      if (pos < cols.size()) {
        AddedColumns.shiftClocks(conn, node, t.name(), cols.size(), pos);
      }
      cols.add(pos, a.column());
      AddedColumns.record(conn, t.name(), a.column().name(), id);
      Declarations.column(conn, t.name(), a.column());
      tables.put(
          t.name(),
          new TableDef(
              t.name(), cols, t.primaryKey(), t.uniqueKeys(), t.checks(), t.foreignKeys()));
    } else if (change instanceof SchemaChange.AddForeignKey a) {
      TableDef t = requireTable(cat, a.table());
      tables.put(t.name(), ForeignKeyChanges.add(conn, cat, t, a.foreignKey()));
    } else if (change instanceof SchemaChange.DropConstraint d) {
      TableDef t = requireTable(cat, d.table());
      tables.put(t.name(), ForeignKeyChanges.drop(conn, t, d.constraint()));
    } else if (change instanceof SchemaChange.CreateIndex c) {
      IndexDef ix = c.index();
      if (indexes.containsKey(ix.name()) || tables.containsKey(ix.name())) {
        throw Errors.of(SqlState.DUPLICATE_TABLE, "index '" + ix.name() + "' already exists");
      }
      TableDef t = requireTable(cat, ix.table());
      for (String col : ix.columns()) {
        requireColumn(t, col);
      }
      if ("btree".equalsIgnoreCase(ix.method())) {
        ddl(conn, TableSql.createIndex(ix));
      }
      indexes.put(ix.name(), ix);
    } else if (change instanceof SchemaChange.DropIndex d) {
      IndexDef ix = indexes.remove(d.index());
      if (ix == null) {
        throw Errors.of(SqlState.UNDEFINED_OBJECT, "index '" + d.index() + "' does not exist");
      }
      if ("btree".equalsIgnoreCase(ix.method())) {
        ddl(conn, "DROP INDEX " + TableSql.quote(ix.name()));
      }
    } else if (change instanceof SchemaChange.CreateView v) {
      requireNew(cat, v.view().name());
      views.put(v.view().name(), v.view());
    } else if (change instanceof SchemaChange.DropView d) {
      if (views.remove(d.view()) == null) {
        throw Errors.of(SqlState.UNDEFINED_TABLE, "view '" + d.view() + "' does not exist");
      }
    } else if (change instanceof SchemaChange.CreateSequence c) {
      SequenceDef seq = c.sequence();
      if (seq.increment() < 1 || seq.increment() > SequenceDef.MAX_INCREMENT) {
        throw Errors.of(
            SqlState.INVALID_PARAMETER_VALUE,
            "INCREMENT BY of sequence '"
                + seq.name()
                + "' must be between 1 and "
                + SequenceDef.MAX_INCREMENT
                + ", got "
                + seq.increment());
      }
      if (sequences.putIfAbsent(seq.name(), seq) != null) {
        throw Errors.of(SqlState.DUPLICATE_TABLE, "sequence '" + seq.name() + "' already exists");
      }
    } else if (change instanceof SchemaChange.DropSequence d) {
      if (sequences.remove(d.sequence()) == null) {
        throw Errors.of(SqlState.UNDEFINED_TABLE, "sequence '" + d.sequence() + "' does not exist");
      }
    }
    Map<String, TriggerDef> triggers = Names.copy(cat.triggers());
    // SQLite drops a table's or view's triggers with it
    triggers
        .values()
        .removeIf(tr -> !tables.containsKey(tr.table()) && !views.containsKey(tr.table()));
    Map<String, PolicyDef> policies = Names.copy(cat.policies());
    // as PostgreSQL, a table's policies go with it
    policies.values().removeIf(p -> !tables.containsKey(p.table()));
    return new Catalog(
        cat.version() + 1, tables, indexes, views, sequences, triggers, cat.settings(), policies);
  }

  /** A setting takes the value of the operation with the greatest id, whatever order they came. */
  private static Catalog setting(Catalog cat, SchemaChange.SetPragma p, OpId id) {
    Map<String, Setting> settings = Names.copy(cat.settings());
    Setting held = settings.get(p.pragma());
    if (held == null || held.setBy().compareTo(id) < 0) {
      settings.put(p.pragma(), new Setting(p.value(), id));
    }
    return new Catalog(
        cat.version() + 1,
        cat.tables(),
        cat.indexes(),
        cat.views(),
        cat.sequences(),
        cat.triggers(),
        settings,
        cat.policies());
  }

  private static void validate(TableDef t) throws SQLException {
    Set<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (ColumnDef c : t.columns()) {
      if (!seen.add(c.name())) {
        throw Errors.of(
            SqlState.DUPLICATE_COLUMN,
            "column '" + c.name() + "' of table '" + t.name() + "' is declared twice");
      }
      if (Names.same(c.name(), TableSql.CLOCK) || Names.same(c.name(), TableDef.HIDDEN_ID)) {
        throw Errors.of(
            SqlState.INVALID_COLUMN_DEFINITION,
            "column name '" + c.name() + "' of table '" + t.name() + "' is reserved");
      }
    }
    for (String k : t.primaryKey()) {
      requireColumn(t, k);
    }
    for (List<String> u : t.uniqueKeys()) {
      for (String k : u) {
        requireColumn(t, k);
      }
    }
  }

  private static void requireNew(Catalog cat, String name) throws SQLException {
    if (cat.tables().containsKey(name) || cat.views().containsKey(name)) {
      throw Errors.of(SqlState.DUPLICATE_TABLE, "table '" + name + "' already exists");
    }
  }

  static TableDef requireTable(Catalog cat, String name) throws SQLException {
    TableDef t = cat.table(name);
    if (t == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + name + "' does not exist");
    }
    return t;
  }

  private static void requireColumn(TableDef t, String col) throws SQLException {
    if (t.columnIndex(col) < 0) {
      throw Errors.of(
          SqlState.UNDEFINED_COLUMN,
          "column '" + col + "' of table '" + t.name() + "' does not exist");
    }
  }

  static void ddl(Connection conn, String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      SqlState st = Constraints.stateOf(e);
      if (st != null) {
        throw Errors.of(st, "schema change failed on existing data: " + Constraints.detail(e), e);
      }
      throw Errors.of(
          SqlState.INVALID_TABLE_DEFINITION, "SQLite refused '" + sql + "': " + e.getMessage(), e);
    }
  }
}
