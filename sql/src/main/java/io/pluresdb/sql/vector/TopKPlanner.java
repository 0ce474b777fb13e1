package io.pluresdb.sql.vector;

import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.parser.SqlTrees;
import io.pluresdb.sql.read.QueryCompiler;
import io.pluresdb.sql.read.ReadPlan;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlNode;

/**
 * Decides whether a query is a {@link VectorTopK}: only when the catalog has an hnsw index, so
 * other queries pay nothing. Each compilation works on its own copy of the parsed query, since
 * validation rewrites the tree it validates.
 */
public final class TopKPlanner {
  private TopKPlanner() {}

  /**
   * The top-k plan of a query, or null.
   *
   * @param sql the statement's text (for column labels)
   * @param query the parsed query, unvalidated (the statement may wrap it, as EXPLAIN does); it is
   *     copied, never changed
   * @param userParams the statement's parameter count
   * @param exact the query's ordinary plan
   */
  public static VectorTopK plan(
      String sql,
      PlanningContext context,
      CalciteCatalogs schemas,
      SqlNode query,
      int userParams,
      ReadPlan exact)
      throws SQLException {
    if (context.catalog().indexes().values().stream().noneMatch(HnswOptions::isHnsw)) {
      return null;
    }
    QueryCompiler.Validated v = QueryCompiler.validate(context, SqlTrees.copy(query));
    return TopKMatcher.match(
        v.node(),
        v.validator(),
        context.catalog(),
        userParams,
        exact,
        slots -> {
          SqlNode restricted = VectorTopK.restrict(SqlTrees.copy(query), userParams, slots);
          return QueryCompiler.compile(
              new PlanningContext(context.catalog(), schemas), restricted, sql);
        });
  }
}
