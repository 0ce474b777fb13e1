package io.pluresdb.sql.read;

import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.sql.calcite.CalciteErrors;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.calcite.SqlFront;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.catalog.LocalTables;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Replaces each view named in a FROM clause of a validated tree by its own validated query, so that
 * the statement sent to SQLite reads only real tables. Views are expanded recursively; a view that
 * (directly or not) names itself fails instead of looping.
 */
final class ViewInliner {
  private static final int MAX_DEPTH = 32;

  private final PlanningContext context;
  private final int depth;

  ViewInliner(PlanningContext context) {
    this(context, 0);
  }

  private ViewInliner(PlanningContext context, int depth) {
    this.context = context;
    this.depth = depth;
  }

  /** Inlines every view reference in the tree, in place. */
  void inline(SqlNode validated) throws SQLException {
    if (context.catalog().views().isEmpty()) {
      return;
    }
    SQLException[] failure = new SQLException[1];
    validated.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (failure[0] == null
                && call instanceof SqlSelect select
                && select.getFrom() != null) {
              try {
                select.setFrom(rewriteFrom(select.getFrom()));
              } catch (SQLException e) {
                failure[0] = e;
              }
            }
            return super.visit(call);
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  private SqlNode rewriteFrom(SqlNode from) throws SQLException {
    if (from instanceof SqlJoin join) {
      join.setLeft(rewriteFrom(join.getLeft()));
      join.setRight(rewriteFrom(join.getRight()));
      return join;
    }
    if (from.getKind() == SqlKind.AS && from instanceof SqlBasicCall as) {
      SqlNode target = as.operand(0);
      if (target instanceof SqlIdentifier id) {
        ViewDef view = viewOf(id);
        if (view != null) {
          as.setOperand(0, expand(view));
        }
      }
      return as;
    }
    if (from instanceof SqlIdentifier id) {
      ViewDef view = viewOf(id);
      if (view != null) {
        return SqlStdOperatorTable.AS.createCall(
            SqlParserPos.ZERO, expand(view), new SqlIdentifier(view.name(), SqlParserPos.ZERO));
      }
    }
    return from;
  }

  private ViewDef viewOf(SqlIdentifier id) {
    List<String> names = id.names;
    boolean temp = names.size() == 2 && names.get(0).equalsIgnoreCase(CalciteCatalogs.TEMP);
    if (names.size() > 2
        || (names.size() == 2 && !names.get(0).equalsIgnoreCase(CalciteCatalogs.MAIN) && !temp)) {
      return null;
    }
    String name = names.get(names.size() - 1);
    if (temp) {
      ViewDef local = context.catalog().views().get(name);
      return local != null && LocalTables.isLocal(local) ? local : null;
    }
    ViewDef exact = context.catalog().views().get(name);
    if (exact != null) {
      return exact;
    }
    for (ViewDef v : context.catalog().views().values()) {
      if (v.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    return null;
  }

  private SqlNode expand(ViewDef view) throws SQLException {
    if (LocalTables.isLocal(view)) {
      return RawSql.of(LocalTables.from(view));
    }
    if (depth >= MAX_DEPTH) {
      throw io.pluresdb.crdt.error.Errors.of(
          io.pluresdb.crdt.error.SqlState.INVALID_TABLE_DEFINITION,
          "view '" + view.name() + "' refers to itself");
    }
    SqlNode parsed = SqlFront.parse(view.sql());
    SqlNode validated;
    try {
      validated = context.newValidator().validate(parsed);
    } catch (RuntimeException e) {
      throw CalciteErrors.map(e);
    }
    new ViewInliner(context, depth + 1).inline(validated);
    renameColumns(validated, view);
    return validated;
  }

  /** Gives the query's output columns the view's column names (CREATE VIEW v (a, b) AS ...). */
  private static void renameColumns(SqlNode query, ViewDef view) {
    SqlNode leftmost = query;
    while (leftmost instanceof SqlBasicCall call
        && call.getOperator().getKind().belongsTo(SqlKind.SET_QUERY)) {
      leftmost = call.operand(0);
    }
    if (leftmost instanceof SqlOrderBy orderBy) {
      leftmost = orderBy.query;
    }
    if (!(leftmost instanceof SqlSelect select)) {
      return;
    }
    SqlNodeList items = select.getSelectList();
    if (items == null || items.size() != view.columns().size()) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      if (item.getKind() == SqlKind.AS) {
        item = ((SqlCall) item).operand(0);
      }
      items.set(
          i,
          SqlStdOperatorTable.AS.createCall(
              SqlParserPos.ZERO,
              item,
              new SqlIdentifier(view.columns().get(i).name(), SqlParserPos.ZERO)));
    }
  }
}
