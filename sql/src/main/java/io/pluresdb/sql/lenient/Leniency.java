package io.pluresdb.sql.lenient;

import io.pluresdb.sql.parser.SqlTrees;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlCase;
import org.jspecify.annotations.Nullable;

/**
 * Validates a query as SQLite would accept it: where the validator refuses an expression that
 * SQLite takes (a column neither grouped nor aggregated; a value that is not a boolean used as a
 * condition; a comparison of values of no common type), that expression is wrapped in {@link Bare},
 * {@link Truth} or {@link Compared} in a fresh copy of the tree and the copy is validated again.
 * The wrappers unparse to the expression itself, so SQLite reads the statement as written and gives
 * its own answer.
 *
 * <p>Only the expression the validator names (by its position) is wrapped, so a query Calcite
 * accepts is validated once and unchanged, and each retry fixes one more expression.
 */
public final class Leniency {
  /** More refusals than this in one statement are reported as they are. */
  private static final int MAX_RETRIES = 64;

  private static final Pattern NOT_GROUPED =
      Pattern.compile("Expression '.*' is not being grouped");

  private static final Pattern NOT_COMPARABLE =
      Pattern.compile(
          "Values (passed to (NOT )?IN operator|in expression list) must have compatible types"
              + "|Cannot apply '(=|<>|<|>|<=|>=)' to arguments of type .*",
          Pattern.DOTALL);

  private static final Pattern NOT_CONDITION =
      Pattern.compile("(WHERE|HAVING|ON) clause must be a condition|Expected a boolean type");

  /** {@code NOT x}, {@code x AND y}, {@code x OR y} of values that are not booleans. */
  private static final Pattern NOT_LOGICAL =
      Pattern.compile("Cannot apply '(NOT|AND|OR)' to arguments of type .*", Pattern.DOTALL);

  private Leniency() {}

  /**
   * Runs {@code validate} on {@code query}, retrying on a copy with the refused expression wrapped
   * while the validator refuses what SQLite accepts; other failures are thrown as they are.
   */
  public static <T> T validate(SqlNode query, Function<SqlNode, T> validate) {
    SqlNode current = query;
    for (int attempt = 0; ; attempt++) {
      // the validator rewrites the tree it validates: keep an untouched copy for a retry
      SqlNode spare = SqlTrees.copy(current);
      try {
        return validate.apply(current);
      } catch (CalciteContextException e) {
        SqlOperator wrapper = wrapperFor(e);
        if (wrapper == null || attempt >= MAX_RETRIES || !wrap(spare, e, wrapper)) {
          throw e;
        }
        current = spare;
      }
    }
  }

  private static @Nullable SqlOperator wrapperFor(CalciteContextException e) {
    Throwable cause = e.getCause();
    String message = cause == null ? null : cause.getMessage();
    if (message == null) {
      return null;
    } else if (NOT_GROUPED.matcher(message).matches()) {
      return Bare.INSTANCE;
    } else if (NOT_CONDITION.matcher(message).matches() || NOT_LOGICAL.matcher(message).matches()) {
      return Truth.INSTANCE;
    } else if (NOT_COMPARABLE.matcher(message).matches()) {
      return Compared.INSTANCE;
    }
    return null;
  }

  /** Wraps the first expression (in pre-order) at the refused position; false if none is. */
  private static boolean wrap(SqlNode node, CalciteContextException e, SqlOperator wrapper) {
    List<@Nullable SqlNode> children;
    if (node instanceof SqlNodeList list) {
      children = list.getList();
    } else if (node instanceof SqlCall call) {
      children = call.getOperandList();
    } else {
      return false;
    }
    for (int i = 0; i < children.size(); i++) {
      SqlNode child = children.get(i);
      if (child == null) {
        continue;
      }
      if (at(child, e) && child instanceof SqlCase c && wrapper == Truth.INSTANCE) {
        return conditions(c);
      }
      if (at(child, e) && wrapper == Truth.INSTANCE && isLogical(child)) {
        return operandsAsTruths((SqlCall) child);
      }
      if (at(child, e)
          && child instanceof SqlNodeList values
          && wrapper == Compared.INSTANCE
          && isInList(node, i)) {
        return comparedValues(values);
      }
      if (at(child, e) && child instanceof SqlCall comparison && wrapper == Compared.INSTANCE) {
        // the comparison is refused as a whole: its left side is taken as a value of any type
        SqlNode left = comparison.operand(0);
        return !(left instanceof SqlCall call && call.getOperator() == Compared.INSTANCE)
            && replace(comparison, 0, wrapper.createCall(left.getParserPosition(), left));
      }
      if (at(child, e) && child.getKind() != SqlKind.AS && !(child instanceof SqlNodeList)) {
        return replace(node, i, wrapper.createCall(child.getParserPosition(), child));
      }
      if (wrap(child, e, wrapper)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A CASE whose WHEN is not a boolean is refused as a whole: every WHEN condition is taken as a
   * truth value (a boolean one unchanged).
   */
  private static boolean conditions(SqlCase c) {
    SqlNodeList whens = c.getWhenOperands();
    boolean changed = false;
    for (int i = 0; i < whens.size(); i++) {
      SqlNode when = whens.get(i);
      if (when != null && !(when instanceof SqlCall call && call.getOperator() == Truth.INSTANCE)) {
        whens.set(i, Truth.INSTANCE.createCall(when.getParserPosition(), when));
        changed = true;
      }
    }
    return changed;
  }

  private static boolean isLogical(SqlNode node) {
    return node instanceof SqlCall && node.getKind() == SqlKind.NOT
        || node.getKind() == SqlKind.AND
        || node.getKind() == SqlKind.OR;
  }

  /**
   * {@code NOT qty}, {@code note AND qty}: refused as a whole, so each operand is taken as a truth
   * value (a boolean one unchanged), as SQLite takes any value.
   */
  private static boolean operandsAsTruths(SqlCall logical) {
    boolean changed = false;
    List<@Nullable SqlNode> operands = logical.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode operand = operands.get(i);
      if (operand != null
          && !(operand instanceof SqlCall call && call.getOperator() == Truth.INSTANCE)) {
        changed |=
            replace(logical, i, Truth.INSTANCE.createCall(operand.getParserPosition(), operand));
      }
    }
    return changed;
  }

  private static boolean isInList(SqlNode parent, int operand) {
    return operand == 1
        && (parent.getKind() == SqlKind.IN || parent.getKind() == SqlKind.NOT_IN)
        && parent instanceof SqlCall;
  }

  /** A list of values of no common type, {@code IN (1, x'30')}: each taken as of any type. */
  private static boolean comparedValues(SqlNodeList values) {
    boolean changed = false;
    for (int i = 0; i < values.size(); i++) {
      SqlNode value = values.get(i);
      if (value != null
          && !(value instanceof SqlCall call && call.getOperator() == Compared.INSTANCE)) {
        values.set(i, Compared.INSTANCE.createCall(value.getParserPosition(), value));
        changed = true;
      }
    }
    return changed;
  }

  private static boolean replace(SqlNode parent, int i, SqlNode wrapped) {
    try {
      if (parent instanceof SqlNodeList list) {
        list.set(i, wrapped);
      } else {
        ((SqlCall) parent).setOperand(i, wrapped);
      }
      return true;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return false; // a node that cannot take a new operand: the refusal stands
    }
  }

  private static boolean at(SqlNode node, CalciteContextException e) {
    var pos = node.getParserPosition();
    return pos.getLineNum() == e.getPosLine()
        && pos.getColumnNum() == e.getPosColumn()
        && pos.getEndLineNum() == e.getEndPosLine()
        && pos.getEndColumnNum() == e.getEndPosColumn();
  }
}
