package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Adds foreign keys to, and drops them from, existing tables, as Hibernate's schema tools do with
 * {@code ALTER TABLE … ADD CONSTRAINT}. SQLite has no such statement; since a foreign key changes
 * nothing on disk, the table's stored CREATE TABLE text is rewritten in place, the procedure
 * SQLite's documentation gives for changing constraints ("Making Other Kinds Of Table Schema
 * Changes", sqlite.org/lang_altertable.html). Existing rows are checked first, because SQLite only
 * checks rows as they are written.
 *
 * <p>Runs on the writer's connection inside its transaction; stateless.
 */
final class ForeignKeyChanges {
  private ForeignKeyChanges() {}

  /** {@code t} with {@code fk} added, enforced from now on; fails if a row already violates it. */
  static TableDef add(Connection conn, Catalog cat, TableDef t, ForeignKeyDef fk)
      throws SQLException {
    if (fk.name() != null && find(t, fk.name()) != null) {
      throw Errors.of(
          SqlState.DUPLICATE_OBJECT,
          "constraint '" + fk.name() + "' of table '" + t.name() + "' already exists");
    }
    TableDef ref = SchemaOps.requireTable(cat, fk.refTable());
    List<String> refColumns = fk.refColumns().isEmpty() ? ref.primaryKey() : fk.refColumns();
    if (refColumns.size() != fk.columns().size()) {
      throw Errors.of(
          SqlState.INVALID_TABLE_DEFINITION,
          "foreign key of table '"
              + t.name()
              + "' has "
              + fk.columns().size()
              + " columns but table '"
              + ref.name()
              + "' is referenced by "
              + refColumns.size());
    }
    for (String c : fk.columns()) {
      requireColumn(t, c);
    }
    for (String c : refColumns) {
      requireColumn(ref, c);
    }
    requireNoOrphans(conn, t, fk.columns(), ref.name(), refColumns);
    List<ForeignKeyDef> fks = new ArrayList<>(t.foreignKeys());
    fks.add(fk);
    return rewrite(conn, withForeignKeys(t, fks));
  }

  /** {@code t} without its foreign key named {@code name}. */
  static TableDef drop(Connection conn, TableDef t, String name) throws SQLException {
    ForeignKeyDef fk = find(t, name);
    if (fk == null) {
      throw Errors.of(
          SqlState.UNDEFINED_OBJECT,
          "constraint '" + name + "' of table '" + t.name() + "' does not exist");
    }
    List<ForeignKeyDef> fks = new ArrayList<>(t.foreignKeys());
    fks.remove(fk);
    return rewrite(conn, withForeignKeys(t, fks));
  }

  static ForeignKeyDef find(TableDef t, String name) {
    for (ForeignKeyDef fk : t.foreignKeys()) {
      if (Names.same(name, fk.name())) {
        return fk;
      }
    }
    return null;
  }

  private static TableDef withForeignKeys(TableDef t, List<ForeignKeyDef> fks) {
    return new TableDef(t.name(), t.columns(), t.primaryKey(), t.uniqueKeys(), t.checks(), fks);
  }

  private static void requireColumn(TableDef t, String c) throws SQLException {
    if (t.columnIndex(c) < 0) {
      throw Errors.of(
          SqlState.UNDEFINED_COLUMN,
          "column '" + c + "' of table '" + t.name() + "' does not exist");
    }
  }

  private static void requireNoOrphans(
      Connection conn, TableDef t, List<String> cols, String ref, List<String> refCols)
      throws SQLException {
    if (!enforcing(conn)) {
      // a replicated schema change: the peer checked its rows when it added the key, and rows
      // merged from other nodes are never refused here (remote applies run with foreign keys off),
      // so refusing would stall replication for good
      return;
    }
    StringJoiner present = new StringJoiner(" AND ");
    StringJoiner match = new StringJoiner(" AND ");
    for (int i = 0; i < cols.size(); i++) {
      String c = "c." + TableSql.quote(cols.get(i));
      present.add(c + " IS NOT NULL");
      match.add("p." + TableSql.quote(refCols.get(i)) + " = " + c);
    }
    String sql =
        "SELECT 1 FROM "
            + TableSql.quote(t.name())
            + " c WHERE "
            + present
            + " AND NOT EXISTS (SELECT 1 FROM "
            + TableSql.quote(ref)
            + " p WHERE "
            + match
            + ") LIMIT 1";
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (rs.next()) {
        throw Errors.of(
            SqlState.FOREIGN_KEY_VIOLATION,
            "a row of table '"
                + t.name()
                + "' references a missing row of table '"
                + ref
                + "', so the foreign key cannot be added");
      }
    }
  }

  static boolean enforcing(Connection conn) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
      return rs.next() && rs.getInt(1) == 1;
    }
  }

  /** Replaces the stored CREATE TABLE text of {@code next}'s table with one declaring it. */
  static TableDef rewrite(Connection conn, TableDef next) throws SQLException {
    List<String> physical = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + TableSql.quote(next.name()) + ")")) {
      while (rs.next()) {
        physical.add(rs.getString("name"));
      }
    }
    String sql = TableSql.createTable(next, physical);
    try (Statement s = conn.createStatement()) {
      int version;
      try (ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
        rs.next();
        version = rs.getInt(1);
      }
      s.execute("PRAGMA writable_schema=ON");
      try (var update =
          conn.prepareStatement(
              "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?")) {
        update.setString(1, sql);
        update.setString(2, next.name());
        update.executeUpdate();
      } finally {
        // a new schema version makes every connection re-read the table's definition
        s.execute("PRAGMA schema_version=" + (version + 1));
        s.execute("PRAGMA writable_schema=OFF");
      }
    }
    return next;
  }
}
