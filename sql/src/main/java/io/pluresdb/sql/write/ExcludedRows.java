package io.pluresdb.sql.write;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.catalog.TypeMapping;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites {@code excluded.c} (the row an upsert proposed) into a typed parameter numbered after
 * the user's parameters, so the pushed-down query receives the proposed values by binding.
 */
final class ExcludedRows extends SqlShuttle {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final TableDef table;
  private final int base;

  ExcludedRows(TableDef table, int base) {
    this.table = table;
    this.base = base;
  }

  @Override
  public SqlNode visit(SqlIdentifier id) {
    List<String> names = id.names;
    if (names.size() == 2 && names.get(0).equalsIgnoreCase("excluded")) {
      int c = table.columnIndex(names.get(1));
      if (c < 0) {
        for (int i = 0; i < table.columns().size(); i++) {
          if (table.columns().get(i).name().equalsIgnoreCase(names.get(1))) {
            c = i;
          }
        }
      }
      if (c >= 0) {
        return typedParam(base + c, table.columns().get(c));
      }
    }
    return id;
  }

  /** {@code CAST(? AS type)}: a parameter whose type the validator need not infer. */
  static SqlNode typedParam(int index, ColumnDef column) {
    SqlDataTypeSpec spec =
        new SqlDataTypeSpec(
            new SqlBasicTypeNameSpec(TypeMapping.toSqlTypeName(column.type()), POS), POS);
    return SqlStdOperatorTable.CAST.createCall(POS, new SqlDynamicParam(index, POS), spec);
  }
}
