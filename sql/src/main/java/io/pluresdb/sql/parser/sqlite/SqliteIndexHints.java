package io.pluresdb.sql.parser.sqlite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's table hints after a table name and its alias: {@code NOT INDEXED} and {@code INDEXED BY
 * name}, kept on the table as hints named {@value #NOT_INDEXED} and {@value #INDEXED_BY} (a {@link
 * SqlTableRef}) and written back to SQLite after the alias, where SQLite reads them: they steer its
 * planner, which decides the order rows come in where no ORDER BY does ({@code group_concat}).
 * Planning checks, as SQLite does, that an {@code INDEXED BY} index exists. {@code INDEXED} is no
 * keyword here (it stays a name); the grammar recognises the two forms by the word and the token
 * next to it ({@link #ahead}).
 */
public final class SqliteIndexHints {
  /** The hint {@code INDEXED BY name}; its one option is the index's name. */
  public static final String INDEXED_BY = "SQLITE_INDEXED_BY";

  /** The hint {@code NOT INDEXED}. */
  public static final String NOT_INDEXED = "SQLITE_NOT_INDEXED";

  private SqliteIndexHints() {}

  /**
   * True when the next two tokens are {@code INDEXED BY} or {@code NOT INDEXED}, given whether each
   * is a plain (unquoted) name and its text; the grammar passes its tokens' kinds and images.
   */
  public static boolean ahead(
      boolean firstIsName, String first, boolean secondIsName, String second) {
    return firstIsName
            && first.equalsIgnoreCase("INDEXED")
            && !secondIsName
            && second.equalsIgnoreCase("BY")
        || !firstIsName
            && first.equalsIgnoreCase("NOT")
            && secondIsName
            && second.equalsIgnoreCase("INDEXED");
  }

  /** The table reference with {@code INDEXED BY index}, or null if it names no table. */
  public static @Nullable SqlNode indexedBy(SqlNode tableRef, SqlIdentifier index) {
    SqlParserPos pos = index.getParserPosition();
    return hinted(
        tableRef,
        new SqlHint(
            pos,
            new SqlIdentifier(INDEXED_BY, pos),
            SqlNodeList.of(index),
            SqlHint.HintOptionFormat.ID_LIST));
  }

  /** The table reference with {@code NOT INDEXED}, or null if it names no table. */
  public static @Nullable SqlNode notIndexed(SqlNode tableRef, SqlParserPos pos) {
    return hinted(
        tableRef,
        new SqlHint(
            pos,
            new SqlIdentifier(NOT_INDEXED, pos),
            SqlNodeList.EMPTY,
            SqlHint.HintOptionFormat.EMPTY));
  }

  /**
   * The table reference with the hint on its table, or null when it names no table (a subquery, a
   * join, a table function), where SQLite refuses the clause too.
   */
  private static @Nullable SqlNode hinted(SqlNode tableRef, SqlHint hint) {
    if (tableRef.getKind() == SqlKind.AS && tableRef instanceof SqlCall as) {
      SqlNode inner = hinted(as.operand(0), hint);
      if (inner != null) {
        as.setOperand(0, inner);
        return as;
      }
      return null;
    }
    SqlParserPos pos = hint.getParserPosition();
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

  /** True when the table reference carries one of SQLite's hints. */
  public static boolean hasSqliteHint(SqlTableRef ref) {
    for (SqlNode node : (SqlNodeList) ref.operand(1)) {
      if (isSqliteHint(node)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSqliteHint(SqlNode node) {
    return node instanceof SqlHint hint
        && (hint.getName().equals(INDEXED_BY) || hint.getName().equals(NOT_INDEXED));
  }

  /**
   * Writes SQLite's hints of a table reference as SQLite reads them ({@code INDEXED BY "i"}, {@code
   * NOT INDEXED}); other hints are left out, SQLite having none.
   */
  public static void unparse(SqlWriter writer, SqlNodeList hints) {
    for (SqlNode node : hints) {
      if (node instanceof SqlHint hint && hint.getName().equals(INDEXED_BY)) {
        writer.keyword("INDEXED BY");
        String index = hint.getOptionList().get(0);
        writer.identifier(index, !index.matches("[A-Za-z_][A-Za-z0-9_]*"));
      } else if (node instanceof SqlHint hint && hint.getName().equals(NOT_INDEXED)) {
        writer.keyword("NOT INDEXED");
      }
    }
  }
}
