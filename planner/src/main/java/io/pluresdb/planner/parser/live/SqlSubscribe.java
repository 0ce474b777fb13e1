package io.pluresdb.planner.parser.live;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SUBSCRIBE query}: the query's rows, then every change to them. Immutable. */
public final class SqlSubscribe extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SUBSCRIBE", SqlKind.OTHER);

  private final SqlNode query;

  public SqlSubscribe(SqlParserPos pos, SqlNode query) {
    super(pos);
    this.query = Objects.requireNonNull(query, "query");
  }

  public SqlNode query() {
    return query;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SUBSCRIBE");
    query.unparse(writer, 0, 0);
  }
}
