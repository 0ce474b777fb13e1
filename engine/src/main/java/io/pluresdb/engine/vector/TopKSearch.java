package io.pluresdb.engine.vector;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.ListCursor;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.vector.VectorTopK;
import io.pluresdb.vector.AnnIndex;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link VectorTopK} plan: searches the index for candidates, runs the query restricted to
 * them, and widens the search (doubling the candidates) until the query yields its k rows; when the
 * index cannot answer (not built or not current yet, inside a transaction whose own writes it does
 * not hold) or is exhausted, runs the query exactly.
 *
 * <p>The rows come from SQLite, which applies the WHERE and computes the select list; they are
 * ordered, offset and limited here by the distances the index already computed, which are exactly
 * the ORDER BY's values (the index measures with the same float function as SQL). SQLite thus never
 * evaluates the ORDER BY's distance, a Java function called through JNI once per row.
 *
 * <p>Stateless; each call runs on the calling session's thread.
 */
public final class TopKSearch {
  /** How long a query waits for the indexes to catch up with the log before searching exactly. */
  static final long FRESHNESS_WAIT_MILLIS = 2000;

  private static final Comparator<AnnIndex.Neighbor> BY_DISTANCE_THEN_ROWID =
      Comparator.comparingDouble(AnnIndex.Neighbor::distance)
          .thenComparingLong(AnnIndex.Neighbor::id);

  private TopKSearch() {}

  /** Runs a compiled statement with its parameters and returns its rows. */
  @FunctionalInterface
  public interface Runner {
    Cursor run(ReadPlan plan, List<Object> params) throws SQLException;
  }

  /**
   * The rows of the query.
   *
   * @param indexes the engine's indexes, or null when none are maintained
   * @param exactOnly true inside a transaction with its own uncommitted writes
   * @param lastSeq the log position the answer must reflect
   */
  public static Cursor execute(
      VectorTopK plan,
      HnswIndexes indexes,
      boolean exactOnly,
      long lastSeq,
      int efSearch,
      List<Object> params,
      Runner runner)
      throws SQLException {
    AnnIndex graph = indexes == null || exactOnly ? null : indexes.graph(plan.index());
    if (graph == null || !current(indexes, lastSeq)) {
      return exact(plan, indexes, params, runner);
    }
    Object given = plan.vector().value(params);
    if (plan.vector().embeds() && given != null) {
      given = Embedders.embed(given.toString());
    }
    float[] query = (float[]) Values.coerce(given, ColumnType.VECTOR);
    long limit = number(plan.limit().value(params));
    long need = limit + number(plan.offset().value(params));
    if (query == null
        || query.length != graph.spec().dimensions()
        || limit <= 0
        || need > VectorTopK.BUCKETS[VectorTopK.BUCKETS.length - 1]) {
      // SQLite reports a bad vector with its state; an empty or huge LIMIT gains nothing here
      return exact(plan, indexes, params, runner);
    }
    long offset = need - limit;
    int n = (int) (plan.filtered() ? Math.max(efSearch, need) : need);
    while (true) {
      int asked = Math.max(efSearch, n);
      List<AnnIndex.Neighbor> found = graph.search(query, n, asked);
      int take = plan.filtered() ? found.size() : Math.min(n, found.size());
      int slots = VectorTopK.bucket(take);
      if (slots < 0) {
        return exact(plan, indexes, params, runner);
      }
      List<Object[]> rows = run(plan, slots, nearestFirst(found, take), params, runner);
      if (rows.size() >= need) {
        indexes.countSearch();
        return new ListCursor(plan.exact().columns(), rows.subList((int) offset, (int) need));
      }
      if (found.size() < asked) {
        // the whole index was seen: rows it lacks (NULL vectors) can only come from the table
        return exact(plan, indexes, params, runner);
      }
      n *= 2;
    }
  }

  /**
   * The first {@code take} neighbours ordered by distance, then rowid: the order of the query's
   * ORDER BY, since the index computes the same float distance as the SQL function (see {@link
   * io.pluresdb.vector.Metric}), with ties broken by rowid so the answer does not depend on the
   * graph's traversal.
   */
  private static List<AnnIndex.Neighbor> nearestFirst(List<AnnIndex.Neighbor> found, int take) {
    List<AnnIndex.Neighbor> sorted = new ArrayList<>(found);
    sorted.sort(BY_DISTANCE_THEN_ROWID);
    return sorted.subList(0, take);
  }

  private static boolean current(HnswIndexes indexes, long lastSeq) throws SQLException {
    try {
      return indexes.awaitCurrent(lastSeq, FRESHNESS_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Cursor exact(
      VectorTopK plan, HnswIndexes indexes, List<Object> params, Runner runner)
      throws SQLException {
    if (indexes != null) {
      indexes.countExact();
    }
    return runner.run(plan.exact(), params);
  }

  /**
   * The rows of the candidates that pass the query's WHERE, in the candidates' order. The
   * restricted statement returns them in any order with their rowid as an extra last column.
   */
  private static List<Object[]> run(
      VectorTopK plan,
      int slots,
      List<AnnIndex.Neighbor> candidates,
      List<Object> params,
      Runner runner)
      throws SQLException {
    List<Object> all = new ArrayList<>(plan.userParams() + slots);
    for (int i = 0; i < plan.userParams(); i++) {
      all.add(i < params.size() ? params.get(i) : null);
    }
    for (AnnIndex.Neighbor c : candidates) {
      all.add(c.id());
    }
    while (all.size() < plan.userParams() + slots) {
      all.add(null);
    }
    Map<Long, Object[]> byRowid = new HashMap<>();
    try (Cursor c = runner.run(plan.restricted(slots), all)) {
      int width = c.columns().size() - 1;
      while (c.next()) {
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
          row[i] = c.get(i + 1);
        }
        byRowid.put(((Number) c.get(width + 1)).longValue(), row);
      }
    }
    List<Object[]> rows = new ArrayList<>(byRowid.size());
    for (AnnIndex.Neighbor c : candidates) {
      Object[] row = byRowid.get(c.id());
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static long number(Object v) throws SQLException {
    return v == null ? 0 : (Long) Values.coerce(v, ColumnType.BIGINT);
  }
}
