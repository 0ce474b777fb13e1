package io.pluresdb.sql.functions;

import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * SQLite joins a table-valued function in FROM with the tables before it, so that {@code FROM t,
 * json_each(t.tags) j} reads each row's tags. Calcite does that only for {@code LATERAL}; this adds
 * it to json_each and json_tree before validation, and writes the call back plain.
 */
public final class LateralJsonTables {
  private LateralJsonTables() {}

  /**
   * Makes a json_each or json_tree that follows other tables in a join lateral, and names one
   * without an alias after the function, as SQLite does ({@code json_each.value}).
   */
  public static void addLateral(SqlNode node) {
    if (node instanceof SqlSelect select) {
      SqlNode from = select.getFrom();
      if (from != null) {
        select.setFrom(named(from));
      }
    }
    if (node instanceof SqlJoin join) {
      join.setLeft(named(join.getLeft()));
      SqlNode right = named(join.getRight());
      if (isJsonTable(right)) {
        SqlCall as = (SqlCall) right;
        as.setOperand(0, lateral(as.operand(0)));
      }
      join.setRight(right);
    }
  }

  private static SqlNode named(SqlNode table) {
    if (!isJsonTableCall(table)) {
      return table;
    }
    SqlCall call = ((SqlCall) table).operand(0);
    SqlParserPos pos = table.getParserPosition();
    String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
    return SqlStdOperatorTable.AS.createCall(pos, table, new SqlIdentifier(name, pos));
  }

  private static SqlNode lateral(SqlNode table) {
    return SqlStdOperatorTable.LATERAL.createCall(table.getParserPosition(), table);
  }

  /** An aliased json_each or json_tree in FROM. */
  private static boolean isJsonTable(SqlNode node) {
    return node.getKind() == SqlKind.AS && isJsonTableCall(((SqlCall) node).operand(0));
  }

  private static boolean isJsonTableCall(SqlNode n) {
    return n.getKind() == SqlKind.COLLECTION_TABLE
        && ((SqlCall) n).operand(0) instanceof SqlCall call
        && JsonTableFunction.isJsonTable(call.getOperator());
  }

  /** Writes a lateral json_each or json_tree as SQLite's plain call; false for anything else. */
  static boolean unparse(SqlWriter writer, SqlCall call) {
    if (call.getKind() == SqlKind.LATERAL && isJsonTableCall(call.operand(0))) {
      unparse(writer, (SqlCall) call.operand(0));
      return true;
    }
    if (isJsonTableCall(call)) {
      ((SqlCall) call.operand(0)).unparse(writer, 0, 0);
      return true;
    }
    return false;
  }
}
