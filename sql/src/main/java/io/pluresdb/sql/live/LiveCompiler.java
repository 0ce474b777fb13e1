package io.pluresdb.sql.live;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.parser.SqlTrees;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.QueryCompiler;
import io.pluresdb.sql.read.ReadPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Compiles {@code SUBSCRIBE <query>} into a {@link LiveQuery}. A query over one table with a
 * primary key, without grouping or DISTINCT, gets the key appended as hidden columns, so its rows
 * are entities and a change to one entity is checked by a point query (the {@link LiveQuery#probe
 * probe}) unless a LIMIT/OFFSET window needs the whole query re-run. Everything else (joins,
 * aggregates, views) is re-run and diffed on any change to a table it reads: correct first, cheap
 * where the shape allows.
 *
 * <p>Each step works on its own copy of the parsed query ({@link SqlTrees}), because validation
 * rewrites the tree.
 */
public final class LiveCompiler {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private LiveCompiler() {}

  /**
   * The live query of a parsed query.
   *
   * @param parsed the query as parsed, unvalidated; it is copied, never changed
   * @param sql the statement's text (for column labels)
   */
  public static LiveQuery compile(PlanningContext context, SqlNode parsed, String sql)
      throws SQLException {
    if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "SUBSCRIBE needs a query, got: " + parsed);
    }
    ReadPlan plain = QueryCompiler.compile(context, SqlTrees.copy(parsed), sql);
    Shape shape = shape(context, parsed);
    Set<String> tables = new HashSet<>();
    boolean anyTable = collectTables(context, parsed, tables);
    int visible = plain.columns().size();
    int users = plain.parameterTypes().size();
    TableDef table = shape.table == null ? null : context.catalog().table(shape.table);
    if (table != null
        && shape.augmentable
        && !table.primaryKey().isEmpty()
        && !aggregates(context, parsed)) {
      ReadPlan keyed = keyedOrNull(context, parsed, sql, shape, table, false, users);
      if (keyed != null) {
        int[] identity = new int[table.primaryKey().size()];
        for (int i = 0; i < identity.length; i++) {
          identity[i] = visible + i;
        }
        ReadPlan probe =
            shape.window ? null : keyedOrNull(context, parsed, sql, shape, table, true, users);
        ReadPlan labelled = probe == null ? null : withLabels(probe, plain, visible);
        return new LiveQuery(
            withLabels(keyed, plain, visible),
            visible,
            identity,
            true,
            labelled,
            image(labelled, table.name(), tables),
            table.name(),
            tables,
            anyTable,
            FilterFinder.first(parsed, table, shape.qualifier));
      }
    }
    List<Integer> plainColumns = new ArrayList<>();
    for (int i = 0; i < visible; i++) {
      if (!plain.columns().get(i).table().isEmpty()) {
        plainColumns.add(i);
      }
    }
    return new LiveQuery(
        plain,
        visible,
        plainColumns.stream().mapToInt(Integer::intValue).toArray(),
        false,
        null,
        null,
        table == null ? null : table.name(),
        tables,
        anyTable,
        null);
  }

  /**
   * Whether the top-level SELECT aggregates ({@code COUNT(*)} without GROUP BY). Its rows are not
   * entities; the keyed form would still validate, since SQLite's dialect takes the appended key as
   * a bare column, so the validator is asked rather than the keyed form tried.
   */
  private static boolean aggregates(PlanningContext context, SqlNode parsed) throws SQLException {
    QueryCompiler.Validated v = QueryCompiler.validate(context, SqlTrees.copy(parsed));
    SqlNode node = v.node() instanceof SqlOrderBy ob ? ob.query : v.node();
    return node instanceof SqlSelect select && v.validator().isAggregate(select);
  }

  /** What the FROM clause and modifiers of the top-level SELECT allow. */
  private record Shape(
      SqlSelect select,
      String table,
      List<String> qualifier,
      boolean augmentable,
      boolean window) {}

  private static Shape shape(PlanningContext context, SqlNode query) {
    boolean window = false;
    SqlNode body = query;
    if (body instanceof SqlOrderBy ob) {
      window = ob.fetch != null || ob.offset != null;
      body = ob.query;
    }
    if (!(body instanceof SqlSelect select)) {
      return new Shape(null, null, null, false, false);
    }
    window |= select.getFetch() != null || select.getOffset() != null;
    SqlNode from = select.getFrom();
    SqlIdentifier name = null;
    List<String> qualifier = null;
    if (from instanceof SqlIdentifier id) {
      name = id;
      qualifier = id.names;
    } else if (from != null
        && from.getKind() == SqlKind.AS
        && ((SqlCall) from).operand(0) instanceof SqlIdentifier id
        && ((SqlCall) from).operand(1) instanceof SqlIdentifier alias) {
      name = id;
      qualifier = alias.names;
    }
    String table = name == null ? null : name.names.get(name.names.size() - 1);
    if (table != null && context.catalog().table(table) == null) {
      table = null; // a view: re-run on every change
    }
    boolean augmentable =
        table != null
            && !select.isDistinct()
            && select.getGroup() == null
            && select.getHaving() == null;
    return new Shape(select, table, qualifier, augmentable, window);
  }

  /**
   * The query with the table's key appended as hidden columns (and, for a probe, restricted to one
   * key), or null when it does not validate that way (an aggregate without GROUP BY).
   */
  private static ReadPlan keyedOrNull(
      PlanningContext context,
      SqlNode parsed,
      String sql,
      Shape original,
      TableDef table,
      boolean probe,
      int users)
      throws SQLException {
    SqlNode query = SqlTrees.copy(parsed);
    SqlSelect select = shape(context, query).select;
    SqlNodeList items = select.getSelectList();
    List<String> key = table.primaryKey();
    SqlNode restriction = select.getWhere();
    for (int i = 0; i < key.size(); i++) {
      List<String> names = new ArrayList<>(original.qualifier);
      names.add(key.get(i));
      items.add(new SqlIdentifier(names, POS));
      if (probe) {
        SqlNode eq =
            SqlStdOperatorTable.EQUALS.createCall(
                POS, new SqlIdentifier(names, POS), new SqlDynamicParam(users + i, POS));
        restriction =
            restriction == null ? eq : SqlStdOperatorTable.AND.createCall(POS, restriction, eq);
      }
    }
    select.setSelectList(items);
    if (probe) {
      select.setWhere(restriction);
    }
    try {
      return QueryCompiler.compile(context, query, sql);
    } catch (SQLException e) {
      if (probe) {
        throw e; // the keyed query validated, so its probe must
      }
      return null;
    }
  }

  /**
   * The probe redirected from the table to its one-row image (see {@link RowImages}), when the
   * table is the only one it reads and it reads it once.
   */
  private static ReadPlan image(ReadPlan probe, String table, Set<String> tables) {
    if (probe == null || !tables.equals(Set.of(table))) {
      return null;
    }
    String from = ImageTables.quote("main") + "." + ImageTables.quote(table);
    String sql = probe.sqliteSql();
    int at = sql.indexOf(from);
    if (at < 0 || sql.indexOf(from, at + from.length()) >= 0) {
      return null;
    }
    String redirected =
        sql.substring(0, at)
            + ImageTables.quote("temp")
            + "."
            + ImageTables.quote(ImageTables.imageTable(table))
            + sql.substring(at + from.length());
    return new ReadPlan(redirected, probe.paramOrder(), probe.columns(), probe.parameterTypes());
  }

  /** The compiled plan with the visible columns labelled as the plain query labels them. */
  private static ReadPlan withLabels(ReadPlan keyed, ReadPlan plain, int visible) {
    List<ColumnMeta> columns = new ArrayList<>(plain.columns());
    columns.addAll(keyed.columns().subList(visible, keyed.columns().size()));
    return new ReadPlan(keyed.sqliteSql(), keyed.paramOrder(), columns, keyed.parameterTypes());
  }

  /** Adds the tables the query reads; true when it reads a view (whose tables are not listed). */
  private static boolean collectTables(PlanningContext context, SqlNode query, Set<String> out) {
    boolean[] view = {false};
    query.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlIdentifier id) {
            String last = id.names.get(id.names.size() - 1);
            if (context.catalog().table(last) != null) {
              out.add(last);
            } else if (context.catalog().views().containsKey(last)) {
              view[0] = true;
            }
            return null;
          }
        });
    return view[0];
  }
}
