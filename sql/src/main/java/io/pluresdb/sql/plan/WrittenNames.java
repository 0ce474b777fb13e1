package io.pluresdb.sql.plan;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Names in a definition as the objects they name were written. A statement may name a table or
 * column in any case ({@code CREATE INDEX i ON CUSTOMER (FULLNAME)}); SQLite then shows the names
 * the table and columns were created with, and so does the catalog.
 */
final class WrittenNames {
  private WrittenNames() {}

  /** The name a table or view was created with, for a name in any case; else the name itself. */
  static String of(Catalog catalog, String name) {
    TableDef t = catalog.table(name);
    if (t != null) {
      return t.name();
    }
    ViewDef v = catalog.views().get(name);
    return v == null ? name : v.name();
  }

  /** A new table's key, unique and foreign-key columns and referenced names as written. */
  static TableDef table(TableDef t, Catalog catalog) {
    List<ForeignKeyDef> fks =
        t.foreignKeys().stream()
            .map(
                fk -> {
                  TableDef ref =
                      Names.same(fk.refTable(), t.name()) ? t : catalog.table(fk.refTable());
                  return new ForeignKeyDef(
                      fk.name(),
                      columns(t, fk.columns()),
                      ref == null ? fk.refTable() : ref.name(),
                      columns(ref, fk.refColumns()),
                      fk.onDelete(),
                      fk.onUpdate());
                })
            .toList();
    return new TableDef(
        t.name(),
        t.columns(),
        columns(t, t.primaryKey()),
        t.uniqueKeys().stream().map(u -> columns(t, u)).toList(),
        t.checks(),
        fks);
  }

  /** An index on its table's written name and columns. */
  static IndexDef index(IndexDef ix, Catalog catalog) {
    TableDef t = catalog.table(ix.table());
    return new IndexDef(
        ix.name(),
        of(catalog, ix.table()),
        columns(t, ix.columns()),
        ix.unique(),
        ix.method(),
        ix.options());
  }

  /**
   * A column's name as written, for a name in any case: schema operations carry it so, since other
   * nodes replay them by name.
   */
  static String column(Catalog catalog, String table, String name) {
    return columns(catalog.table(table), List.of(name)).get(0);
  }

  private static List<String> columns(@Nullable TableDef t, List<String> names) {
    if (t == null) {
      return names;
    }
    return names.stream()
        .map(
            n -> {
              int i = t.columnIndex(n);
              return i < 0 ? n : t.columns().get(i).name();
            })
        .toList();
  }
}
