package io.pluresdb.sql.read;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.sql.catalog.TypeMapping;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Checks casts of character literals to dates, times and booleans when the statement is planned:
 * SQLite has no such types (its CAST to them answers a number), so a literal that is no date is a
 * data exception, checked once, here, with the same conversion a bound value gets. Casts to numbers
 * are SQLite's, which never fail: {@code CAST('12abc' AS INTEGER)} is the longest numeric prefix,
 * 12, and {@code CAST('abc' AS INTEGER)} is 0. Casts of column values keep SQLite's behaviour.
 */
final class LiteralCasts {
  private static final Set<ColumnType> CHECKED =
      EnumSet.of(ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP, ColumnType.BOOLEAN);

  private LiteralCasts() {}

  static void check(SqlNode validated, SqlValidator validator) throws SQLException {
    SQLException[] failure = new SQLException[1];
    validated.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (failure[0] == null
                && call.getKind() == SqlKind.CAST
                && call.operand(0) instanceof SqlCharStringLiteral literal) {
              RelDataType type = validator.getValidatedNodeTypeIfKnown(call);
              ColumnType target = type == null ? null : TypeMapping.fromRelType(type);
              if (target != null && CHECKED.contains(target)) {
                try {
                  Values.coerce(literal.getValueAs(String.class), target);
                } catch (SQLException e) {
                  failure[0] = e;
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
