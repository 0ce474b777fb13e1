package io.pluresdb.sql.parser.dml;

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

/**
 * An INSERT or UPDATE with SQLite's conflict clause ({@code INSERT OR FAIL INTO …}, {@code UPDATE
 * OR IGNORE …}): {@link #statement()} is the statement without it (an {@code SqlInsert}, {@code
 * SqlUpdate} or {@link SqlReturning} of one). INSERT OR IGNORE and OR REPLACE are {@link
 * SqlUpsert}s instead. Immutable.
 */
public final class SqlResolved extends SqlCall {
  /** Rebuilds a SqlResolved, so that shuttles which copy calls keep the node's class. */
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("OR", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier,
            SqlParserPos pos,
            @Nullable SqlNode... operands) {
          return new SqlResolved(
              pos,
              Objects.requireNonNull(operands[0], "statement"),
              Objects.requireNonNull((SqlLiteral) operands[1], "resolution")
                  .getValueAs(ConflictResolution.class));
        }
      };

  private final SqlNode statement;
  private final ConflictResolution resolution;

  public SqlResolved(SqlParserPos pos, SqlNode statement, ConflictResolution resolution) {
    super(pos);
    this.statement = Objects.requireNonNull(statement, "statement");
    this.resolution = Objects.requireNonNull(resolution, "resolution");
  }

  public SqlNode statement() {
    return statement;
  }

  public ConflictResolution resolution() {
    return resolution;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement, SqlLiteral.createSymbol(resolution, SqlParserPos.ZERO));
  }

  /** The statement without its conflict clause (the clause is carried by the plan). */
  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    statement.unparse(writer, leftPrec, rightPrec);
  }
}
