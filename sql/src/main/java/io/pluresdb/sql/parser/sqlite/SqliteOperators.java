package io.pluresdb.sql.parser.sqlite;

import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * SQLite's operators that Calcite lacks: {@code GLOB}, {@code NOT GLOB}, {@code COLLATE} and the
 * JSON operators {@code ->} and {@code ->>}. Each is validated by Calcite for its types and written
 * back to SQLite unchanged, so SQLite gives its own answer (case-sensitive wildcard matching,
 * collation, JSON path extraction).
 */
public final class SqliteOperators {
  /** As {@code LIKE}: looser than arithmetic, tighter than {@code AND}. */
  private static final int LIKE_PRECEDENCE = 32;

  /** Tighter than {@code *} and {@code ||}, as in SQLite's grammar: {@code 2 * j->'$.n'}. */
  private static final int JSON_PRECEDENCE = 70;

  /** Tighter than every other operator, as in SQLite. */
  private static final int COLLATE_PRECEDENCE = 90;

  /** The collations SQLite has built in. */
  private static final Set<String> COLLATIONS = Set.of("BINARY", "NOCASE", "RTRIM");

  /** {@code x GLOB pattern}: Unix wildcards, case-sensitive. */
  public static final SqlBinaryOperator GLOB = likeOperator("GLOB");

  /** {@code x NOT GLOB pattern}. */
  public static final SqlBinaryOperator NOT_GLOB = likeOperator("NOT GLOB");

  /** {@code json -> path}: the JSON text at a path (a JSON path or an array index). */
  public static final SqlBinaryOperator JSON_EXTRACT =
      new Operator(
          "->",
          SqlKind.OTHER,
          JSON_PRECEDENCE,
          true,
          ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE),
          InferTypes.VARCHAR_1024,
          OperandTypes.ANY_ANY);

  /** {@code json ->> path}: the SQL value at a path (text, a number or null), typed ANY. */
  public static final SqlBinaryOperator JSON_EXTRACT_VALUE =
      new Operator(
          "->>",
          SqlKind.OTHER,
          JSON_PRECEDENCE,
          true,
          ReturnTypes.explicit(SqlTypeName.ANY).andThen(SqlTypeTransforms.TO_NULLABLE),
          InferTypes.VARCHAR_1024,
          OperandTypes.ANY_ANY);

  /** {@code x COLLATE name}; build calls with {@link #collate}. */
  public static final SqlBinaryOperator COLLATE = new Collate();

  private SqliteOperators() {}

  /** True when {@code name} (any case) is one of SQLite's built-in collations. */
  public static boolean isCollation(String name) {
    return COLLATIONS.contains(name.toUpperCase(Locale.ROOT));
  }

  /** The right operand of {@link #COLLATE}: the collation's name as a literal. */
  public static SqlNode collationName(String name, SqlParserPos pos) {
    return SqlLiteral.createCharString(name.toUpperCase(Locale.ROOT), pos);
  }

  private static SqlBinaryOperator likeOperator(String name) {
    return new Operator(
        name,
        SqlKind.OTHER,
        LIKE_PRECEDENCE,
        true,
        ReturnTypes.BOOLEAN_NULLABLE,
        InferTypes.FIRST_KNOWN,
        OperandTypes.ANY_ANY);
  }

  /**
   * One operator. None of them is in the operator table, where {@link SqlOperator#deriveType} would
   * look it up by name: the parser builds calls of these very instances, so a call is checked and
   * typed by its own operator.
   */
  private static class Operator extends SqlBinaryOperator {
    Operator(
        String name,
        SqlKind kind,
        int precedence,
        boolean leftAssoc,
        SqlReturnTypeInference returnType,
        SqlOperandTypeInference operandTypes,
        SqlOperandTypeChecker operandChecker) {
      super(name, kind, precedence, leftAssoc, returnType, operandTypes, operandChecker);
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        validator.deriveType(scope, operand);
      }
      return validateOperands(validator, scope, call);
    }
  }

  /** {@code COLLATE}: typed as its left operand; writes the collation name as a bare word. */
  private static final class Collate extends Operator {
    Collate() {
      super(
          "COLLATE",
          SqlKind.OTHER,
          COLLATE_PRECEDENCE,
          true,
          ReturnTypes.ARG0,
          InferTypes.RETURN_TYPE,
          OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER));
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
      call.operand(0).unparse(writer, leftPrec, getLeftPrec());
      writer.keyword("COLLATE");
      writer.keyword(((SqlLiteral) call.operand(1)).getValueAs(String.class));
      writer.endList(frame);
    }
  }
}
