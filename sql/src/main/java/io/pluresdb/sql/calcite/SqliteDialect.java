package io.pluresdb.sql.calcite;

import io.pluresdb.sql.functions.SqliteCalls;
import io.pluresdb.sql.parser.sqlite.SqliteIndexHints;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.SqliteSqlDialect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Writes validated SQL as SQLite understands it. Beyond Calcite's {@link SqliteSqlDialect}
 * (LIMIT/OFFSET), it names SQLite as the product, sorts NULLs low as SQLite does, writes date/time
 * literals in the stored ISO text form, and translates the standard functions and casts that SQLite
 * spells differently (CHAR_LENGTH, SUBSTRING, POSITION, TRIM, MOD, EXTRACT, CAST to SQLite's type
 * affinities, IS [NOT] DISTINCT FROM).
 */
public final class SqliteDialect extends SqliteSqlDialect {
  /** The dialect instance; immutable and shared. */
  public static final SqliteDialect INSTANCE =
      new SqliteDialect(
          SqlDialect.EMPTY_CONTEXT
              .withDatabaseProduct(SqlDialect.DatabaseProduct.SQLITE)
              .withDatabaseProductName("SQLite")
              .withIdentifierQuoteString("\"")
              .withUnquotedCasing(Casing.UNCHANGED)
              .withQuotedCasing(Casing.UNCHANGED)
              .withCaseSensitive(false)
              .withNullCollation(NullCollation.LOW));

  private SqliteDialect(Context context) {
    super(context);
  }

  @Override
  public void unparseDateTimeLiteral(
      SqlWriter writer, SqlAbstractDateTimeLiteral literal, int leftPrec, int rightPrec) {
    // Dates, times and timestamps are stored as ISO-8601 text, so a literal is its stored text
    writer.literal("'" + DatetimeCasts.literalText(literal) + "'");
  }

  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (SqliteCalls.unparse(writer, call)) {
      return;
    }
    List<SqlNode> ops = call.getOperandList();
    switch (call.getKind()) {
      case CAST -> unparseCast(writer, ops.get(0), (SqlDataTypeSpec) ops.get(1));
      case TRIM -> unparseTrim(writer, ops);
      case EXTRACT -> unparseExtract(writer, ops);
      case IS_DISTINCT_FROM -> infix(writer, ops.get(0), "IS NOT", ops.get(1));
      case IS_NOT_DISTINCT_FROM -> infix(writer, ops.get(0), "IS", ops.get(1));
      case MOD -> infix(writer, ops.get(0), "%", ops.get(1));
      case BETWEEN -> unparseBetween(writer, (SqlBetweenOperator) call.getOperator(), ops);
      case POSITION -> {
        if (ops.size() == 2) {
          function(writer, "instr", ops.get(1), ops.get(0));
        } else {
          super.unparseCall(writer, call, leftPrec, rightPrec);
        }
      }
      case WITH -> unparseWith(writer, (SqlWith) call);
      case AS -> {
        if (ops.get(0) instanceof SqlTableRef ref && SqliteIndexHints.hasSqliteHint(ref)) {
          unparseHintedAs(writer, ref, ops);
        } else {
          super.unparseCall(writer, call, leftPrec, rightPrec);
        }
      }
      default -> unparseByName(writer, call, leftPrec, rightPrec);
    }
  }

  /** {@code t AS a INDEXED BY i}: SQLite reads its table hints after the alias. */
  private static void unparseHintedAs(SqlWriter writer, SqlTableRef ref, List<SqlNode> ops) {
    ref.operand(0).unparse(writer, 0, 0);
    writer.keyword("AS");
    ops.get(1).unparse(writer, 0, 0);
    if (ops.size() > 2) {
      SqlWriter.Frame columns = writer.startList("(", ")");
      for (SqlNode column : ops.subList(2, ops.size())) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      writer.endList(columns);
    }
    SqliteIndexHints.unparse(writer, ref.operand(1));
  }

  @Override
  public void unparseTableScanHints(
      SqlWriter writer, SqlNodeList hints, int leftPrec, int rightPrec) {
    SqliteIndexHints.unparse(writer, hints);
  }

  private static void unparseWith(SqlWriter writer, SqlWith with) {
    // Calcite writes the body at its operator's precedence, which parenthesizes a body with ORDER
    // BY or LIMIT: SQLite rejects "WITH c AS (…) (SELECT … LIMIT 1)", so the body is written at
    // precedence 0, bare.
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.WITH, "WITH", "");
    if (with.withList.stream().anyMatch(i -> ((SqlWithItem) i).recursive.booleanValue())) {
      writer.keyword("RECURSIVE");
    }
    SqlWriter.Frame items = writer.startList("", "");
    for (SqlNode item : with.withList) {
      writer.sep(",");
      item.unparse(writer, 0, 0);
    }
    writer.endList(items);
    SqlWriter.Frame body = writer.startList(SqlWriter.FrameTypeEnum.WITH_BODY);
    with.body.unparse(writer, 0, 0);
    writer.endList(body);
    writer.endList(frame);
  }

  private void unparseByName(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    List<SqlNode> ops = call.getOperandList();
    switch (call.getOperator().getName().toUpperCase(Locale.ROOT)) {
      case "CHAR_LENGTH", "CHARACTER_LENGTH" ->
          function(writer, "length", ops.toArray(SqlNode[]::new));
      case "SUBSTRING" -> function(writer, "substr", ops.toArray(SqlNode[]::new));
      case "POWER" -> function(writer, "pow", ops.toArray(SqlNode[]::new));
      case "CURRENT_DATE" -> writer.print("date('now') ");
      case "CURRENT_TIME", "LOCALTIME" -> writer.print("time('now') ");
      case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP" -> writer.print("datetime('now') ");
      default -> super.unparseCall(writer, call, leftPrec, rightPrec);
    }
  }

  private static void unparseCast(SqlWriter writer, SqlNode operand, SqlDataTypeSpec type) {
    String name = type.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    String affinity = affinity(name);
    if (operand instanceof SqlNumericLiteral n
        && (affinity.equals("REAL")
            || affinity.equals("NUMERIC")
            || affinity.equals("INTEGER") && n.isInteger())) {
      // Implicit casts of numeric literals between numeric types change nothing in SQLite;
      // writing the bare literal keeps comparisons on keys and indexes plain.
      operand.unparse(writer, 0, 0);
      return;
    }
    if (DatetimeCasts.unparse(writer, operand, type)) {
      return;
    }
    switch (name) {
      case "DATE" -> function(writer, "date", operand);
      case "BOOLEAN" -> operand.unparse(writer, 0, 0);
      default -> {
        SqlWriter.Frame f = writer.startFunCall("CAST");
        operand.unparse(writer, 0, 0);
        writer.keyword("AS");
        writer.keyword(affinity);
        writer.endFunCall(f);
      }
    }
  }

  /** The SQLite type affinity a cast to a SQL type means. */
  private static String affinity(String typeName) {
    return switch (typeName) {
      case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> "INTEGER";
      case "REAL", "FLOAT", "DOUBLE" -> "REAL";
      case "DECIMAL", "NUMERIC" -> "NUMERIC";
      case "BINARY", "VARBINARY" -> "BLOB";
      default -> "TEXT";
    };
  }

  private static void unparseBetween(SqlWriter writer, SqlBetweenOperator op, List<SqlNode> ops) {
    // SQLite knows neither ASYMMETRIC nor SYMMETRIC; a symmetric range orders its bounds first.
    SqlWriter.Frame f = writer.startList("(", ")");
    ops.get(0).unparse(writer, 0, 0);
    writer.keyword(op.isNegated() ? "NOT BETWEEN" : "BETWEEN");
    if (op.flag == SqlBetweenOperator.Flag.SYMMETRIC) {
      function(writer, "min", ops.get(1), ops.get(2));
      writer.keyword("AND");
      function(writer, "max", ops.get(1), ops.get(2));
    } else {
      ops.get(1).unparse(writer, 0, 0);
      writer.keyword("AND");
      ops.get(2).unparse(writer, 0, 0);
    }
    writer.endList(f);
  }

  private static void unparseTrim(SqlWriter writer, List<SqlNode> ops) {
    // TRIM(flag chars FROM s): SQLite has trim/ltrim/rtrim(s, chars).
    SqlTrimFunction.Flag flag = ((SqlLiteral) ops.get(0)).getValueAs(SqlTrimFunction.Flag.class);
    String fn =
        switch (flag) {
          case LEADING -> "ltrim";
          case TRAILING -> "rtrim";
          default -> "trim";
        };
    function(writer, fn, ops.get(2), ops.get(1));
  }

  private static void unparseExtract(SqlWriter writer, List<SqlNode> ops) {
    TimeUnit unit = ((SqlIntervalQualifier) ops.get(0)).getStartUnit();
    String format =
        switch (unit) {
          case YEAR -> "%Y";
          case MONTH -> "%m";
          case DAY -> "%d";
          case HOUR -> "%H";
          case MINUTE -> "%M";
          case SECOND -> "%S";
          case DOW -> "%w";
          case DOY -> "%j";
          default -> throw new UnsupportedOperationException("EXTRACT(" + unit + ")");
        };
    SqlWriter.Frame cast = writer.startFunCall("CAST");
    function(
        writer, "strftime", SqlLiteral.createCharString(format, SqlParserPos.ZERO), ops.get(1));
    writer.keyword("AS INTEGER");
    writer.endFunCall(cast);
  }

  private static void function(SqlWriter writer, String name, SqlNode... operands) {
    SqlWriter.Frame f = writer.startFunCall(name);
    for (SqlNode op : operands) {
      writer.sep(",");
      op.unparse(writer, 0, 0);
    }
    writer.endFunCall(f);
  }

  /**
   * The precedence an infix operand is written at: above every operator's, so an operand that is
   * itself an operation keeps its parentheses ({@code (3 + x) % 3}, not {@code 3 + x % 3}).
   */
  private static final int OPERAND = 200;

  private static void infix(SqlWriter writer, SqlNode left, String op, SqlNode right) {
    SqlWriter.Frame f = writer.startList("(", ")");
    left.unparse(writer, OPERAND, OPERAND);
    writer.keyword(op);
    right.unparse(writer, OPERAND, OPERAND);
    writer.endList(f);
  }
}
