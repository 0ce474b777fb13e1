package io.pluresdb.sql.live;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * Finds the {@link Filter} of a live query over one table: a comparison of one of its columns with
 * a parameter or literal in the top-level WHERE conjunction, read from the parsed (unvalidated)
 * query.
 */
final class FilterFinder {
  private FilterFinder() {}

  /** The first indexable conjunct of the WHERE clause: an equality if any, else a range. */
  static Filter first(SqlNode query, TableDef table, List<String> qualifier) {
    SqlNode body = query instanceof SqlOrderBy ob ? ob.query : query;
    if (!(body instanceof SqlSelect select) || select.getWhere() == null) {
      return null;
    }
    List<SqlNode> conjuncts = new ArrayList<>();
    flatten(select.getWhere(), conjuncts);
    Filter range = null;
    for (SqlNode c : conjuncts) {
      Filter f = comparison(c, table, qualifier);
      if (f != null && f.op() == Filter.Op.EQ) {
        return f;
      }
      if (range == null) {
        range = f;
      }
    }
    return range;
  }

  private static void flatten(SqlNode node, List<SqlNode> out) {
    if (node.getKind() == SqlKind.AND) {
      for (SqlNode operand : ((SqlCall) node).getOperandList()) {
        flatten(operand, out);
      }
    } else {
      out.add(node);
    }
  }

  private static Filter comparison(SqlNode node, TableDef table, List<String> qualifier) {
    Filter.Op op =
        switch (node.getKind()) {
          case EQUALS -> Filter.Op.EQ;
          case LESS_THAN -> Filter.Op.LT;
          case LESS_THAN_OR_EQUAL -> Filter.Op.LE;
          case GREATER_THAN -> Filter.Op.GT;
          case GREATER_THAN_OR_EQUAL -> Filter.Op.GE;
          default -> null;
        };
    if (op == null || !(node instanceof SqlBasicCall call)) {
      return null;
    }
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    int column = column(left, table, qualifier);
    if (column < 0) {
      column = column(right, table, qualifier);
      op = op.flip();
      SqlNode t = left;
      left = right;
      right = t;
    }
    if (column < 0) {
      return null;
    }
    ColumnDef def = table.columns().get(column);
    if (right instanceof SqlDynamicParam p) {
      return new Filter(column, def.type(), op, p.getIndex(), null);
    }
    if (right instanceof SqlLiteral l && l.getValue() != null) {
      Object v = l.getValue();
      if (v instanceof org.apache.calcite.util.NlsString s) {
        v = s.getValue();
      }
      return new Filter(column, def.type(), op, -1, v);
    }
    return null;
  }

  /** The declared position of a column reference to the table, or -1. */
  private static int column(SqlNode node, TableDef table, List<String> qualifier) {
    if (!(node instanceof SqlIdentifier id) || id.isStar()) {
      return -1;
    }
    List<String> names = id.names;
    if (names.size() > 1 && !names.subList(0, names.size() - 1).equals(qualifier)) {
      return -1;
    }
    return table.columnIndex(names.get(names.size() - 1));
  }
}
