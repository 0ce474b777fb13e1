package io.pluresdb.sql.parser.sqlite;

import io.pluresdb.sql.parser.impl.PluresSqlParserImplConstants;
import io.pluresdb.sql.parser.impl.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's table hints after a table name and its alias: {@code NOT INDEXED}, which only steers
 * SQLite's planner and is dropped, and {@code INDEXED BY name}, kept on the table as a hint named
 * {@value #INDEXED_BY} so that planning can check, as SQLite does, that the index exists. {@code
 * INDEXED} is no keyword here (it stays a name); these two forms are recognised by the word and the
 * token after it.
 */
public final class SqliteIndexHints {
  /** The hint's name on the {@link SqlTableRef}; its one option is the index's name. */
  public static final String INDEXED_BY = "SQLITE_INDEXED_BY";

  private SqliteIndexHints() {}

  /** True when the next tokens are {@code INDEXED BY} or {@code NOT INDEXED}. */
  public static boolean ahead(Token first, Token second) {
    return isIndexed(first) && second.kind == PluresSqlParserImplConstants.BY
        || first.kind == PluresSqlParserImplConstants.NOT && isIndexed(second);
  }

  private static boolean isIndexed(Token t) {
    return t.kind == PluresSqlParserImplConstants.IDENTIFIER
        && t.image.toUpperCase(Locale.ROOT).equals("INDEXED");
  }

  /**
   * The table reference with {@code INDEXED BY index} on its table, or null when it names no table
   * (a subquery, a join, a table function), where SQLite refuses the clause too.
   */
  public static @Nullable SqlNode indexedBy(SqlNode tableRef, SqlIdentifier index) {
    if (tableRef.getKind() == SqlKind.AS && tableRef instanceof SqlCall as) {
      SqlNode inner = indexedBy(as.operand(0), index);
      if (inner != null) {
        as.setOperand(0, inner);
        return as;
      }
      return null;
    }
    SqlParserPos pos = index.getParserPosition();
    SqlHint hint =
        new SqlHint(
            pos,
            new SqlIdentifier(INDEXED_BY, pos),
            SqlNodeList.of(index),
            SqlHint.HintOptionFormat.ID_LIST);
    if (tableRef instanceof SqlIdentifier table) {
      return new SqlTableRef(pos, table, SqlNodeList.of(hint));
    }
    if (tableRef instanceof SqlTableRef ref) {
      List<SqlNode> hints = new ArrayList<>(((SqlNodeList) ref.operand(1)).getList());
      hints.add(hint);
      return new SqlTableRef(pos, ref.operand(0), new SqlNodeList(hints, pos));
    }
    return null;
  }

  /** The index an {@code INDEXED BY} on this table reference names, or null. */
  public static @Nullable String index(SqlTableRef ref) {
    for (SqlNode node : (SqlNodeList) ref.operand(1)) {
      if (node instanceof SqlHint hint && hint.getName().equals(INDEXED_BY)) {
        return hint.getOptionList().get(0);
      }
    }
    return null;
  }

  /** The table reference without its {@code INDEXED BY}: the bare name when no hint is left. */
  public static SqlNode withoutIndexedBy(SqlTableRef ref) {
    List<SqlNode> rest = new ArrayList<>();
    for (SqlNode node : (SqlNodeList) ref.operand(1)) {
      if (!(node instanceof SqlHint hint && hint.getName().equals(INDEXED_BY))) {
        rest.add(node);
      }
    }
    SqlNode table = ref.operand(0);
    return rest.isEmpty()
        ? table
        : new SqlTableRef(
            ref.getParserPosition(),
            (SqlIdentifier) table,
            new SqlNodeList(rest, ref.getParserPosition()));
  }
}
