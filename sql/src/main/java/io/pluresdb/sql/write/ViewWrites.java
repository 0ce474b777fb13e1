package io.pluresdb.sql.write;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TriggerDef;
import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.parser.SqlTrees;
import io.pluresdb.sql.read.QueryCompiler;
import io.pluresdb.sql.read.ReadPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.jspecify.annotations.Nullable;

/**
 * Plans a write to a view that has an {@code INSTEAD OF} trigger for the statement's event: the
 * rows it names become a query ({@code INSERT}'s source; {@code SELECT} of the view's columns, and
 * an {@code UPDATE}'s new values, {@code FROM} the view {@code WHERE} its condition). A write to a
 * view without such a trigger is left to the ordinary planner, which refuses it (42809) as SQLite
 * does.
 */
public final class ViewWrites {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private ViewWrites() {}

  /** The plan of {@code node} when it writes a view with a trigger instead, else null. */
  public static @Nullable ViewWritePlan plan(PlanningContext context, SqlNode node)
      throws SQLException {
    SqlNode target;
    String event;
    if (node instanceof SqlInsert i) {
      target = i.getTargetTable();
      event = "INSERT";
    } else if (node instanceof SqlUpdate u) {
      target = u.getTargetTable();
      event = "UPDATE";
    } else if (node instanceof SqlDelete d) {
      target = d.getTargetTable();
      event = "DELETE";
    } else {
      return null;
    }
    ViewDef view =
        target instanceof SqlIdentifier id
            ? view(context.catalog(), id.names.get(id.names.size() - 1))
            : null;
    List<String> assigned = new ArrayList<>();
    if (node instanceof SqlUpdate u && view != null) {
      for (int c : columns(view, u.getTargetColumnList())) {
        assigned.add(view.columns().get(c).name());
      }
    }
    if (view == null || !insteadOf(context.catalog(), view.name(), event, assigned)) {
      return null;
    }
    if (node instanceof SqlInsert i) {
      int[] columns = columns(view, i.getTargetColumnList());
      ReadPlan rows = QueryCompiler.compile(context, SqlTrees.copy(i.getSource()));
      if (rows.columns().size() != columns.length) {
        throw Errors.of(
            SqlState.SYNTAX_ERROR,
            "table "
                + view.name()
                + " has "
                + columns.length
                + " columns but "
                + rows.columns().size()
                + " values were supplied");
      }
      return new ViewWritePlan(view.name(), event, rows, columns);
    }
    SqlIdentifier alias =
        node instanceof SqlUpdate u ? u.getAlias() : ((SqlDelete) node).getAlias();
    SqlNode from = alias == null ? target : SqlStdOperatorTable.AS.createCall(POS, target, alias);
    SqlNodeList items = new SqlNodeList(POS);
    for (var c : view.columns()) {
      items.add(
          alias == null
              ? new SqlIdentifier(c.name(), POS)
              : new SqlIdentifier(List.of(alias.getSimple(), c.name()), POS));
    }
    int[] columns = new int[0];
    SqlNode where;
    if (node instanceof SqlUpdate u) {
      columns = columns(view, u.getTargetColumnList());
      u.getSourceExpressionList().forEach(items::add);
      where = u.getCondition();
    } else {
      where = ((SqlDelete) node).getCondition();
    }
    SqlNode query = SqlTrees.copy(SqlTrees.select(POS, items, SqlTrees.copy(from), where));
    return new ViewWritePlan(view.name(), event, QueryCompiler.compile(context, query), columns);
  }

  private static @Nullable ViewDef view(Catalog catalog, String name) {
    for (ViewDef v : catalog.views().values()) {
      if (v.name().equalsIgnoreCase(name) && v.sql() != null) {
        return v;
      }
    }
    return null;
  }

  /** Whether a trigger takes the write: of its event, and (UPDATE OF) of a column it assigns. */
  private static boolean insteadOf(
      Catalog catalog, String view, String event, List<String> assigned) {
    for (TriggerDef t : catalog.triggersOf(view)) {
      if (t.timing().equals("INSTEAD OF")
          && t.event().equals(event)
          && (t.columns().isEmpty()
              || t.columns().stream()
                  .anyMatch(c -> assigned.stream().anyMatch(c::equalsIgnoreCase)))) {
        return true;
      }
    }
    return false;
  }

  /** The view's columns a statement names, in its order; all of them for none. */
  private static int[] columns(ViewDef view, @Nullable SqlNodeList names) throws SQLException {
    if (names == null || names.isEmpty()) {
      int[] all = new int[view.columns().size()];
      for (int c = 0; c < all.length; c++) {
        all[c] = c;
      }
      return all;
    }
    List<Integer> out = new ArrayList<>();
    for (SqlNode n : names) {
      String name = ((SqlIdentifier) n).names.get(((SqlIdentifier) n).names.size() - 1);
      int found = -1;
      for (int c = 0; c < view.columns().size() && found < 0; c++) {
        if (view.columns().get(c).name().equalsIgnoreCase(name)) {
          found = c;
        }
      }
      if (found < 0) {
        throw Errors.of(
            SqlState.UNDEFINED_COLUMN, "table " + view.name() + " has no column named " + name);
      }
      out.add(found);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
