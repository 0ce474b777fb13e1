package io.pluresdb.sql.read;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.parser.sqlite.SqlQueryPlan;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code EXPLAIN QUERY PLAN query}: the query is compiled as usual and SQLite explains the compiled
 * statement, giving its own columns {@code id, parent, notused, detail}. The compiled statement
 * reads the same tables under the same names, so SQLite's answer is the one it gives for the query
 * as written.
 */
public final class QueryPlans {
  private static final List<ColumnMeta> COLUMNS =
      List.of(
          column("id", ColumnType.INTEGER),
          column("parent", ColumnType.INTEGER),
          column("notused", ColumnType.INTEGER),
          column("detail", ColumnType.VARCHAR));

  private QueryPlans() {}

  public static ReadPlan plan(PlanningContext context, SqlQueryPlan explain) throws SQLException {
    if (!explain.statement().getKind().belongsTo(SqlKind.QUERY)) {
      throw Errors.of(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN QUERY PLAN supports queries only");
    }
    ReadPlan read = QueryCompiler.compile(context, explain.statement());
    return new ReadPlan(
        "EXPLAIN QUERY PLAN " + read.sqliteSql(),
        read.paramOrder(),
        COLUMNS,
        read.parameterTypes());
  }

  private static ColumnMeta column(String name, ColumnType type) {
    return new ColumnMeta(name, name, "", type, 0, 0, false, false);
  }
}
