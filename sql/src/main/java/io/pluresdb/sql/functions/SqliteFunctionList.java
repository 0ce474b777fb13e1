package io.pluresdb.sql.functions;

import static io.pluresdb.sql.functions.Fn.Returns.ANY;
import static io.pluresdb.sql.functions.Fn.Returns.ARG0;
import static io.pluresdb.sql.functions.Fn.Returns.BLOB;
import static io.pluresdb.sql.functions.Fn.Returns.INTEGER;
import static io.pluresdb.sql.functions.Fn.Returns.REAL;
import static io.pluresdb.sql.functions.Fn.Returns.TEXT;
import static io.pluresdb.sql.functions.Fn.aggregate;
import static io.pluresdb.sql.functions.Fn.scalar;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SQLite's built-in functions (those of {@code pragma function_list} on the bundled SQLite) that
 * Calcite's standard operator table lacks or types differently from SQLite. Standard functions that
 * SQLite computes alike (COUNT, SUM, the window functions, COALESCE, NULLIF, trigonometry) stay
 * Calcite's; those SQLite spells differently are translated when unparsed.
 */
public final class SqliteFunctionList {
  private SqliteFunctionList() {}

  private static final int ANY_NUMBER = -1;

  static final List<Fn> SPECS =
      List.of(
          // PluresDB's own: compaction now, and forgetting a peer that holds history back
          scalar("PL_COMPACT", 0, 0, INTEGER),
          scalar("PL_DROP_PEER", 1, 1, INTEGER),
          // core scalar functions
          scalar("CHAR", 0, ANY_NUMBER, TEXT),
          scalar("CHARINDEX", 2, 3, INTEGER),
          scalar("CONCAT", 1, ANY_NUMBER, TEXT),
          scalar("CONCAT_WS", 2, ANY_NUMBER, TEXT),
          scalar("FORMAT", 1, ANY_NUMBER, TEXT),
          scalar("GLOB", 2, 2, INTEGER),
          scalar("LIKE", 2, 3, INTEGER),
          scalar("IF", 2, ANY_NUMBER, ANY),
          scalar("IIF", 2, ANY_NUMBER, ANY),
          scalar("LIKELIHOOD", 2, 2, ARG0),
          scalar("LIKELY", 1, 1, ARG0),
          scalar("SIGN", 1, 1, INTEGER),
          scalar("UNLIKELY", 1, 1, ARG0),
          scalar("MAX", 2, ANY_NUMBER, ANY),
          scalar("MIN", 2, ANY_NUMBER, ANY),
          scalar("OCTET_LENGTH", 1, 1, INTEGER),
          scalar("QUOTE", 1, 1, TEXT),
          scalar("RANDOMBLOB", 1, 1, BLOB),
          scalar("SQLITE_COMPILEOPTION_GET", 1, 1, TEXT),
          scalar("SQLITE_COMPILEOPTION_USED", 1, 1, INTEGER),
          scalar("SQLITE_LOG", 2, 2, ANY),
          scalar("SQLITE_SOURCE_ID", 0, 0, TEXT),
          scalar("SQLITE_VERSION", 0, 0, TEXT),
          scalar("SUBTYPE", 1, 1, INTEGER),
          scalar("UNHEX", 1, 2, BLOB),
          scalar("UNICODE", 1, 1, INTEGER),
          scalar("UNISTR", 1, 1, TEXT),
          scalar("UNISTR_QUOTE", 1, 1, TEXT),
          scalar("ZEROBLOB", 1, 1, BLOB),
          scalar("FTS5_SOURCE_ID", 0, 0, TEXT),
          // the extension functions compiled into sqlite-jdbc (extension-functions.c)
          scalar("DIFFERENCE", 2, 2, INTEGER),
          scalar("LEFTSTR", 2, 2, TEXT),
          scalar("RIGHTSTR", 2, 2, TEXT),
          scalar("PADC", 2, 2, TEXT),
          scalar("PADL", 2, 2, TEXT),
          scalar("PADR", 2, 2, TEXT),
          scalar("PROPER", 1, 1, TEXT),
          scalar("REPLICATE", 2, 2, TEXT),
          scalar("REVERSE", 1, 1, TEXT),
          scalar("STRFILTER", 2, 2, TEXT),
          scalar("SQUARE", 1, 1, ARG0),
          // registered by the engine: text_splice(text, pos, delete, insert), for TEXT MERGEABLE
          scalar("TEXT_SPLICE", 4, 4, TEXT),
          // registered by the engine: embed(text), a VECTOR from the optional model module
          scalar("EMBED", 1, 1, BLOB),
          // math
          scalar("ACOSH", 1, 1, REAL),
          scalar("ASINH", 1, 1, REAL),
          scalar("ATANH", 1, 1, REAL),
          scalar("ATN2", 2, 2, REAL),
          scalar("COSH", 1, 1, REAL),
          scalar("COTH", 1, 1, REAL),
          scalar("SINH", 1, 1, REAL),
          scalar("TANH", 1, 1, REAL),
          scalar("LOG", 1, 2, REAL),
          scalar("LOG2", 1, 1, REAL),
          scalar("PI", 0, 0, REAL),
          scalar("POW", 2, 2, REAL),
          scalar("TRUNC", 1, 1, ARG0),
          // date and time: results are SQLite's text, as stored
          scalar("DATE", 0, ANY_NUMBER, TEXT),
          scalar("TIME", 0, ANY_NUMBER, TEXT),
          scalar("DATETIME", 0, ANY_NUMBER, TEXT),
          scalar("JULIANDAY", 0, ANY_NUMBER, REAL),
          scalar("UNIXEPOCH", 0, ANY_NUMBER, INTEGER),
          scalar("TIMEDIFF", 2, 2, TEXT),
          // JSON (json_object and json_array are the standard calls, written back as SQLite's)
          scalar("JSON", 1, 1, TEXT),
          scalar("JSON_ARRAY_INSERT", 1, ANY_NUMBER, TEXT),
          scalar("JSON_ARRAY_LENGTH", 1, 2, INTEGER),
          scalar("JSON_ERROR_POSITION", 1, 1, INTEGER),
          scalar("JSON_EXTRACT", 1, ANY_NUMBER, ANY),
          scalar("JSON_INSERT", 1, ANY_NUMBER, TEXT),
          scalar("JSON_PATCH", 2, 2, TEXT),
          scalar("JSON_PRETTY", 1, 2, TEXT),
          scalar("JSON_QUOTE", 1, 1, TEXT),
          scalar("JSON_REMOVE", 1, ANY_NUMBER, TEXT),
          scalar("JSON_REPLACE", 1, ANY_NUMBER, TEXT),
          scalar("JSON_SET", 1, ANY_NUMBER, TEXT),
          scalar("JSON_TYPE", 1, 2, TEXT),
          scalar("JSON_VALID", 1, 2, INTEGER),
          scalar("JSONB", 1, 1, BLOB),
          scalar("JSONB_ARRAY", 0, ANY_NUMBER, BLOB),
          scalar("JSONB_ARRAY_INSERT", 1, ANY_NUMBER, BLOB),
          scalar("JSONB_EXTRACT", 1, ANY_NUMBER, ANY),
          scalar("JSONB_INSERT", 1, ANY_NUMBER, BLOB),
          scalar("JSONB_OBJECT", 0, ANY_NUMBER, BLOB),
          scalar("JSONB_PATCH", 2, 2, BLOB),
          scalar("JSONB_REMOVE", 1, ANY_NUMBER, BLOB),
          scalar("JSONB_REPLACE", 1, ANY_NUMBER, BLOB),
          scalar("JSONB_SET", 1, ANY_NUMBER, BLOB),
          // aggregates, usable as window functions too
          aggregate("GROUP_CONCAT", 1, 2, TEXT),
          aggregate("STRING_AGG", 2, 2, TEXT),
          aggregate("TOTAL", 1, 1, REAL),
          aggregate("JSON_GROUP_ARRAY", 1, 1, TEXT),
          aggregate("JSON_GROUP_OBJECT", 2, 2, TEXT),
          aggregate("JSONB_GROUP_ARRAY", 1, 1, BLOB),
          aggregate("JSONB_GROUP_OBJECT", 2, 2, BLOB),
          aggregate("MEDIAN", 1, 1, REAL),
          aggregate("MODE", 1, 1, ANY),
          aggregate("STDEV", 1, 1, REAL),
          aggregate("VARIANCE", 1, 1, REAL),
          aggregate("LOWER_QUARTILE", 1, 1, REAL),
          aggregate("UPPER_QUARTILE", 1, 1, REAL),
          aggregate("PERCENTILE", 2, 2, REAL),
          aggregate("PERCENTILE_CONT", 2, 2, REAL),
          aggregate("PERCENTILE_DISC", 2, 2, REAL));

  /** The operators of the table above, the table-valued JSON functions and the refused ones. */
  public static final List<SqlOperator> OPERATORS =
      Stream.concat(
              SPECS.stream().map(Fn::operator),
              Stream.of(JsonTableFunction.EACH, JsonTableFunction.TREE, Refused.LOAD_EXTENSION))
          .toList();

  /**
   * Prepares a node for validation: {@code min(a, b, …)} and {@code max(a, b, …)} with two or more
   * arguments are SQLite's scalar functions, not the aggregates (which the validator would take
   * them for); json_each and json_tree join laterally ({@link LateralJsonTables}).
   */
  public static void beforeValidation(SqlNode node) {
    LateralJsonTables.addLateral(node);
    if (node.getKind() == SqlKind.TIMESTAMP_ADD
        && node instanceof SqlBasicCall add
        && add.operand(1) instanceof SqlDynamicParam count) {
      // the count of TIMESTAMPADD(unit, ?, x) is a number, which Calcite cannot infer
      SqlParserPos pos = count.getParserPosition();
      add.setOperand(
          1,
          SqlStdOperatorTable.CAST.createCall(
              pos,
              count,
              new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos), pos)));
    }
    if (node instanceof SqlBasicCall call && call.operandCount() >= 2) {
      String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
      if (name.equals("MIN") || name.equals("MAX")) {
        OPERATORS.stream()
            .filter(op -> op.getName().equals(name) && !op.isAggregator())
            .findFirst()
            .ifPresent(call::setOperator);
      }
    }
  }

  /**
   * Names of standard functions this table replaces (SIGN as an integer, OCTET_LENGTH of text,
   * VARIANCE always REAL, PERCENTILE_CONT with two arguments, PI with parentheses). MIN and MAX are
   * not among them: the one-argument forms are the standard aggregates, the others SQLite's scalar
   * functions.
   */
  public static final Set<String> REPLACED =
      OPERATORS.stream()
          .map(SqlOperator::getName)
          .filter(n -> !n.equals("MIN") && !n.equals("MAX"))
          .collect(Collectors.toUnmodifiableSet());
}
