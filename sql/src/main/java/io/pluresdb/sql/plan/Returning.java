package io.pluresdb.sql.plan;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.write.Targets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/** Plans a RETURNING clause: the written table's columns, by name or {@code *}. */
final class Returning {
  private Returning() {}

  static Plan.Write plan(Plan.Write write, Catalog catalog, SqlNodeList items) throws SQLException {
    TableDef table = catalog.table(write.kind().table());
    List<String> names = new ArrayList<>();
    for (SqlNode item : items) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        table.columns().forEach(c -> names.add(c.name()));
      } else if (item instanceof SqlIdentifier id) {
        ColumnDef c = table.columns().get(Targets.column(table, id.names.get(id.names.size() - 1)));
        names.add(c.name());
      } else {
        throw io.pluresdb.crdt.error.Errors.of(
            io.pluresdb.crdt.error.SqlState.FEATURE_NOT_SUPPORTED,
            "RETURNING supports column names only, not '" + item + "'");
      }
    }
    List<ColumnMeta> metas = new ArrayList<>();
    for (String n : names) {
      ColumnDef d = table.column(n);
      metas.add(ColumnMeta.of(table, d));
    }
    return new Plan.Write(write.sql(), write.kind(), names, metas);
  }
}
