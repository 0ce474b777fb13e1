package io.pluresdb.planner.live;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.planner.read.Binder;
import io.pluresdb.planner.read.ReadPlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs live queries on the reactor's own SQLite reader and turns their results into changes: a
 * whole re-run diffed against the result last told ({@link #refresh}), or one point query per
 * changed entity ({@link #probe}). Prepared statements are shared by every subscription with the
 * same SQL (they differ only in parameters), so thousands of subscriptions cost a few statements.
 *
 * <p>Not thread-safe: owned by the reactor thread.
 */
final class Evaluator implements AutoCloseable {
  private static final int STATEMENTS = 256;

  private final Connection reader;
  private final Map<String, PreparedStatement> statements =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= STATEMENTS) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  Evaluator(Store store) throws SQLException {
    this.reader = store.openReader();
  }

  /** Every row of a plan (visible and hidden columns), canonical values. */
  List<Object[]> rows(ReadPlan plan, List<Object> params) throws SQLException {
    PreparedStatement ps = statements.get(plan.sqliteSql());
    if (ps == null) {
      ps = reader.prepareStatement(plan.sqliteSql());
      statements.put(plan.sqliteSql(), ps);
    }
    Binder.bind(ps, plan, params);
    try (ResultSet rs = ps.executeQuery()) {
      return Binder.readAll(rs, plan.columns());
    }
  }

  /** Re-runs the query and returns the differences from the result last told. */
  List<LiveEvent> refresh(LiveSubscription s, long seq, SubscriptionIndex index)
      throws SQLException {
    LiveQuery q = s.query;
    List<Object[]> now = rows(q.read(), s.params);
    s.version = Math.max(s.version, seq);
    List<LiveEvent> events =
        ResultDiff.diff(s.currentRows(), now, q.identity(), q.visible(), s.version);
    if (!events.isEmpty()) {
      remember(s, now, index);
    }
    return events;
  }

  /** Checks each changed entity with the point query and returns what changed in the result. */
  List<LiveEvent> probe(
      LiveSubscription s, Map<RowKey, Object[]> keys, long seq, SubscriptionIndex index)
      throws SQLException {
    LiveQuery q = s.query;
    List<Object> params = new ArrayList<>(s.params.subList(0, q.parameterCount()));
    int users = params.size();
    List<LiveEvent> events = new ArrayList<>();
    for (Map.Entry<RowKey, Object[]> k : keys.entrySet()) {
      params.subList(users, params.size()).clear();
      params.addAll(Arrays.asList(k.getValue()));
      List<Object[]> found = rows(q.probe(), params);
      Object[] now = found.isEmpty() ? null : found.get(0);
      Object[] old = s.byKey.get(k.getKey());
      if (old == null && now == null) {
        continue;
      }
      s.version = Math.max(s.version, seq);
      if (now == null) {
        s.byKey.remove(k.getKey());
        index.member(s, k.getKey(), false);
        events.add(ResultDiff.event(ChangeKind.DELETE, old, q.visible(), s.version));
      } else if (old == null) {
        s.byKey.put(k.getKey(), now);
        index.member(s, k.getKey(), true);
        events.add(ResultDiff.event(ChangeKind.INSERT, now, q.visible(), s.version));
      } else if (!Arrays.deepEquals(old, now)) {
        s.byKey.put(k.getKey(), now);
        events.add(ResultDiff.event(ChangeKind.UPDATE, now, q.visible(), s.version));
      }
    }
    return events;
  }

  /** Re-runs the query, remembers it as told, and returns it as INITIAL rows (after a RESET). */
  List<LiveEvent> snapshot(LiveSubscription s, long seq, SubscriptionIndex index)
      throws SQLException {
    List<Object[]> rows = rows(s.query.read(), s.params);
    s.version = Math.max(s.version, seq);
    remember(s, rows, index);
    return ResultDiff.initial(rows, s.query.visible(), s.version);
  }

  /** Records {@code rows} as the result told to {@code s}, keeping the membership index true. */
  static void remember(LiveSubscription s, List<Object[]> rows, SubscriptionIndex index) {
    LiveQuery q = s.query;
    if (!q.keyed()) {
      s.rows = rows;
      return;
    }
    Map<RowKey, Object[]> now = new LinkedHashMap<>();
    for (Object[] row : rows) {
      now.put(RowKey.of(row, q.identity()), row);
    }
    for (Iterator<RowKey> it = s.byKey.keySet().iterator(); it.hasNext(); ) {
      RowKey k = it.next();
      if (!now.containsKey(k)) {
        index.member(s, k, false);
        it.remove();
      }
    }
    for (Map.Entry<RowKey, Object[]> e : now.entrySet()) {
      if (s.byKey.put(e.getKey(), e.getValue()) == null) {
        index.member(s, e.getKey(), true);
      }
    }
    // Keep the result's order (a LIMIT window's ranking) for the next diff.
    s.byKey.clear();
    s.byKey.putAll(now);
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      closeQuietly(ps);
    }
    statements.clear();
    reader.close();
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException e) {
      // the reader is going away or the statement was already finalized: nothing to release
    }
  }
}
