package io.pluresdb.planner.sql;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The one entry to the SQL parser. Unquoted identifiers fold to lower case (as in PostgreSQL),
 * quoted ones keep their case; the conformance is lenient so that LIMIT, {@code !=} and GROUP BY
 * aliases work as SQLite users expect.
 */
public final class SqlFront {
  /** The parser configuration; the parser implementation is chosen here and nowhere else. */
  static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.TO_LOWER)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withConformance(SqlConformanceEnum.LENIENT);

  private SqlFront() {}

  /** Parses one statement; a syntax error fails with 42601 and the parser's message. */
  public static SqlNode parse(String sql) throws SQLException {
    try {
      return SqlParser.create(stripTrailingSemicolons(sql), CONFIG).parseStmt();
    } catch (SqlParseException e) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "syntax error: " + firstLine(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "syntax error: " + e.getMessage(), e);
    }
  }

  private static String stripTrailingSemicolons(String sql) {
    int end = sql.length();
    while (end > 0 && (sql.charAt(end - 1) == ';' || Character.isWhitespace(sql.charAt(end - 1)))) {
      end--;
    }
    return sql.substring(0, end);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
