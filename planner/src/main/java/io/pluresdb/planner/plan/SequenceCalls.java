package io.pluresdb.planner.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Plans {@code NEXT VALUE FOR}. A sequence value is not data SQLite holds: it is reserved from the
 * node's id generator when the statement runs, so the statement is answered without a push-down.
 * The shapes ORMs and users send are accepted: {@code SELECT NEXT VALUE FOR s [AS x]} and {@code
 * VALUES NEXT VALUE FOR s}; anywhere else the expression is refused with 0A000.
 */
final class SequenceCalls {
  private static final String LABEL = "next_value";

  private SequenceCalls() {}

  /** The plan when {@code node} asks for a sequence value, else null. */
  static Plan.SequenceValue plan(String sql, SqlNode node) throws SQLException {
    if (!mentionsSequence(node)) {
      return null;
    }
    SqlNode item = null;
    if (node instanceof SqlSelect select
        && select.getFrom() == null
        && select.getWhere() == null
        && select.getGroup() == null
        && select.getSelectList().size() == 1) {
      item = select.getSelectList().get(0);
    } else if (node.getKind() == SqlKind.VALUES
        && ((SqlCall) node).operandCount() == 1
        && ((SqlCall) node).operand(0) instanceof SqlCall row
        && row.operandCount() == 1) {
      item = row.operand(0);
    }
    String label = LABEL;
    if (item != null && item.getKind() == SqlKind.AS) {
      label = ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
      item = ((SqlCall) item).operand(0);
    }
    if (item == null || item.getKind() != SqlKind.NEXT_VALUE) {
      throw Errors.of(
          SqlState.FEATURE_NOT_SUPPORTED,
          "NEXT VALUE FOR is supported as SELECT NEXT VALUE FOR name only");
    }
    SqlIdentifier name = ((SqlCall) item).operand(0);
    return new Plan.SequenceValue(sql, name.names.get(name.names.size() - 1), label);
  }

  private static boolean mentionsSequence(SqlNode node) {
    boolean[] found = {false};
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (call.getKind() == SqlKind.NEXT_VALUE) {
              found[0] = true;
              return null;
            }
            return super.visit(call);
          }
        });
    return found[0];
  }
}
