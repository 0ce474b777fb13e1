package io.pluresdb.sql.read;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.catalog.CollectionTable;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The column a rowid name ({@code rowid}, {@code _rowid_}, {@code oid}) reads in a table whose key
 * is one integer column: that column, whose value SQLite gives for it, and whose declared name
 * SQLite gives as the label ({@code SELECT rowid, id} is labelled {@code id, id}).
 */
final class RowidAlias {
  private static final Set<ColumnType> INTEGERS =
      Set.of(ColumnType.TINYINT, ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT);

  private RowidAlias() {}

  static @Nullable ColumnDef of(TableDef table, String column) {
    if (!CollectionTable.ROWID_NAMES.contains(column.toLowerCase(Locale.ROOT))
        || table.primaryKey().size() != 1) {
      return null;
    }
    ColumnDef key = table.column(table.primaryKey().get(0));
    return key != null && INTEGERS.contains(key.type()) ? key : null;
  }
}
