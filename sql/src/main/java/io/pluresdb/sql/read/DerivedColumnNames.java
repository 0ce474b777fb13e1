package io.pluresdb.sql.read;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Util;

/**
 * Names every unnamed expression of an inner SELECT as the validator named it ({@code EXPR$0}).
 *
 * <p>The validated tree refers to the columns of a derived table by the validator's names: an ORDER
 * BY over a UNION becomes {@code SELECT "EXPR$0"."EXPR$0" FROM (… UNION …) AS "EXPR$0" ORDER BY 1}.
 * SQLite names an unnamed expression by its text instead, so without the alias the outer reference
 * does not resolve ({@code no such column: EXPR$0.EXPR$0}). The outermost SELECT (and the branches
 * of an outermost set operation) keep their text: the driver labels result columns itself, so only
 * inner names matter.
 */
final class DerivedColumnNames {
  private final SqlValidator validator;

  private DerivedColumnNames(SqlValidator validator) {
    this.validator = validator;
  }

  static void name(SqlNode validated, SqlValidator validator) {
    new DerivedColumnNames(validator).visit(validated, false);
  }

  /**
   * Visits a node; {@code named} is true where the columns of a query are referred to by name from
   * outside it: a derived table in FROM, a CTE, and the queries they are made of (set operation
   * branches, an ORDER BY's query).
   */
  private void visit(SqlNode node, boolean named) {
    if (node instanceof SqlNodeList list) {
      for (SqlNode n : list) {
        visit(n, named);
      }
      return;
    }
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call instanceof SqlSelect select) {
      if (named) {
        alias(select);
      }
      SqlNode from = select.getFrom();
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null) {
          visit(operand, operand == from);
        }
      }
      return;
    }
    boolean structural =
        call.getKind() == SqlKind.ORDER_BY
            || call.getKind() == SqlKind.AS
            || call.getKind() == SqlKind.JOIN
            || call.getKind() == SqlKind.WITH
            || call.getKind() == SqlKind.WITH_ITEM
            || call.getKind().belongsTo(SqlKind.SET_QUERY);
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode operand = operands.get(i);
      if (operand != null) {
        // A CTE's queries are read by name from the WITH's body; the body is as the WITH is.
        boolean cte =
            call.getKind() == SqlKind.WITH && i == 0 || call.getKind() == SqlKind.WITH_ITEM;
        visit(operand, cte || structural && named);
      }
    }
  }

  private void alias(SqlSelect select) {
    RelDataType type = validator.getValidatedNodeTypeIfKnown(select);
    SqlNodeList items = select.getSelectList();
    if (type == null || items == null || items.size() != type.getFieldCount()) {
      return;
    }
    List<RelDataTypeField> fields = type.getFieldList();
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      String name = fields.get(i).getName();
      // A column keeps its name in SQLite too, unless the validator had to make it unique (a0).
      boolean named =
          item.getKind() == SqlKind.AS
              || item instanceof SqlIdentifier id
                  && (id.isStar() || Util.last(id.names).equals(name));
      if (named) {
        continue;
      }
      items.set(
          i,
          SqlStdOperatorTable.AS.createCall(
              item.getParserPosition(), item, new SqlIdentifier(name, item.getParserPosition())));
    }
  }
}
