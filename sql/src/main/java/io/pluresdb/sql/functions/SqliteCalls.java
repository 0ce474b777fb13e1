package io.pluresdb.sql.functions;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/**
 * Writes the standard calls SQLite spells differently: {@code LISTAGG(x, sep) WITHIN GROUP (ORDER
 * BY …)} and {@code agg(x ORDER BY …)} as {@code group_concat(x, sep ORDER BY …)}, {@code
 * JSON_OBJECT} and {@code JSON_ARRAY} without their standard ON NULL clause (SQLite keeps nulls),
 * json_each and json_tree in FROM as plain calls.
 */
public final class SqliteCalls {
  private SqliteCalls() {}

  /**
   * Writes the call if it is one of those above and returns true; false leaves it to the caller.
   */
  public static boolean unparse(SqlWriter writer, SqlCall call) {
    if (LateralJsonTables.unparse(writer, call)) {
      return true;
    }
    List<SqlNode> ops = call.getOperandList();
    switch (call.getKind()) {
      case WITHIN_GROUP -> {
        SqlCall agg = (SqlCall) ops.get(0);
        aggregate(writer, agg, (SqlNodeList) ops.get(1));
        return true;
      }
      case LISTAGG -> {
        aggregate(writer, call, SqlNodeList.EMPTY);
        return true;
      }
      default -> {}
    }
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (name.equals("JSON_OBJECT") || name.equals("JSON_ARRAY")) {
      // operand 0 is the ON NULL clause
      function(
          writer, name.toLowerCase(Locale.ROOT), ops.subList(1, ops.size()), SqlNodeList.EMPTY);
      return true;
    }
    return false;
  }

  private static void aggregate(SqlWriter writer, SqlCall agg, SqlNodeList orderBy) {
    String name = agg.getKind() == SqlKind.LISTAGG ? "group_concat" : agg.getOperator().getName();
    SqlWriter.Frame f = writer.startFunCall(name);
    if (agg.getFunctionQuantifier() != null) {
      agg.getFunctionQuantifier().unparse(writer, 0, 0);
    }
    arguments(writer, agg.getOperandList(), orderBy);
    writer.endFunCall(f);
  }

  private static void function(
      SqlWriter writer, String name, List<SqlNode> args, SqlNodeList orderBy) {
    SqlWriter.Frame f = writer.startFunCall(name);
    arguments(writer, args, orderBy);
    writer.endFunCall(f);
  }

  private static void arguments(SqlWriter writer, List<SqlNode> args, SqlNodeList orderBy) {
    for (SqlNode arg : args) {
      writer.sep(",");
      arg.unparse(writer, 0, 0);
    }
    if (!orderBy.isEmpty()) {
      writer.keyword("ORDER BY");
      SqlWriter.Frame list = writer.startList("", "");
      for (SqlNode item : orderBy) {
        writer.sep(",");
        item.unparse(writer, 0, 0);
      }
      writer.endList(list);
    }
  }
}
