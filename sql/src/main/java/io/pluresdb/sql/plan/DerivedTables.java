package io.pluresdb.sql.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.parser.SqlParsers;
import io.pluresdb.sql.parser.ddl.SqlCreateTableAs;
import io.pluresdb.sql.parser.ddl.SqlCreateView;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.QueryCompiler;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The definitions derived from a query: a view's, and a table's created AS SELECT. Stateless. */
final class DerivedTables {
  private DerivedTables() {}

  /**
   * CREATE TABLE x AS SELECT: columns named and typed from the query (as SQLite names them, a
   * repeated name gets {@code :1}, {@code :2}), no key; the plan's {@code fill} inserts the query's
   * rows in the same transaction.
   */
  static Plan.Ddl tableAs(PlanningContext context, String sql, SqlCreateTableAs as)
      throws SQLException {
    String name = DdlPlanner.name(as.name());
    String text = as.querySql() != null ? as.querySql() : SqlParsers.unparse(as.query());
    List<ColumnMeta> metas =
        QueryCompiler.columns(context, QueryCompiler.validate(context, as.query()));
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ColumnMeta m : metas) {
      String label = m.label();
      for (int n = 1; !seen.add(label); n++) {
        label = m.label() + ":" + n;
      }
      columns.add(new ColumnDef(label, m.type(), m.precision(), m.scale(), true, null, false));
    }
    TableDef def = new TableDef(name, columns, List.of(), List.of(), List.of(), List.of());
    String fill = "INSERT INTO \"" + name.replace("\"", "\"\"") + "\" " + text;
    return new Plan.Ddl(sql, new SchemaChange.CreateTable(def), false, as.ifNotExists(), fill);
  }

  static ViewDef view(PlanningContext context, SqlCreateView create) throws SQLException {
    String name = DdlPlanner.name(create.name());
    // The stored text is read back by this parser; unparse before validation rewrites the tree.
    String text =
        create.querySql() != null ? create.querySql() : SqlParsers.unparse(create.query());
    QueryCompiler.Validated v = QueryCompiler.validate(context, create.query());
    List<ColumnMeta> metas = QueryCompiler.columns(context, v);
    List<String> names = new ArrayList<>();
    if (create.columns() != null && !create.columns().isEmpty()) {
      if (create.columns().size() != metas.size()) {
        throw Errors.of(
            SqlState.INVALID_TABLE_DEFINITION,
            "view '"
                + name
                + "' names "
                + create.columns().size()
                + " columns but its query has "
                + metas.size());
      }
      names.addAll(create.columns());
    } else {
      metas.forEach(m -> names.add(m.label()));
    }
    List<ColumnDef> columns = new ArrayList<>();
    for (int i = 0; i < metas.size(); i++) {
      ColumnMeta m = metas.get(i);
      columns.add(
          new ColumnDef(
              names.get(i), m.type(), m.precision(), m.scale(), m.nullable(), null, false));
    }
    return new ViewDef(name, text, columns);
  }
}
