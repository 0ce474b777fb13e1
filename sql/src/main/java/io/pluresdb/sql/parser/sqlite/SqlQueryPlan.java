package io.pluresdb.sql.parser.sqlite;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** SQLite's {@code EXPLAIN QUERY PLAN statement}: SQLite's own plan of the compiled statement. */
public final class SqlQueryPlan extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("EXPLAIN QUERY PLAN", SqlKind.OTHER);

  private final SqlNode statement;

  public SqlQueryPlan(SqlParserPos pos, SqlNode statement) {
    super(pos);
    this.statement = statement;
  }

  public SqlNode statement() {
    return statement;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN QUERY PLAN");
    statement.unparse(writer, 0, 0);
  }
}
