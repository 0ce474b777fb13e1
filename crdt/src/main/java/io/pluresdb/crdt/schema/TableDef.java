package io.pluresdb.crdt.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A collection's model: its declared columns and constraints. Immutable; a schema change makes a
 * new one.
 *
 * @param name table name as stored
 * @param columns declared columns, in declaration order (hidden columns are not listed)
 * @param primaryKey primary key column names, in key order; empty when the table has none, in which
 *     case rows are identified by the hidden {@link #HIDDEN_ID} column
 * @param uniqueKeys other UNIQUE column lists, enforced locally
 * @param checks CHECK constraints as SQLite SQL text
 * @param foreignKeys declared foreign keys (reported by metadata; enforced locally)
 */
public record TableDef(
    String name,
    List<ColumnDef> columns,
    List<String> primaryKey,
    List<List<String>> uniqueKeys,
    List<String> checks,
    List<ForeignKeyDef> foreignKeys) {

  /** The hidden identity column of a table declared without a primary key: the genesis op id. */
  public static final String HIDDEN_ID = "_id";

  public TableDef {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = List.copyOf(uniqueKeys);
    checks = List.copyOf(checks);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** The columns that identify an entity: the primary key, or {@code [_id]}. */
  public List<String> keyColumns() {
    return primaryKey.isEmpty() ? List.of(HIDDEN_ID) : primaryKey;
  }

  /** Index of a declared column by name, in any case (see {@link Names}), or -1. */
  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (Names.same(columns.get(i).name(), column)) {
        return i;
      }
    }
    return -1;
  }

  public @Nullable ColumnDef column(String column) {
    int i = columnIndex(column);
    return i < 0 ? null : columns.get(i);
  }
}
