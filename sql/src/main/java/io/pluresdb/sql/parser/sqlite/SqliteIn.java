package io.pluresdb.sql.parser.sqlite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's right-hand sides of {@code IN} and {@code NOT IN} that the standard lacks, as standard
 * SQL with SQLite's answers: {@code x IN t} is {@code x IN (SELECT * FROM t)}, and the empty list
 * {@code x IN ()} is false and {@code x NOT IN ()} true, whatever {@code x} is (even NULL).
 */
public final class SqliteIn {
  private SqliteIn() {}

  /** True for IN and NOT IN, the operators that take SQLite's forms (not {@code = ANY}). */
  public static boolean takesSqliteOperand(SqlOperator op) {
    return op.getKind() == SqlKind.IN || op.getKind() == SqlKind.NOT_IN;
  }

  /** {@code x IN t}: the one-element list holding {@code SELECT * FROM t}, a subquery. */
  public static SqlNodeList tableOperand(SqlIdentifier table) {
    SqlParserPos pos = table.getParserPosition();
    SqlSelect select =
        new SqlSelect(
            pos,
            null,
            SqlNodeList.of(SqlIdentifier.star(pos)),
            table,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return SqlNodeList.of(select);
  }

  /**
   * The value of {@code x IN ()} or {@code x NOT IN ()}, or null when {@code node} is not one: a
   * boolean literal, since an empty set holds no value equal to {@code x}, not even an unknown one.
   */
  public static @Nullable SqlNode emptyListValue(SqlNode node) {
    if (node instanceof SqlCall call
        && takesSqliteOperand(call.getOperator())
        && call.operandCount() == 2
        && call.operand(1) instanceof SqlNodeList list
        && list.isEmpty()) {
      return SqlLiteral.createBoolean(call.getKind() == SqlKind.NOT_IN, call.getParserPosition());
    }
    return null;
  }
}
