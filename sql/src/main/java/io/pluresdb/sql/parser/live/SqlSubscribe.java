package io.pluresdb.sql.parser.live;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code SUBSCRIBE query}: the query's rows, then every change to them. Immutable. */
public final class SqlSubscribe extends SqlCall {
  /** Rebuilds a SqlSubscribe, so that shuttles which copy calls keep the node's class. */
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SUBSCRIBE", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier,
            SqlParserPos pos,
            @Nullable SqlNode... operands) {
          return new SqlSubscribe(pos, Objects.requireNonNull(operands[0], "query"));
        }
      };

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
