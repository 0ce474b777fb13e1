package io.pluresdb.sql.pragma;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The rows of SQLite's schema PRAGMAs, computed from the catalog: same columns and meaning as
 * SQLite's, for the user's declared tables, views and indexes. Names match case-insensitively, as
 * in SQLite.
 */
final class SchemaPragmas {
  private SchemaPragmas() {}

  static List<Object[]> tableInfo(Catalog catalog, String name, boolean extended) {
    List<Object[]> rows = new ArrayList<>();
    TableDef t = table(catalog, name);
    List<ColumnDef> columns;
    List<String> key = List.of();
    if (t != null) {
      columns = t.columns();
      key = t.primaryKey();
    } else {
      ViewDef v = view(catalog, name);
      columns = v == null ? List.of() : v.columns();
    }
    for (int i = 0; i < columns.size(); i++) {
      ColumnDef c = columns.get(i);
      int pk = key.indexOf(c.name()) + 1;
      // SQLite's rowid alias (INTEGER PRIMARY KEY) is not NOT NULL in its declaration
      boolean notNull =
          !c.nullable() && !(pk > 0 && key.size() == 1 && c.type() == ColumnType.INTEGER)
              || (pk > 0 && t != null && key.size() > 1);
      Object[] row = {
        (long) i, c.name(), declaredType(c), notNull ? 1L : 0L, c.defaultSql(), (long) pk
      };
      rows.add(extended ? append(row, 0L) : row);
    }
    return rows;
  }

  /**
   * The type as the statement declared it, in upper case as SQLite shows it; for a column whose
   * words are not known (made before they were kept, or by a query) the type's name, a text column
   * without a length being {@code TEXT} as SQLite's scripts write it.
   */
  private static String declaredType(ColumnDef c) {
    if (c.declaredType() != null) {
      return c.declaredType().toUpperCase(java.util.Locale.ROOT); // as SQLite shows it
    }
    return c.type() == ColumnType.VARCHAR && c.precision() <= 0 ? "TEXT" : CreateText.type(c);
  }

  static List<Object[]> indexList(Catalog catalog, String name) {
    List<Object[]> rows = new ArrayList<>();
    TableDef t = table(catalog, name);
    if (t == null) {
      return rows;
    }
    List<IndexDef> indexes = new ArrayList<>(catalog.indexesOf(t.name()));
    indexes.sort(Comparator.comparing(IndexDef::name).reversed());
    for (IndexDef ix : indexes) {
      rows.add(new Object[] {(long) rows.size(), ix.name(), ix.unique() ? 1L : 0L, "c", 0L});
    }
    return rows;
  }

  static List<Object[]> indexInfo(Catalog catalog, String name) {
    List<Object[]> rows = new ArrayList<>();
    IndexDef ix = index(catalog, name);
    if (ix == null) {
      return rows;
    }
    TableDef t = catalog.table(ix.table());
    for (String column : ix.columns()) {
      long cid = t == null ? -1 : t.columnIndex(column);
      rows.add(new Object[] {(long) rows.size(), cid, column});
    }
    return rows;
  }

  static List<Object[]> foreignKeyList(Catalog catalog, String name) {
    List<Object[]> rows = new ArrayList<>();
    TableDef t = table(catalog, name);
    if (t == null) {
      return rows;
    }
    List<ForeignKeyDef> keys = t.foreignKeys();
    // SQLite numbers a table's foreign keys from the last declared one.
    for (int id = 0; id < keys.size(); id++) {
      ForeignKeyDef fk = keys.get(keys.size() - 1 - id);
      for (int seq = 0; seq < fk.columns().size(); seq++) {
        String to = seq < fk.refColumns().size() ? fk.refColumns().get(seq) : null;
        rows.add(
            new Object[] {
              (long) id,
              (long) seq,
              fk.refTable(),
              fk.columns().get(seq),
              to,
              "NO ACTION",
              "NO ACTION",
              "NONE"
            });
      }
    }
    return rows;
  }

  static List<Object[]> tableList(Catalog catalog) {
    List<Object[]> rows = new ArrayList<>();
    catalog.tables().values().stream()
        .sorted(Comparator.comparing(TableDef::name))
        .forEach(
            t ->
                rows.add(
                    new Object[] {"main", t.name(), "table", (long) t.columns().size(), 0L, 0L}));
    catalog.views().values().stream()
        .sorted(Comparator.comparing(ViewDef::name))
        .forEach(
            v ->
                rows.add(
                    new Object[] {"main", v.name(), "view", (long) v.columns().size(), 0L, 0L}));
    return rows;
  }

  static @Nullable TableDef table(Catalog catalog, String name) {
    TableDef exact = catalog.table(name);
    if (exact != null) {
      return exact;
    }
    return catalog.tables().values().stream()
        .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElse(null);
  }

  private static @Nullable ViewDef view(Catalog catalog, String name) {
    return catalog.views().values().stream()
        .filter(v -> v.name().equalsIgnoreCase(name))
        .findFirst()
        .orElse(null);
  }

  private static @Nullable IndexDef index(Catalog catalog, String name) {
    return catalog.indexes().values().stream()
        .filter(ix -> ix.name().equalsIgnoreCase(name))
        .findFirst()
        .orElse(null);
  }

  private static Object[] append(Object[] row, Object value) {
    Object[] out = java.util.Arrays.copyOf(row, row.length + 1);
    out[row.length] = value;
    return out;
  }
}
