package io.pluresdb.sql.parser.dml;

import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT INTO t DEFAULT VALUES}: one row in which every column takes its DEFAULT (or its
 * identity, or NULL). It is Calcite's {@link SqlInsert} with an empty column list and a VALUES of
 * one empty row, so that it plans as any insert that sets no column; it only writes itself back as
 * {@code DEFAULT VALUES}.
 */
public final class SqlDefaultValuesInsert extends SqlInsert {
  public SqlDefaultValuesInsert(SqlParserPos pos, SqlNodeList keywords, SqlNode targetTable) {
    super(
        pos,
        keywords,
        targetTable,
        SqlStdOperatorTable.VALUES.createCall(pos, SqlStdOperatorTable.ROW.createCall(pos)),
        new SqlNodeList(pos));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
    writer.sep("INSERT INTO");
    getTargetTable().unparse(writer, getOperator().getLeftPrec(), getOperator().getRightPrec());
    writer.keyword("DEFAULT VALUES");
    writer.endList(frame);
  }
}
