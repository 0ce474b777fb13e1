package io.pluresdb.sql.read;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Makes {@code CAST(boolean AS VARCHAR)} give {@code 'TRUE'} and {@code 'FALSE'}, as the SQL
 * standard (ISO/IEC 9075-2, 6.13 cast specification: a boolean cast to a character string is its
 * literal, {@code TRUE} or {@code FALSE}) and Calcite's own runtime do. SQLite stores booleans as 1
 * and 0, so a plain cast there would give {@code '1'}; the operand is rewritten to a CASE on the
 * stored value before the statement is unparsed.
 */
final class BooleanCasts {
  private BooleanCasts() {}

  static void rewrite(SqlNode validated, SqlValidator validator) {
    validated.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            super.visit(call);
            if (call.getKind() == SqlKind.CAST && isBooleanToText(call, validator)) {
              call.setOperand(0, asText(call.operand(0)));
            }
            return null;
          }
        });
  }

  private static boolean isBooleanToText(SqlCall cast, SqlValidator validator) {
    RelDataType from = validator.getValidatedNodeTypeIfKnown(cast.operand(0));
    RelDataType to = validator.getValidatedNodeTypeIfKnown(cast);
    return from != null
        && from.getSqlTypeName() == SqlTypeName.BOOLEAN
        && to != null
        && SqlTypeUtil.isCharacter(to);
  }

  private static SqlNode asText(SqlNode operand) {
    SqlParserPos pos = operand.getParserPosition();
    return new SqlCase(
        pos,
        operand,
        new SqlNodeList(
            List.of(
                SqlLiteral.createExactNumeric("1", pos), SqlLiteral.createExactNumeric("0", pos)),
            pos),
        new SqlNodeList(
            List.of(
                SqlLiteral.createCharString("TRUE", pos),
                SqlLiteral.createCharString("FALSE", pos)),
            pos),
        SqlLiteral.createNull(pos));
  }
}
