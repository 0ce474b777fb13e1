package io.pluresdb.sql.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * {@code ROWID_OF(t.col)}: the SQLite rowid of the row that column belongs to. The validator sees a
 * function of a column (so the column resolves and gets qualified like any other); SQLite sees
 * {@code "t"."rowid"}. An HNSW index keys its vectors by rowid, and this is how a top-k query is
 * restricted to the index's candidates.
 */
public final class RowidOf extends SqlFunction {
  public static final RowidOf INSTANCE = new RowidOf();

  private RowidOf() {
    super(
        "ROWID_OF",
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.BIGINT,
        null,
        OperandTypes.ANY,
        SqlFunctionCategory.SYSTEM);
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    SqlIdentifier column = (SqlIdentifier) call.operand(0);
    SqlIdentifier rowid =
        column.names.size() > 1
            ? column.setName(column.names.size() - 1, "rowid")
            : new SqlIdentifier("rowid", column.getParserPosition());
    rowid.unparse(writer, leftPrec, rightPrec);
  }
}
