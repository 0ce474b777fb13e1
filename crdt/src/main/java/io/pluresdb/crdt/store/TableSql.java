package io.pluresdb.crdt.store;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.TableDef;
import java.util.List;
import java.util.StringJoiner;

/**
 * The SQLite SQL of one materialized table: its DDL and the statements the writer runs on it.
 * Columns use plain SQLite affinities (INTEGER, REAL, NUMERIC, TEXT, BLOB) so that the stored forms
 * of {@link io.pluresdb.crdt.value.Values} keep their storage class.
 */
final class TableSql {
  /** Hidden column holding the per-field clocks ({@link ClockVector}). */
  static final String CLOCK = "_clk";

  final TableDef def;
  final boolean hiddenId;

  /** Declared column names, in order. */
  final String[] names;

  /** Declared column types, in order. */
  final ColumnType[] types;

  /** Names of COUNTER columns, whose operations carry increments (see {@link EntityState}). */
  final java.util.Set<String> counters;

  /**
   * Names of TEXT MERGEABLE columns, whose operations carry text edits (see {@link TextColumns}).
   */
  final java.util.Set<String> texts;

  /**
   * Names of JSON MERGEABLE columns, whose operations carry path edits (see {@link JsonColumns}).
   */
  final java.util.Set<String> jsons;

  /**
   * Names of columns whose registers take the merged value they are given: texts and JSON
   * MERGEABLE.
   */
  final java.util.Set<String> merged;

  /**
   * True when no column needs more than its value written: no counters, texts or JSON MERGEABLE.
   */
  final boolean plain;

  /** Per key column: its declared position, or -1 for the hidden id. */
  final int[] keyPositions;

  final ColumnType[] keyTypes;
  final String insert;
  final String selectByKey;
  final String deleteByKey;
  final String keyWhere;

  TableSql(TableDef def) {
    this.def = def;
    this.hiddenId = def.primaryKey().isEmpty();
    names = def.columns().stream().map(ColumnDef::name).toArray(String[]::new);
    types = def.columns().stream().map(ColumnDef::type).toArray(ColumnType[]::new);
    counters =
        def.columns().stream()
            .filter(c -> c.type() == ColumnType.COUNTER)
            .map(ColumnDef::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    texts = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    def.columns().stream()
        .filter(c -> c.type() == ColumnType.MERGEABLE_TEXT)
        .forEach(c -> texts.add(c.name()));
    jsons = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    def.columns().stream()
        .filter(c -> c.type() == ColumnType.MERGEABLE_JSON)
        .forEach(c -> jsons.add(c.name()));
    merged = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    merged.addAll(texts);
    merged.addAll(jsons);
    plain = counters.isEmpty() && merged.isEmpty();
    List<String> keys = def.keyColumns();
    keyPositions = new int[keys.size()];
    keyTypes = new ColumnType[keys.size()];
    StringJoiner where = new StringJoiner(" AND ");
    for (int i = 0; i < keys.size(); i++) {
      keyPositions[i] = hiddenId ? -1 : def.columnIndex(keys.get(i));
      keyTypes[i] = hiddenId ? ColumnType.BLOB : def.columns().get(keyPositions[i]).type();
      where.add(quote(keys.get(i)) + "=?");
    }
    keyWhere = where.toString();
    String table = quote(def.name());
    StringJoiner cols = new StringJoiner(",");
    StringJoiner marks = new StringJoiner(",");
    for (ColumnDef c : def.columns()) {
      cols.add(quote(c.name()));
      marks.add("?");
    }
    String selectCols = cols + "," + quote(CLOCK);
    if (hiddenId) {
      cols.add(quote(TableDef.HIDDEN_ID));
      marks.add("?");
    }
    cols.add(quote(CLOCK));
    marks.add("?");
    insert = "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")";
    selectByKey = "SELECT " + selectCols + " FROM " + table + " WHERE " + keyWhere;
    deleteByKey = "DELETE FROM " + table + " WHERE " + keyWhere;
  }

  /** UPDATE of the given declared column positions and the clock, by key. */
  String update(int[] positions) {
    StringBuilder sb = new StringBuilder("UPDATE ").append(quote(def.name())).append(" SET ");
    for (int p : positions) {
      sb.append(quote(def.columns().get(p).name())).append("=?,");
    }
    return sb.append(quote(CLOCK)).append("=? WHERE ").append(keyWhere).toString();
  }

  /** INSERT of the given declared column positions (others take their DEFAULT). */
  String insert(int[] positions) {
    StringJoiner cols = new StringJoiner(",");
    StringJoiner marks = new StringJoiner(",");
    for (int p : positions) {
      cols.add(quote(def.columns().get(p).name()));
      marks.add("?");
    }
    if (hiddenId) {
      cols.add(quote(TableDef.HIDDEN_ID));
      marks.add("?");
    }
    cols.add(quote(CLOCK));
    marks.add("?");
    return "INSERT INTO " + quote(def.name()) + " (" + cols + ") VALUES (" + marks + ")";
  }

  static String createTable(TableDef def) {
    List<String> order = new java.util.ArrayList<>();
    def.columns().forEach(c -> order.add(c.name()));
    if (def.primaryKey().isEmpty()) {
      order.add(TableDef.HIDDEN_ID);
    }
    order.add(CLOCK);
    return createTable(def, order);
  }

  /**
   * The CREATE TABLE text of {@code def} with its columns, hidden ones included, in {@code
   * physicalOrder}: the order SQLite stores them in, which ADD COLUMN makes differ from the
   * declared one.
   */
  static String createTable(TableDef def, List<String> physicalOrder) {
    StringJoiner parts = new StringJoiner(", ");
    for (String name : physicalOrder) {
      if (name.equals(TableDef.HIDDEN_ID)) {
        parts.add(quote(TableDef.HIDDEN_ID) + " BLOB PRIMARY KEY");
      } else if (name.equals(CLOCK)) {
        parts.add(quote(CLOCK) + " BLOB");
      } else {
        parts.add(columnSql(def.column(name), def.primaryKey().contains(name)));
      }
    }
    if (!def.primaryKey().isEmpty()) {
      parts.add("PRIMARY KEY (" + list(def.primaryKey()) + ")");
    }
    for (List<String> u : def.uniqueKeys()) {
      parts.add("UNIQUE (" + list(u) + ")");
    }
    for (String check : def.checks()) {
      parts.add("CHECK (" + check + ")");
    }
    for (ForeignKeyDef fk : def.foreignKeys()) {
      parts.add(
          (fk.name() == null ? "" : "CONSTRAINT " + quote(fk.name()) + " ")
              + "FOREIGN KEY ("
              + list(fk.columns())
              + ") REFERENCES "
              + quote(fk.refTable())
              + (fk.refColumns().isEmpty() ? "" : " (" + list(fk.refColumns()) + ")"));
    }
    return "CREATE TABLE " + quote(def.name()) + " (" + parts + ")";
  }

  static String columnSql(ColumnDef c, boolean key) {
    StringBuilder sb = new StringBuilder(quote(c.name())).append(' ').append(affinity(c.type()));
    if (c.collation() != null) {
      // comparisons, ORDER BY, indexes and UNIQUE of the column then follow it, as in SQLite
      sb.append(" COLLATE ").append(c.collation());
    }
    if (!c.nullable() || key) {
      sb.append(" NOT NULL");
    }
    if (c.defaultSql() != null) {
      sb.append(" DEFAULT (").append(c.defaultSql()).append(')');
    }
    return sb.toString();
  }

  static String createIndex(IndexDef ix) {
    return "CREATE "
        + (ix.unique() ? "UNIQUE " : "")
        + "INDEX "
        + quote(ix.name())
        + " ON "
        + quote(ix.table())
        + " ("
        + list(ix.columns())
        + ")";
  }

  static String affinity(ColumnType t) {
    return switch (t) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, COUNTER -> "INTEGER";
      case REAL, DOUBLE -> "REAL";
      case DECIMAL -> "NUMERIC";
      case BINARY, VARBINARY, BLOB, VECTOR, ANY -> "BLOB";
      default -> "TEXT";
    };
  }

  static String list(List<String> names) {
    StringJoiner j = new StringJoiner(", ");
    names.forEach(n -> j.add(quote(n)));
    return j.toString();
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
