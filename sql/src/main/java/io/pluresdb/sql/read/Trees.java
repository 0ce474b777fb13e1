package io.pluresdb.sql.read;

import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.jspecify.annotations.Nullable;

/** Replacing nodes of a parsed or validated tree in place. Stateless. */
final class Trees {
  /** Gives the replacement of a child of {@code parent}, or null to keep it and look inside. */
  interface Replacement {
    @Nullable SqlNode apply(SqlNode parent, SqlNode child) throws SQLException;
  }

  private Trees() {}

  /** Replaces, under {@code node}, each child {@code r} gives a replacement of. */
  static void replace(SqlNode node, Replacement r) throws SQLException {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode child = list.get(i);
        if (child != null) {
          SqlNode next = r.apply(node, child);
          if (next == null) {
            replace(child, r);
          } else {
            list.set(i, next);
          }
        }
      }
    } else if (node instanceof SqlCall call) {
      List<@Nullable SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode child = operands.get(i);
        if (child != null) {
          SqlNode next = r.apply(node, child);
          if (next == null) {
            replace(child, r);
          } else {
            call.setOperand(i, next);
          }
        }
      }
    }
  }
}
