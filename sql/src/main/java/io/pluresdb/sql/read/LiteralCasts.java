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
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.jspecify.annotations.Nullable;

/**
 * Checks casts of character literals to dates, times and booleans when the statement is planned:
 * SQLite has no such types (its CAST to them answers a number), so a literal that is no date is a
 * data exception, checked once, here, with the same conversion a bound value gets. Casts to numbers
 * are SQLite's, which never fail: {@code CAST('12abc' AS INTEGER)} is the longest numeric prefix,
 * 12, and {@code CAST('abc' AS INTEGER)} is 0. Casts of column values keep SQLite's behaviour.
 *
 * <p>A comparison is different: {@code 'hello' = n} or {@code n IN (1, 'hello')} on a number {@code
 * n} is no error in SQLite, which compares by affinity (the text stays text and equals no number).
 * The validator makes such an operand a cast to the other side's type; when the text is no such
 * value, that cast is taken away so that SQLite compares the literal as written.
 */
final class LiteralCasts {
  private static final Set<ColumnType> CHECKED =
      EnumSet.of(ColumnType.DATE, ColumnType.TIME, ColumnType.TIMESTAMP, ColumnType.BOOLEAN);

  /** The types a compared literal must be a value of to keep the validator's cast to them. */
  private static final Set<ColumnType> COMPARED =
      EnumSet.of(
          ColumnType.TINYINT,
          ColumnType.SMALLINT,
          ColumnType.INTEGER,
          ColumnType.BIGINT,
          ColumnType.REAL,
          ColumnType.DOUBLE,
          ColumnType.DECIMAL,
          ColumnType.DATE,
          ColumnType.TIME,
          ColumnType.TIMESTAMP,
          ColumnType.BOOLEAN);

  private LiteralCasts() {}

  static void check(SqlNode validated, SqlValidator validator) throws SQLException {
    SQLException[] failure = new SQLException[1];
    validated.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (call.getKind().belongsTo(SqlKind.BINARY_COMPARISON)
                || call.getKind() == SqlKind.IN
                || call.getKind() == SqlKind.NOT_IN) {
              uncastComparedTexts(call, validator);
            }
            if (failure[0] == null) {
              failure[0] = failure(call, validator);
            }
            return super.visit(call);
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  /** The data exception of a cast of a literal that is not a value of the target type, or null. */
  private static @Nullable SQLException failure(SqlCall call, SqlValidator validator) {
    return failure(call, validator, CHECKED);
  }

  private static @Nullable SQLException failure(
      SqlCall call, SqlValidator validator, Set<ColumnType> types) {
    ColumnType target = checkedTarget(call, validator, types);
    if (target == null) {
      return null;
    }
    try {
      Values.coerce(((SqlCharStringLiteral) call.operand(0)).getValueAs(String.class), target);
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  /** The checked type a character literal is cast to by {@code node}, or null. */
  private static @Nullable ColumnType checkedTarget(
      SqlNode node, SqlValidator validator, Set<ColumnType> types) {
    if (node.getKind() != SqlKind.CAST
        || !(node instanceof SqlCall call)
        || !(call.operand(0) instanceof SqlCharStringLiteral)) {
      return null;
    }
    RelDataType type = validator.getValidatedNodeTypeIfKnown(call);
    ColumnType target = type == null ? null : TypeMapping.fromRelType(type);
    return target != null && types.contains(target) ? target : null;
  }

  /** Replaces the validator's casts of compared literals that are no value of the cast's type. */
  private static void uncastComparedTexts(SqlCall comparison, SqlValidator validator) {
    for (int i = 0; i < comparison.operandCount(); i++) {
      SqlNode operand = comparison.operand(i);
      if (operand instanceof SqlNodeList list) {
        for (int j = 0; j < list.size(); j++) {
          SqlNode literal = uncast(list.get(j), validator);
          if (literal != null) {
            list.set(j, literal);
          }
        }
      } else {
        SqlNode literal = uncast(operand, validator);
        if (literal != null) {
          comparison.setOperand(i, literal);
        }
      }
    }
  }

  /**
   * True for a cast the validator's type coercion made: it has no text of its own, so it stands
   * where its operand stands (a written {@code CAST(...)} starts at the word CAST) or nowhere.
   */
  private static boolean addedByValidator(SqlCall cast) {
    SqlParserPos pos = cast.getParserPosition();
    return pos.equals(SqlParserPos.ZERO)
        || pos.equals(cast.operand(0).getParserPosition())
        || cast.operand(1).getParserPosition().equals(SqlParserPos.ZERO);
  }

  /**
   * The literal of a cast the validator added when the literal is no value of the cast's type; null
   * otherwise.
   */
  private static @Nullable SqlNode uncast(@Nullable SqlNode node, SqlValidator validator) {
    if (node == null
        || !(node instanceof SqlCall cast)
        || failure(cast, validator, COMPARED) == null
        || !addedByValidator(cast)) {
      return null;
    }
    return cast.operand(0);
  }
}
