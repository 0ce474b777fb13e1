package io.pluresdb.sql.read;

import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * Which result columns hold their type's scale exactly: declared DECIMAL columns and what keeps
 * their scale (SUM, MIN, MAX, addition, subtraction, negation, CASE, COALESCE). SQLite keeps 12.50
 * as the number 12.5, so reads give such columns their zeros back. Division and functions such as
 * ROUND get a scale Calcite derives but does not hold to (7 / 2.0 is DECIMAL(p,6)), so their values
 * are left as SQLite computed them.
 */
final class ExactScales {
  private static final Set<SqlKind> KEEPING =
      Set.of(
          SqlKind.SUM,
          SqlKind.SUM0,
          SqlKind.MIN,
          SqlKind.MAX,
          SqlKind.PLUS,
          SqlKind.MINUS,
          SqlKind.MINUS_PREFIX,
          SqlKind.PLUS_PREFIX,
          SqlKind.CASE,
          SqlKind.COALESCE,
          SqlKind.AS,
          SqlKind.OVER,
          SqlKind.WINDOW);

  private ExactScales() {}

  /** Per result column of a validated query, whether its values take the column's scale. */
  static boolean[] of(SqlNode validated, int columns) {
    boolean[] exact = new boolean[columns];
    if (validated instanceof SqlSelect select && select.getSelectList().size() == columns) {
      List<SqlNode> items = select.getSelectList().getList();
      for (int i = 0; i < columns; i++) {
        exact[i] = keepsScale(items.get(i));
      }
    }
    return exact;
  }

  private static boolean keepsScale(SqlNode node) {
    if (node == null || node instanceof SqlIdentifier || node instanceof SqlLiteral) {
      return true;
    }
    if (node instanceof SqlNodeList list) {
      return list.getList().stream().allMatch(ExactScales::keepsScale);
    }
    if (node instanceof SqlCall call && KEEPING.contains(call.getKind())) {
      if (call.getKind() == SqlKind.AS) {
        return keepsScale(call.operand(0));
      }
      return call.getOperandList().stream().allMatch(ExactScales::keepsScale);
    }
    return false;
  }
}
