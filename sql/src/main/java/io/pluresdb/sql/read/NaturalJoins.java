package io.pluresdb.sql.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorNamespace;
import org.jspecify.annotations.Nullable;

/**
 * {@code NATURAL JOIN} joins on the declared columns the two sides share, as SQLite does on
 * SQLite's tables; written back as {@code NATURAL} it would also join on the store's own columns
 * that every materialized table has. It becomes {@code JOIN … USING (shared columns)}, or a cross
 * join when they share none.
 */
final class NaturalJoins {
  private NaturalJoins() {}

  static void rewrite(SqlNode validated, SqlValidator validator) {
    validated.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            super.visit(call);
            if (call instanceof SqlJoin join && join.isNatural()) {
              explicit(join, validator);
            }
            return null;
          }
        });
  }

  private static @Nullable RelDataType rowType(SqlNode side, SqlValidator validator) {
    SqlValidatorNamespace ns = validator.getNamespace(side);
    return ns != null ? ns.getRowType() : validator.getValidatedNodeTypeIfKnown(side);
  }

  private static void explicit(SqlJoin join, SqlValidator validator) {
    RelDataType left = rowType(join.getLeft(), validator);
    RelDataType right = rowType(join.getRight(), validator);
    if (left == null || right == null) {
      return; // types unknown: leave the join as written
    }
    Set<String> rightNames =
        right.getFieldList().stream()
            .map(f -> f.getName().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<SqlNode> shared = new ArrayList<>();
    for (RelDataTypeField f : left.getFieldList()) {
      if (rightNames.contains(f.getName().toLowerCase(Locale.ROOT))) {
        shared.add(new SqlIdentifier(f.getName(), SqlParserPos.ZERO));
      }
    }
    SqlParserPos pos = join.getParserPosition();
    join.setOperand(1, SqlLiteral.createBoolean(false, pos));
    if (shared.isEmpty()) {
      if (join.getJoinType() == JoinType.INNER) {
        join.setOperand(2, JoinType.CROSS.symbol(pos));
      }
      join.setOperand(4, JoinConditionType.NONE.symbol(pos));
      join.setOperand(5, null);
    } else {
      join.setOperand(4, JoinConditionType.USING.symbol(pos));
      join.setOperand(5, new SqlNodeList(shared, pos));
    }
  }
}
