package io.pluresdb.sql.parser.dml;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A DML statement with a RETURNING list: {@link #statement()} is an {@code SqlInsert}, {@link
 * SqlUpsert}, {@code SqlUpdate} or {@code SqlDelete}; {@link #columns()} are select items over the
 * affected rows ({@code *} allowed). Immutable.
 */
public final class SqlReturning extends SqlCall {
  /** Rebuilds a SqlReturning, so that shuttles which copy calls keep the node's class. */
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("RETURNING", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier,
            SqlParserPos pos,
            @Nullable SqlNode... operands) {
          return new SqlReturning(
              pos,
              Objects.requireNonNull(operands[0], "statement"),
              (SqlNodeList) Objects.requireNonNull(operands[1], "columns"));
        }
      };

  private final SqlNode statement;
  private final SqlNodeList columns;

  public SqlReturning(SqlParserPos pos, SqlNode statement, SqlNodeList columns) {
    super(pos);
    this.statement = Objects.requireNonNull(statement, "statement");
    this.columns = Objects.requireNonNull(columns, "columns");
  }

  public SqlNode statement() {
    return statement;
  }

  public SqlNodeList columns() {
    return columns;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement, columns);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    statement.unparse(writer, 0, 0);
    writer.keyword("RETURNING");
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT_LIST);
    for (SqlNode column : columns) {
      writer.sep(",");
      column.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
