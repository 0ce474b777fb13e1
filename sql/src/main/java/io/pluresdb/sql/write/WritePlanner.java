package io.pluresdb.sql.write;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.OnConflict;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.parser.SqlTrees;
import io.pluresdb.sql.parser.dml.SqlUpsert;
import io.pluresdb.sql.read.QueryCompiler;
import io.pluresdb.sql.read.ReadPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/** Plans INSERT, UPDATE and DELETE statements against one catalog. */
public final class WritePlanner {
  private final PlanningContext context;
  private final int paramCount;
  private final ColumnType[] paramTypes;

  public WritePlanner(PlanningContext context, int paramCount) {
    this.context = context;
    this.paramCount = paramCount;
    this.paramTypes = new ColumnType[paramCount];
  }

  /** INSERT ... VALUES, INSERT ... SELECT or INSERT ... DEFAULT VALUES. */
  public InsertPlan insert(SqlInsert insert, OnConflict onConflict) throws SQLException {
    return insert(insert, onConflict, null);
  }

  /** An INSERT with its conflict clause (INSERT OR IGNORE/REPLACE, ON CONFLICT DO ...). */
  public InsertPlan insert(SqlInsert insert, SqlUpsert.Clause conflict) throws SQLException {
    if (conflict == null) {
      return insert(insert, OnConflict.ERROR, null);
    }
    TableDef table = Targets.table(context.catalog(), insert.getTargetTable());
    return switch (conflict.action()) {
      case NOTHING -> insert(insert, OnConflict.IGNORE, null);
      case REPLACE -> insert(insert, OnConflict.IGNORE, new UpsertPlan(true, null, null, 0, 0));
      case UPDATE -> insert(insert, OnConflict.IGNORE, doUpdate(table, conflict));
    };
  }

  private InsertPlan insert(SqlInsert insert, OnConflict onConflict, UpsertPlan upsert)
      throws SQLException {
    TableDef table = Targets.table(context.catalog(), insert.getTargetTable());
    int[] targets = targets(table, insert.getTargetColumnList());
    SqlNode source = insert.getSource();
    if (source.getKind() == SqlKind.VALUES) {
      List<List<ValueSource>> rows = new ArrayList<>();
      for (SqlNode rowNode : ((SqlCall) source).getOperandList()) {
        List<SqlNode> exprs = ((SqlCall) rowNode).getOperandList();
        if (exprs.size() != targets.length) {
          throw Errors.of(
              SqlState.SYNTAX_ERROR,
              "INSERT into table '"
                  + table.name()
                  + "' has "
                  + exprs.size()
                  + " expressions but "
                  + targets.length
                  + " target columns");
        }
        List<ValueSource> row = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
          row.add(source(exprs.get(i), table.columns().get(targets[i]).type()));
        }
        rows.add(row);
      }
      return new InsertPlan(
          table.name(), targets, rows, null, onConflict, upsert, parameterTypes());
    }
    ReadPlan query = QueryCompiler.compile(context, source);
    if (query.columns().size() != targets.length) {
      throw Errors.of(
          SqlState.SYNTAX_ERROR,
          "INSERT into table '"
              + table.name()
              + "' has "
              + query.columns().size()
              + " query columns but "
              + targets.length
              + " target columns");
    }
    merge(query.parameterTypes(), query.paramOrder());
    return new InsertPlan(
        table.name(), targets, List.of(), query, onConflict, upsert, parameterTypes());
  }

  /**
   * ON CONFLICT DO UPDATE: assignments and condition may name the existing row's columns and the
   * proposed row as {@code excluded.c}; the latter become parameters after the user's.
   */
  private UpsertPlan doUpdate(TableDef table, SqlUpsert.Clause clause) throws SQLException {
    int rowBase = paramCount;
    int keyBase = rowBase + table.columns().size();
    int extended = keyBase + table.keyColumns().size();
    SqlShuttle excluded = new ExcludedRows(table, rowBase);
    int n = clause.targetColumns() == null ? 0 : clause.targetColumns().size();
    int[] columns = new int[n];
    List<ValueSource> values = new ArrayList<>();
    List<SqlNode> pushed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      columns[i] = Targets.writable(table, clause.targetColumns().get(i), "UPDATE");
      refuseKeyChange(table, columns[i]);
      SqlNode expr = clause.values().get(i);
      ValueSource direct = direct(expr, table.columns().get(columns[i]).type());
      if (direct != null) {
        values.add(direct);
      } else {
        values.add(new ValueSource.FromRow(table.keyColumns().size() + pushed.size()));
        pushed.add(expr.accept(excluded));
      }
    }
    if (pushed.isEmpty() && clause.where() == null) {
      return new UpsertPlan(false, new Assignments(columns, values), null, rowBase, keyBase);
    }
    SqlNode condition = null;
    for (int k = 0; k < table.keyColumns().size(); k++) {
      String key = table.keyColumns().get(k);
      SqlNode eq =
          SqlStdOperatorTable.EQUALS.createCall(
              POS,
              new SqlIdentifier(List.of(table.name(), key), POS),
              ExcludedRows.typedParam(keyBase + k, table.column(key)));
      condition = condition == null ? eq : SqlStdOperatorTable.AND.createCall(POS, condition, eq);
    }
    if (clause.where() != null) {
      condition =
          SqlStdOperatorTable.AND.createCall(POS, condition, clause.where().accept(excluded));
    }
    Finder.Built finder = Finder.build(context, table, null, condition, pushed, extended);
    merge(finder.plan().parameterTypes(), finder.plan().paramOrder());
    return new UpsertPlan(false, new Assignments(columns, values), finder.plan(), rowBase, keyBase);
  }

  /** UPDATE t SET c = expr, ... WHERE condition. */
  public UpdatePlan update(SqlUpdate update) throws SQLException {
    TableDef table = Targets.table(context.catalog(), update.getTargetTable());
    SqlNodeList targetList = update.getTargetColumnList();
    int[] columns = new int[targetList.size()];
    List<ValueSource> values = new ArrayList<>();
    List<SqlNode> pushed = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      columns[i] = Targets.writable(table, targetList.get(i), "UPDATE");
      refuseKeyChange(table, columns[i]);
      SqlNode expr = update.getSourceExpressionList().get(i);
      ValueSource direct = direct(expr, table.columns().get(columns[i]).type());
      if (direct != null) {
        values.add(direct);
      } else {
        values.add(new ValueSource.FromRow(table.keyColumns().size() + pushed.size()));
        pushed.add(expr);
      }
    }
    Finder.Built finder =
        Finder.build(context, table, update.getAlias(), update.getCondition(), pushed, paramCount);
    merge(finder.plan().parameterTypes(), finder.plan().paramOrder());
    return new UpdatePlan(
        table.name(),
        finder.plan(),
        finder.rowColumns(),
        finder.keyCount(),
        new Assignments(columns, values),
        parameterTypes());
  }

  /** DELETE FROM t WHERE condition. */
  public DeletePlan delete(SqlDelete delete) throws SQLException {
    TableDef table = Targets.table(context.catalog(), delete.getTargetTable());
    Finder.Built finder =
        Finder.build(
            context, table, delete.getAlias(), delete.getCondition(), List.of(), paramCount);
    merge(finder.plan().parameterTypes(), finder.plan().paramOrder());
    return new DeletePlan(table.name(), finder.plan(), finder.rowColumns(), parameterTypes());
  }

  /**
   * A row's primary key is its entity's identity on every node, so it cannot be reassigned: that
   * would be another entity. Deleting and inserting says what is meant.
   */
  private static void refuseKeyChange(TableDef table, int column) throws SQLException {
    String name = table.columns().get(column).name();
    if (table.primaryKey().contains(name)) {
      throw Errors.of(
          SqlState.FEATURE_NOT_SUPPORTED,
          "primary key column '"
              + name
              + "' of table '"
              + table.name()
              + "' cannot be updated; delete the row and insert it with the new key");
    }
  }

  private int[] targets(TableDef table, SqlNodeList columnList) throws SQLException {
    // No list means every column in order; an empty list (DEFAULT VALUES) means none, so that
    // every column takes its default or identity.
    if (columnList == null) {
      // as in SQLite, a generated column takes no value: the row lists the others
      return IntStream.range(0, table.columns().size())
          .filter(i -> !table.columns().get(i).generated())
          .toArray();
    }
    int[] targets = new int[columnList.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = Targets.writable(table, columnList.get(i), "INSERT into");
      for (int j = 0; j < i; j++) {
        if (targets[j] == targets[i]) {
          throw Errors.of(
              SqlState.DUPLICATE_COLUMN,
              "column '"
                  + table.columns().get(targets[i]).name()
                  + "' of table '"
                  + table.name()
                  + "' is assigned more than once");
        }
      }
    }
    return targets;
  }

  /** A value Java can produce without SQLite (literal, parameter, DEFAULT), or null. */
  private ValueSource direct(SqlNode expr, ColumnType columnType) {
    if (expr.getKind() == SqlKind.DEFAULT) {
      return new ValueSource.Default();
    }
    if (expr.getKind() == SqlKind.NEXT_VALUE) {
      SqlIdentifier name = ((SqlCall) expr).operand(0);
      return new ValueSource.NextValue(name.names.get(name.names.size() - 1));
    }
    if (expr instanceof SqlDynamicParam p) {
      paramTypes[p.getIndex()] = columnType;
      return new ValueSource.Param(p.getIndex());
    }
    Optional<Object> literal = Literals.valueOf(expr);
    return literal
        .<ValueSource>map(v -> new ValueSource.Constant(v == Literals.NULL ? null : v))
        .orElse(null);
  }

  private ValueSource source(SqlNode expr, ColumnType columnType) throws SQLException {
    ValueSource direct = direct(expr, columnType);
    if (direct != null) {
      return direct;
    }
    SqlNodeList items = new SqlNodeList(List.of(expr), SqlParserPos.ZERO);
    SqlSelect select = SqlTrees.select(SqlParserPos.ZERO, items, null, null);
    ReadPlan plan = QueryCompiler.compile(context, select);
    merge(plan.parameterTypes(), plan.paramOrder());
    return new ValueSource.Pushed(plan);
  }

  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private void merge(List<ColumnType> types, int[] used) {
    for (int index : java.util.Arrays.stream(used).filter(i -> i >= 0).toArray()) { // not a counter
      if (index < paramTypes.length && paramTypes[index] == null && index < types.size()) {
        paramTypes[index] = types.get(index);
      }
    }
  }

  private List<ColumnType> parameterTypes() {
    List<ColumnType> out = new ArrayList<>();
    for (ColumnType t : paramTypes) {
      out.add(t == null ? ColumnType.VARCHAR : t);
    }
    return out;
  }
}
