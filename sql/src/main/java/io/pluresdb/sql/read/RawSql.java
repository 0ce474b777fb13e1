package io.pluresdb.sql.read;

import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * SQLite text spliced into a validated tree, written out as it is: for what only SQLite reads (the
 * past rows of {@link SystemTimes}), never validated. Stateless.
 */
final class RawSql extends SqlSpecialOperator {
  private static final RawSql INSTANCE = new RawSql();

  private RawSql() {
    super("RAW_SQL", SqlKind.OTHER);
  }

  /** A node written as {@code sql}. */
  static SqlNode of(String sql) {
    return new SqlBasicCall(
        INSTANCE, List.of(SqlLiteral.createCharString(sql, SqlParserPos.ZERO)), SqlParserPos.ZERO);
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.print(((SqlLiteral) call.operand(0)).getValueAs(String.class));
    writer.setNeedWhitespace(true);
  }
}
