package io.pluresdb.sql.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.sql.parser.dml.SqlReturning;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Plans {@code NEXT VALUE FOR}. A sequence value is not data SQLite holds: it is reserved from the
 * node's id generator when the statement runs, so the statement is answered without a push-down.
 * The shapes ORMs and users send are accepted: {@code SELECT NEXT VALUE FOR s [AS x]} and {@code
 * VALUES NEXT VALUE FOR s}, and as a whole value of an {@code INSERT … VALUES} row (which the write
 * planner reserves per row); anywhere else the expression is refused with 0A000.
 */
final class SequenceCalls {
  private static final String LABEL = "next_value";

  private SequenceCalls() {}

  /** The plan when {@code node} asks for a sequence value, else null. */
  static Plan.SequenceValue plan(String sql, SqlNode node) throws SQLException {
    int calls = sequenceCalls(node);
    if (calls == 0 || calls == insertedValues(node)) {
      return null; // none, or all values of INSERT … VALUES rows, which the write planner takes
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
          "NEXT VALUE FOR is supported as SELECT NEXT VALUE FOR name"
              + " or as a value of INSERT … VALUES only");
    }
    SqlIdentifier name = ((SqlCall) item).operand(0);
    return new Plan.SequenceValue(sql, name.names.get(name.names.size() - 1), label);
  }

  private static int sequenceCalls(SqlNode node) {
    int[] found = {0};
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (call.getKind() == SqlKind.NEXT_VALUE) {
              found[0]++;
              return null;
            }
            return super.visit(call);
          }
        });
    return found[0];
  }

  /** How many values of the rows of {@code INSERT … VALUES} (with RETURNING) are sequence calls. */
  private static int insertedValues(SqlNode node) {
    if (node instanceof SqlReturning returning) {
      node = returning.statement();
    }
    if (!(node instanceof SqlInsert insert) || insert.getSource().getKind() != SqlKind.VALUES) {
      return -1;
    }
    int n = 0;
    for (SqlNode row : ((SqlCall) insert.getSource()).getOperandList()) {
      for (SqlNode value : ((SqlCall) row).getOperandList()) {
        n += value.getKind() == SqlKind.NEXT_VALUE ? 1 : 0;
      }
    }
    return n;
  }
}
