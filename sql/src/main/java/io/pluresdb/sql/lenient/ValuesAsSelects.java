package io.pluresdb.sql.lenient;

import io.pluresdb.sql.parser.SqlTrees;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.jspecify.annotations.Nullable;

/**
 * A query's {@code VALUES} as SQLite names its columns: {@code column1}, {@code column2}, … (the
 * validator would call them {@code EXPR$0}, a name SQLite does not know when the VALUES is a
 * subquery). Each VALUES of a query becomes {@code SELECT a AS column1, b AS column2 UNION ALL
 * SELECT c, d …}, which SQLite reads with the same rows and names. A VALUES of more rows than
 * SQLite allows terms in one compound SELECT is left as it is.
 */
public final class ValuesAsSelects {
  /** SQLite allows at most 500 terms in one compound SELECT. */
  private static final int MAX_ROWS = 400;

  private ValuesAsSelects() {}

  /** The query with its VALUES rewritten; the root itself may be replaced. */
  public static SqlNode rewrite(SqlNode query) {
    SqlNode replaced = asSelects(query);
    if (replaced != null) {
      return replaced;
    }
    rewriteUnder(query);
    return query;
  }

  private static void rewriteUnder(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode child = list.get(i);
        if (child != null) {
          SqlNode replaced = asSelects(child);
          if (replaced != null) {
            list.set(i, replaced);
          } else {
            rewriteUnder(child);
          }
        }
      }
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode child = operands.get(i);
        if (child == null) {
          continue;
        }
        SqlNode replaced = asSelects(child);
        if (replaced == null) {
          rewriteUnder(child);
          continue;
        }
        try {
          call.setOperand(i, replaced);
        } catch (UnsupportedOperationException e) {
          return; // a node that cannot take a new operand keeps its VALUES
        }
      }
    }
  }

  /** The compound SELECT for a VALUES node, or null when {@code node} is not one to rewrite. */
  private static @Nullable SqlNode asSelects(SqlNode node) {
    if (node.getKind() != SqlKind.VALUES || !(node instanceof SqlCall values)) {
      return null;
    }
    List<SqlNode> rows = values.getOperandList();
    if (rows.isEmpty() || rows.size() > MAX_ROWS) {
      return null;
    }
    SqlNode result = null;
    for (int r = 0; r < rows.size(); r++) {
      if (!(rows.get(r) instanceof SqlCall row) || row.getKind() != SqlKind.ROW) {
        return null;
      }
      List<SqlNode> items = new ArrayList<>();
      for (int c = 0; c < row.operandCount(); c++) {
        SqlNode item = row.operand(c);
        items.add(
            r == 0
                ? SqlStdOperatorTable.AS.createCall(
                    item.getParserPosition(),
                    item,
                    new SqlIdentifier("column" + (c + 1), SqlParserPos.ZERO))
                : item);
      }
      SqlParserPos pos = row.getParserPosition();
      SqlSelect select = SqlTrees.select(pos, new SqlNodeList(items, pos), null, null);
      result =
          result == null
              ? select
              : SqlStdOperatorTable.UNION_ALL.createCall(
                  values.getParserPosition(), result, select);
    }
    return result;
  }
}
