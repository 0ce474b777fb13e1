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
import org.jspecify.annotations.Nullable;

/** A transaction control statement sent as SQL text, savepoints included. Immutable. */
public final class SqlTransaction extends SqlCall {
  private static final SqlOperator BEGIN = new SqlSpecialOperator("BEGIN", SqlKind.OTHER);
  private static final SqlOperator COMMIT = new SqlSpecialOperator("COMMIT", SqlKind.COMMIT);
  private static final SqlOperator ROLLBACK = new SqlSpecialOperator("ROLLBACK", SqlKind.ROLLBACK);
  private static final SqlOperator SAVEPOINT = new SqlSpecialOperator("SAVEPOINT", SqlKind.OTHER);
  private static final SqlOperator RELEASE = new SqlSpecialOperator("RELEASE", SqlKind.OTHER);

  private final TransactionAction action;
  private final @Nullable String savepoint;

  public SqlTransaction(SqlParserPos pos, TransactionAction action) {
    this(pos, action, null);
  }

  /** A statement naming a savepoint (SAVEPOINT, RELEASE, ROLLBACK TO), else with a null name. */
  public SqlTransaction(SqlParserPos pos, TransactionAction action, @Nullable String savepoint) {
    super(pos);
    this.action = Objects.requireNonNull(action, "action");
    this.savepoint = savepoint;
  }

  public TransactionAction action() {
    return action;
  }

  /** The savepoint named, or null for BEGIN, COMMIT and ROLLBACK. */
  public @Nullable String savepoint() {
    return savepoint;
  }

  @Override
  public SqlOperator getOperator() {
    return switch (action) {
      case BEGIN -> BEGIN;
      case COMMIT -> COMMIT;
      case ROLLBACK, ROLLBACK_TO -> ROLLBACK;
      case SAVEPOINT -> SAVEPOINT;
      case RELEASE -> RELEASE;
    };
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (action) {
      case ROLLBACK_TO -> writer.keyword("ROLLBACK TO SAVEPOINT");
      case RELEASE -> writer.keyword("RELEASE SAVEPOINT");
      default -> writer.keyword(action.name());
    }
    if (savepoint != null) {
      writer.identifier(savepoint, true);
    }
  }
}
