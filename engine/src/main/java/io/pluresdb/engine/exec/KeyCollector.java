package io.pluresdb.engine.exec;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.write.Targets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a write reports back (generated keys or RETURNING), and the rows it collected.
 *
 * <p>Not thread-safe: one per statement execution.
 */
final class KeyCollector {
  private final TableDef table;
  private final int[] columns;
  private final List<Object[]> rows = new ArrayList<>();

  private KeyCollector(TableDef table, int[] columns) {
    this.table = table;
    this.columns = columns;
  }

  static KeyCollector of(TableDef table, List<String> names) throws SQLException {
    if (names == null) {
      return new KeyCollector(table, null);
    }
    List<Integer> idx = new ArrayList<>();
    if (names.isEmpty()) {
      for (int c = 0; c < table.columns().size(); c++) {
        if (table.columns().get(c).autoIncrement()) {
          idx.add(c);
        }
      }
      if (idx.isEmpty()) {
        for (String k : table.primaryKey()) {
          idx.add(table.columnIndex(k));
        }
      }
    } else {
      for (String n : names) {
        idx.add(Targets.column(table, n));
      }
    }
    return new KeyCollector(table, idx.stream().mapToInt(Integer::intValue).toArray());
  }

  void add(Object[] row) {
    if (columns == null) {
      return;
    }
    Object[] out = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = row[columns[i]];
    }
    rows.add(out);
  }

  /** True when the asked-for columns go beyond the key, so whole rows must be read. */
  boolean wantsRow() {
    if (columns == null) {
      return false;
    }
    for (int c : columns) {
      if (!table.keyColumns().contains(table.columns().get(c).name())) {
        return true;
      }
    }
    return false;
  }

  /** Records a key of an updated or deleted row, when only key columns were asked for. */
  void addKey(Object[] key) {
    if (columns == null) {
      return;
    }
    List<String> pk = table.keyColumns();
    Object[] out = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      int k = pk.indexOf(table.columns().get(columns[i]).name());
      out[i] = k >= 0 ? key[k] : null;
    }
    rows.add(out);
  }

  List<ColumnMeta> columns() {
    List<ColumnMeta> metas = new ArrayList<>();
    if (columns != null) {
      for (int c : columns) {
        ColumnDef d = table.columns().get(c);
        metas.add(ColumnMeta.of(table, d));
      }
    }
    return metas;
  }

  List<Object[]> rows() {
    return rows;
  }
}
