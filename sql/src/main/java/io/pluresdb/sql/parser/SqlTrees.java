package io.pluresdb.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.jspecify.annotations.Nullable;

/**
 * Copies of a parsed tree. Calcite's validator rewrites the tree it validates (it expands stars,
 * qualifies names and replaces operands), so each stage that validates a statement — compilation,
 * EXPLAIN's relational plan, the top-k and live-query variants — takes its own copy of the one tree
 * the text was parsed into, instead of parsing the text again. Stateless and thread-safe.
 */
public final class SqlTrees {
  /**
   * Copies every node the validator may change: calls and lists (their operands are replaced) and
   * identifiers (their names are qualified). Literals, parameters and type specs are immutable and
   * shared; parser positions are kept, so labels read from the text stay right.
   */
  private static final SqlShuttle COPIER =
      new SqlShuttle() {
        @Override
        public SqlNode visit(SqlCall call) {
          CallCopyingArgHandler copy = new CallCopyingArgHandler(call, true);
          call.getOperator().acceptCall(this, call, false, copy);
          return copy.result();
        }

        @Override
        public SqlNode visit(SqlNodeList list) {
          List<SqlNode> copy = new ArrayList<>(list.size());
          for (SqlNode node : list) {
            copy.add(node == null ? null : node.accept(this));
          }
          return new SqlNodeList(copy, list.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
          return id.clone(id.getParserPosition());
        }
      };

  private SqlTrees() {}

  /** A deep copy of {@code node}, for a stage that validates it. */
  @SuppressWarnings("unchecked")
  public static <T extends SqlNode> T copy(T node) {
    return (T) node.accept(COPIER);
  }

  /** {@code SELECT items [FROM from] [WHERE where]}, with no other clause. */
  public static SqlSelect select(
      SqlParserPos pos, SqlNodeList items, @Nullable SqlNode from, @Nullable SqlNode where) {
    return new SqlSelect(
        pos, null, items, from, where, null, null, null, null, null, null, null, null);
  }
}
