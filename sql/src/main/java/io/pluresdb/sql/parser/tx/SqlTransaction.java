package io.pluresdb.sql.parser.tx;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A transaction control statement sent as SQL text. Immutable. */
public final class SqlTransaction extends SqlCall {
  private static final SqlOperator BEGIN = new SqlSpecialOperator("BEGIN", SqlKind.OTHER);
  private static final SqlOperator COMMIT = new SqlSpecialOperator("COMMIT", SqlKind.COMMIT);
  private static final SqlOperator ROLLBACK = new SqlSpecialOperator("ROLLBACK", SqlKind.ROLLBACK);

  private final TransactionAction action;

  public SqlTransaction(SqlParserPos pos, TransactionAction action) {
    super(pos);
    this.action = Objects.requireNonNull(action, "action");
  }

  public TransactionAction action() {
    return action;
  }

  @Override
  public SqlOperator getOperator() {
    return switch (action) {
      case BEGIN -> BEGIN;
      case COMMIT -> COMMIT;
      case ROLLBACK -> ROLLBACK;
    };
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(action.name());
  }
}
