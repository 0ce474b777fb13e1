package io.pluresdb.sql.vector;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.sql.calcite.RowidOf;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.vector.Metric;
import io.pluresdb.vector.VectorCodec;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A query an HNSW index can answer: {@code SELECT … FROM t [WHERE …] ORDER BY <distance>(col, <? or
 * literal>) LIMIT k [OFFSET o]} on one table, not grouped, aggregated or DISTINCT, where an hnsw
 * index on {@code col} has the metric of the distance ({@code cosine_distance}, {@code
 * l2_distance}, or the inner product descending: {@code <#>} ascending or {@code inner_product}
 * DESC).
 *
 * <p>It runs as an index search for candidate rowids and their distances, then the query itself in
 * SQLite restricted to those rowids ({@code AND "t"."rowid" IN (?, …)}, without its ORDER BY and
 * LIMIT), which applies the WHERE and computes the select list; the rows are then ordered by the
 * index's distances (see {@code engine.vector.TopKSearch}). The restricted statement is compiled
 * once per candidate-count bucket and kept here.
 *
 * <p>Immutable apart from that cache; thread-safe.
 */
public final class VectorTopK {
  /** Candidate slots of the restricted statements: 16, 64, 256, 1024, 4096. */
  public static final int[] BUCKETS = {16, 64, 256, 1024, 4096};

  /** Compiles the query with {@code n} candidate placeholders ({@code n = 0}: none). */
  @FunctionalInterface
  public interface Compiler {
    ReadPlan compile(int n) throws SQLException;
  }

  private final String index;
  private final Metric metric;
  private final String table;
  private final Source vector;
  private final Source limit;
  private final Source offset;
  private final boolean filtered;
  private final int userParams;
  private final ReadPlan exact;
  private final Compiler compiler;
  private final ConcurrentHashMap<Integer, ReadPlan> restricted = new ConcurrentHashMap<>();

  /**
   * A value given as a literal or by a parameter; when {@code embeds}, the query vector is that
   * text's {@code embed(…)}, computed by the engine's model before the index search.
   */
  public record Source(Object literal, int param, boolean embeds) {
    public Source(Object literal, int param) {
      this(literal, param, false);
    }

    /** The text of {@code embed(text)}, a literal or a parameter; null for another operand. */
    static Source embedded(SqlNode text) {
      if (text instanceof SqlDynamicParam p) {
        return new Source(null, p.getIndex(), true);
      }
      if (text instanceof SqlCharStringLiteral s) {
        return new Source(s.getValueAs(String.class), -1, true);
      }
      return null;
    }

    static Source of(SqlNode node) throws SQLException {
      if (node == null) {
        return new Source(0L, -1);
      }
      if (node instanceof SqlDynamicParam p) {
        return new Source(null, p.getIndex());
      }
      if (node instanceof SqlCharStringLiteral s) {
        return new Source(VectorCodec.parse(s.getValueAs(String.class)), -1);
      }
      if (node instanceof SqlLiteral l && l.getValue() instanceof Number n) {
        return new Source(n.longValue(), -1);
      }
      return null;
    }

    public Object value(List<Object> params) throws SQLException {
      if (param < 0) {
        return literal;
      }
      if (params == null || param >= params.size()) {
        throw Errors.of(
            SqlState.INVALID_PARAMETER_NUMBER, "no value specified for parameter " + (param + 1));
      }
      return params.get(param);
    }
  }

  VectorTopK(
      IndexDef index,
      Metric metric,
      Source vector,
      Source limit,
      Source offset,
      boolean filtered,
      int userParams,
      ReadPlan exact,
      Compiler compiler) {
    this.index = index.name();
    this.metric = metric;
    this.table = index.table();
    this.vector = vector;
    this.limit = limit;
    this.offset = offset;
    this.filtered = filtered;
    this.userParams = userParams;
    this.exact = exact;
    this.compiler = compiler;
  }

  /**
   * Rewrites a parsed (not yet validated) copy of the query into the statement that fetches the
   * index's candidates: {@code AND ROWID_OF(column) IN (?, …)} with {@code n} new parameters after
   * the user's, the rowid appended as the last result column, and no ORDER BY, OFFSET or LIMIT.
   * SQLite then only evaluates the WHERE and the select list on the candidates; ordering them by
   * the distances the index computed is left to {@code engine.vector.TopKSearch}. {@code column} is
   * the indexed column as written.
   */
  public static SqlNode restrict(SqlNode parsed, int userParams, int n) {
    SqlSelect select =
        parsed instanceof SqlSelect s
            ? s
            : (SqlSelect) ((org.apache.calcite.sql.SqlOrderBy) parsed).query;
    SqlParserPos pos = SqlParserPos.ZERO;
    SqlNode column = vectorColumn(parsed);
    SqlNodeList ids = new SqlNodeList(pos);
    for (int i = 0; i < Math.max(1, n); i++) {
      ids.add(new SqlDynamicParam(userParams + i, pos));
    }
    SqlNode in =
        SqlStdOperatorTable.IN.createCall(pos, RowidOf.INSTANCE.createCall(pos, column), ids);
    select.setWhere(
        select.getWhere() == null
            ? in
            : SqlStdOperatorTable.AND.createCall(pos, select.getWhere(), in));
    select.getSelectList().add(RowidOf.INSTANCE.createCall(pos, column));
    select.setOrderBy(null);
    select.setOffset(null);
    select.setFetch(null);
    return select;
  }

  /** The vector column of the query's ORDER BY, as written. */
  private static SqlNode vectorColumn(SqlNode parsed) {
    SqlNodeList order =
        parsed instanceof org.apache.calcite.sql.SqlOrderBy o
            ? o.orderList
            : ((SqlSelect) parsed).getOrderList();
    SqlNode e = order.get(0);
    while (!(e instanceof SqlBasicCall c && c.operandCount() == 2)) {
      e = ((SqlCall) e).operand(0);
    }
    SqlBasicCall call = (SqlBasicCall) e;
    SqlNode a = call.operand(0);
    return a instanceof SqlIdentifier ? a : call.operand(1);
  }

  public String index() {
    return index;
  }

  public Metric metric() {
    return metric;
  }

  public String table() {
    return table;
  }

  public boolean filtered() {
    return filtered;
  }

  /** The plan of the query without the index. */
  public ReadPlan exact() {
    return exact;
  }

  public Source vector() {
    return vector;
  }

  public Source limit() {
    return limit;
  }

  public Source offset() {
    return offset;
  }

  public int userParams() {
    return userParams;
  }

  /** The statement restricted to at most {@code candidates} rowids, and its slot count. */
  public ReadPlan restricted(int slots) throws SQLException {
    ReadPlan p = restricted.get(slots);
    if (p == null) {
      p = compiler.compile(slots);
      restricted.putIfAbsent(slots, p);
    }
    return p;
  }

  /** The restricted statement with one candidate placeholder, as EXPLAIN shows it. */
  public ReadPlan restrictedForDisplay() throws SQLException {
    return compiler.compile(1);
  }

  /** The smallest bucket holding {@code n} candidates, or -1 when none does. */
  public static int bucket(int n) {
    for (int b : BUCKETS) {
      if (n <= b) {
        return b;
      }
    }
    return -1;
  }

  /** The EXPLAIN line of the index search. */
  public String explain() {
    return "HnswSearch(index=["
        + index
        + "], table=["
        + table
        + "], metric=["
        + metric.optionName()
        + "], candidates=["
        + (filtered ? "max(ef_search, k)" : "k")
        + ", doubled until k rows pass, else exact])";
  }
}
