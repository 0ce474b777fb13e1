package io.pluresdb.sql.calcite;

import io.pluresdb.sql.parser.SqlParsers;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlNode;

/**
 * The one entry to the SQL parser, so that the rest of the planner does not care which grammar is
 * behind it: PluresDB's generated parser (unquoted names fold to lower case; lenient conformance
 * for LIMIT, {@code !=} and GROUP BY aliases).
 */
public final class SqlFront {
  private SqlFront() {}

  /** Parses one statement; a syntax error fails with 42601 naming the position. */
  public static SqlNode parse(String sql) throws SQLException {
    return SqlParsers.parse(sql);
  }
}
