package io.pluresdb.sql.vector;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.calcite.VectorFunctions;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.vector.Metric;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Recognises the shape of a {@link VectorTopK} in a validated query and finds the hnsw index whose
 * column and metric its ORDER BY names.
 */
final class TopKMatcher {
  private TopKMatcher() {}

  /**
   * The top-k plan of a validated query, or null when it does not have the shape or no index
   * matches. {@code exact} is the query's ordinary plan, used when the index cannot answer.
   */
  static VectorTopK match(
      SqlNode validated,
      SqlValidator validator,
      Catalog catalog,
      int userParams,
      ReadPlan exact,
      VectorTopK.Compiler compiler)
      throws SQLException {
    if (!(validated instanceof SqlSelect select)
        || select.getFetch() == null
        || select.getOrderList() == null
        || select.getOrderList().size() != 1
        || select.isDistinct()
        || select.getGroup() != null
        || select.getHaving() != null
        || !select.getWindowList().isEmpty()
        || validator.isAggregate(select)) {
      return null;
    }
    String tableName = tableOf(select.getFrom());
    TableDef table = tableName == null ? null : catalog.table(tableName);
    if (table == null) {
      return null;
    }
    Ordering order = Ordering.of(select.getOrderList().get(0));
    if (order == null) {
      return null;
    }
    VectorTopK.Source limit = VectorTopK.Source.of(select.getFetch());
    VectorTopK.Source offset = VectorTopK.Source.of(select.getOffset());
    if (limit == null || offset == null) {
      return null;
    }
    for (IndexDef def : catalog.indexesOf(table.name())) {
      if (HnswOptions.isHnsw(def)
          && def.columns().get(0).equals(order.column)
          && Metric.parse(def.options().getOrDefault("metric", "cosine")) == order.metric) {
        return new VectorTopK(
            def,
            order.metric,
            order.vector,
            limit,
            offset,
            select.getWhere() != null,
            userParams,
            exact,
            compiler);
      }
    }
    return null;
  }

  /** The column, metric and query vector of an ORDER BY item an index can answer. */
  private record Ordering(String column, Metric metric, VectorTopK.Source vector) {
    static Ordering of(SqlNode item) throws SQLException {
      boolean descending = false;
      boolean negated = false;
      SqlNode e = item;
      if (e.getKind() == SqlKind.DESCENDING) {
        descending = true;
        e = ((SqlCall) e).operand(0);
      }
      if (e.getKind() == SqlKind.MINUS_PREFIX) {
        negated = true;
        e = ((SqlCall) e).operand(0);
      }
      if (!(e instanceof SqlBasicCall call) || call.operandCount() != 2) {
        return null;
      }
      Metric metric;
      if (call.getOperator() == VectorFunctions.COSINE_DISTANCE && !descending && !negated) {
        metric = Metric.COSINE;
      } else if (call.getOperator() == VectorFunctions.L2_DISTANCE && !descending && !negated) {
        metric = Metric.L2;
      } else if (call.getOperator() == VectorFunctions.INNER_PRODUCT && descending != negated) {
        metric = Metric.INNER_PRODUCT;
      } else {
        return null;
      }
      SqlNode a = call.operand(0);
      SqlNode b = call.operand(1);
      if (!(a instanceof SqlIdentifier)) {
        SqlNode t = a;
        a = b;
        b = t;
      }
      if (!(a instanceof SqlIdentifier column)) {
        return null;
      }
      VectorTopK.Source vector;
      if (b instanceof SqlDynamicParam || b instanceof SqlCharStringLiteral) {
        vector = VectorTopK.Source.of(b);
      } else if (b instanceof SqlBasicCall embed
          && embed.getOperator().getName().equalsIgnoreCase("EMBED")
          && embed.operandCount() == 1) {
        // the query text's vector, computed once by the engine before the search
        vector = VectorTopK.Source.embedded(embed.operand(0));
      } else {
        vector = null;
      }
      if (vector == null) {
        return null;
      }
      return new Ordering(column.names.get(column.names.size() - 1), metric, vector);
    }
  }

  private static String tableOf(SqlNode from) {
    SqlNode t = from;
    if (t != null && t.getKind() == SqlKind.AS) {
      t = ((SqlCall) t).operand(0);
    }
    if (t instanceof SqlIdentifier id) {
      return id.names.get(id.names.size() - 1);
    }
    return null;
  }
}
