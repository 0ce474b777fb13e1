package io.pluresdb.sql.calcite;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.vector.VectorCodec;
import io.pluresdb.vector.VectorException;
import java.sql.SQLException;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * What the planner learns from the vector function calls of a validated statement: their {@code ?}
 * arguments are vectors (bound as {@code float[]} or text and sent to SQLite as float32 bytes), and
 * their text literals must be vectors, which is checked once when the statement is planned rather
 * than on every row (or never, on an empty table).
 */
public final class VectorCalls {
  private VectorCalls() {}

  /**
   * Records {@link ColumnType#VECTOR} for each parameter passed to a vector function, and {@link
   * ColumnType#VARCHAR} for one passed to {@code embed}.
   */
  public static void markParameters(SqlNode node, Map<Integer, ColumnType> byIndex) {
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (VectorFunctions.isVectorFunction(call.getOperator())) {
              for (SqlNode operand : call.getOperandList()) {
                if (operand instanceof SqlDynamicParam p) {
                  byIndex.put(p.getIndex(), ColumnType.VECTOR);
                }
              }
            } else if (call.getOperator().getName().equalsIgnoreCase("EMBED")) {
              // embed(?) takes text, wherever it appears (Calcite types no ORDER BY parameter)
              for (SqlNode operand : call.getOperandList()) {
                if (operand instanceof SqlDynamicParam p) {
                  byIndex.putIfAbsent(p.getIndex(), ColumnType.VARCHAR);
                }
              }
            }
            return super.visit(call);
          }
        });
  }

  /** Fails with 22P02 when a text literal passed to a vector function is not a vector. */
  public static void checkLiterals(SqlNode node) throws SQLException {
    SQLException[] failure = new SQLException[1];
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (failure[0] == null && VectorFunctions.isVectorFunction(call.getOperator())) {
              for (SqlNode operand : call.getOperandList()) {
                if (operand instanceof SqlCharStringLiteral literal) {
                  try {
                    VectorCodec.parse(literal.getValueAs(String.class));
                  } catch (VectorException e) {
                    failure[0] =
                        Errors.of(
                            SqlState.INVALID_TEXT_REPRESENTATION,
                            "argument of "
                                + call.getOperator().getName().toLowerCase(java.util.Locale.ROOT)
                                + ": "
                                + e.getMessage(),
                            e);
                  }
                }
              }
            }
            return super.visit(call);
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
  }
}
