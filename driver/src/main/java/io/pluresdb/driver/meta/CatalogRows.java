package io.pluresdb.driver.meta;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.driver.value.TypeFacts;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of the catalog-describing metadata result sets (tables, columns, keys, indexes), read
 * from one schema snapshot and sorted as the JDBC javadoc orders them. Integers are Longs, the
 * canonical value of every integer column. Immutable.
 */
final class CatalogRows {
  static final String SCHEMA = DatabaseMetaDataImpl.SCHEMA;
  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  static final String SEQUENCE = "SEQUENCE";

  private final Catalog catalog;

  CatalogRows(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * True when catalog and schema arguments can select this database's one schema: no catalog
   * ({@code null} or "") and the schema {@code main} (or no narrowing).
   */
  static boolean inScope(String catalogName, String schemaPattern) {
    return (catalogName == null || catalogName.isEmpty())
        && NamePattern.of(schemaPattern).matches(SCHEMA);
  }

  List<Object[]> tables(String tablePattern, String[] types) {
    NamePattern names = NamePattern.of(tablePattern);
    List<String> wanted = types == null ? List.of(TABLE, VIEW, SEQUENCE) : Arrays.asList(types);
    List<Object[]> rows = new ArrayList<>();
    if (wanted.contains(TABLE)) {
      for (TableDef t : catalog.tables().values()) {
        if (names.matches(t.name())) {
          rows.add(tableRow(t.name(), TABLE));
        }
      }
    }
    if (wanted.contains(VIEW)) {
      for (ViewDef v : catalog.views().values()) {
        if (names.matches(v.name())) {
          rows.add(tableRow(v.name(), VIEW));
        }
      }
    }
    if (wanted.contains(SEQUENCE)) {
      for (String s : catalog.sequences().keySet()) {
        if (names.matches(s)) {
          rows.add(tableRow(s, SEQUENCE));
        }
      }
    }
    rows.sort(
        Comparator.comparing((Object[] r) -> (String) r[3]).thenComparing(r -> (String) r[2]));
    return rows;
  }

  static Object[] tableRow(String name, String type) {
    return new Object[] {null, SCHEMA, name, type, null, null, null, null, null, null};
  }

  List<Object[]> columns(String tablePattern, String columnPattern) {
    NamePattern tables = NamePattern.of(tablePattern);
    NamePattern columns = NamePattern.of(columnPattern);
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : catalog.tables().values()) {
      if (tables.matches(t.name())) {
        addColumns(rows, t.name(), t.columns(), columns);
      }
    }
    for (ViewDef v : catalog.views().values()) {
      if (tables.matches(v.name())) {
        addColumns(rows, v.name(), v.columns(), columns);
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[2]).thenComparing(r -> (Long) r[16]));
    return rows;
  }

  private static void addColumns(
      List<Object[]> rows, String table, List<ColumnDef> defs, NamePattern pattern) {
    for (int i = 0; i < defs.size(); i++) {
      ColumnDef c = defs.get(i);
      if (pattern.matches(c.name())) {
        rows.add(columnRow(table, c, i + 1));
      }
    }
  }

  private static Object[] columnRow(String table, ColumnDef c, int position) {
    long size = TypeFacts.precision(c.type(), c.precision());
    Long digits = TypeFacts.isNumeric(c.type()) ? Long.valueOf(c.scale()) : null;
    Long radix = TypeFacts.isNumeric(c.type()) ? Long.valueOf(10) : null;
    Long octets = TypeFacts.isText(c.type()) ? Math.min(4 * size, Integer.MAX_VALUE) : null;
    return new Object[] {
      null,
      SCHEMA,
      table,
      c.name(),
      (long) c.type().jdbcType(),
      TypeFacts.sqlName(c.type()),
      size,
      null,
      digits,
      radix,
      (long) (c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls),
      null,
      c.defaultSql(),
      null,
      null,
      octets,
      (long) position,
      c.nullable() ? "YES" : "NO",
      null,
      null,
      null,
      null,
      c.autoIncrement() ? "YES" : "NO",
      c.generated() ? "YES" : "NO"
    };
  }

  List<Object[]> primaryKeys(String table) {
    TableDef t = catalog.table(table);
    List<Object[]> rows = new ArrayList<>();
    if (t == null) {
      return rows;
    }
    for (int i = 0; i < t.primaryKey().size(); i++) {
      rows.add(
          new Object[] {
            null,
            SCHEMA,
            t.name(),
            t.primaryKey().get(i),
            (long) (i + 1),
            KeyNames.primaryKey(t.name())
          });
    }
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]));
    return rows;
  }

  /**
   * The indexes of a table: the primary key and the UNIQUE constraints (each enforced by a unique
   * index, as tools expect to find them) and the created indexes.
   */
  List<Object[]> indexInfo(String table, boolean uniqueOnly) {
    List<Object[]> rows = new ArrayList<>();
    TableDef t = catalog.table(table);
    if (t == null) {
      return rows;
    }
    if (!t.primaryKey().isEmpty()) {
      addIndex(rows, table, KeyNames.primaryKey(table), true, t.primaryKey());
    }
    for (List<String> unique : t.uniqueKeys()) {
      addIndex(rows, table, KeyNames.unique(table, unique), true, unique);
    }
    for (IndexDef ix : catalog.indexesOf(table)) {
      if (!uniqueOnly || ix.unique()) {
        addIndex(rows, table, ix.name(), ix.unique(), ix.columns());
      }
    }
    rows.sort(
        Comparator.comparing((Object[] r) -> (Boolean) r[3])
            .thenComparing(r -> (String) r[5])
            .thenComparing(r -> (Long) r[7]));
    return rows;
  }

  private static void addIndex(
      List<Object[]> rows, String table, String name, boolean unique, List<String> columns) {
    for (int i = 0; i < columns.size(); i++) {
      rows.add(
          new Object[] {
            null,
            SCHEMA,
            table,
            !unique,
            null,
            name,
            (long) DatabaseMetaData.tableIndexOther,
            (long) (i + 1),
            columns.get(i),
            "A",
            null,
            null,
            null
          });
    }
  }

  /** Foreign keys from {@code fkTable} (any if null) to {@code pkTable} (any if null). */
  List<Object[]> keys(String pkTable, String fkTable, boolean orderByPrimary) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : catalog.tables().values()) {
      if (fkTable != null && !fkTable.equalsIgnoreCase(t.name())) {
        continue;
      }
      for (ForeignKeyDef fk : t.foreignKeys()) {
        if (pkTable != null && !pkTable.equalsIgnoreCase(fk.refTable())) {
          continue;
        }
        List<String> refColumns = referencedColumns(fk);
        for (int i = 0; i < fk.columns().size(); i++) {
          rows.add(
              new Object[] {
                null,
                SCHEMA,
                fk.refTable(),
                i < refColumns.size() ? refColumns.get(i) : null,
                null,
                SCHEMA,
                t.name(),
                fk.columns().get(i),
                (long) (i + 1),
                (long) DatabaseMetaData.importedKeyNoAction,
                (long) DatabaseMetaData.importedKeyNoAction,
                KeyNames.foreignKey(t.name(), fk.name(), fk.columns()),
                referencedKeyName(fk, refColumns),
                (long) DatabaseMetaData.importedKeyNotDeferrable
              });
        }
      }
    }
    int table = orderByPrimary ? 2 : 6;
    rows.sort(
        Comparator.comparing((Object[] r) -> (String) r[table])
            .thenComparing(r -> String.valueOf(r[11]))
            .thenComparing(r -> (Long) r[8]));
    return rows;
  }

  private List<String> referencedColumns(ForeignKeyDef fk) {
    if (!fk.refColumns().isEmpty()) {
      return fk.refColumns();
    }
    TableDef ref = catalog.table(fk.refTable());
    return ref == null ? List.of() : ref.primaryKey();
  }

  /** The name of the key a foreign key refers to: the primary key or a UNIQUE constraint. */
  private String referencedKeyName(ForeignKeyDef fk, List<String> refColumns) {
    TableDef ref = catalog.table(fk.refTable());
    return ref == null || ref.primaryKey().equals(refColumns)
        ? KeyNames.primaryKey(fk.refTable())
        : KeyNames.unique(fk.refTable(), refColumns);
  }

  /** The best row identifier: the primary key (a table without one has no visible key). */
  List<Object[]> bestRowIdentifier(String table) {
    TableDef t = catalog.table(table);
    List<Object[]> rows = new ArrayList<>();
    if (t == null) {
      return rows;
    }
    for (String name : t.primaryKey()) {
      ColumnDef c = t.column(name);
      rows.add(
          new Object[] {
            (long) DatabaseMetaData.bestRowSession,
            name,
            (long) c.type().jdbcType(),
            TypeFacts.sqlName(c.type()),
            (long) TypeFacts.precision(c.type(), c.precision()),
            null,
            (long) c.scale(),
            (long) DatabaseMetaData.bestRowNotPseudo
          });
    }
    return rows;
  }
}
