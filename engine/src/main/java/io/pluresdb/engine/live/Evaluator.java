package io.pluresdb.engine.live;

import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.ChangeKind;
import io.pluresdb.engine.api.LiveEvent;
import io.pluresdb.engine.exec.Binder;
import io.pluresdb.sql.live.LiveQuery;
import io.pluresdb.sql.read.ReadPlan;
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

  private final Store store;
  private final RowImages images;

  Evaluator(Store store) throws SQLException {
    this.store = store;
    this.reader = store.openReader();
    this.images = new RowImages(reader);
  }

  /** The schema changed: row images follow the new columns. */
  void schemaChanged() throws SQLException {
    images.schemaChanged();
  }

  /**
   * Checks one change against the query through its row image: what that transaction did to the
   * result. Null when the image cannot be used (the row does not match the current schema); the
   * caller then probes the table.
   */
  List<LiveEvent> image(LiveSubscription s, EntityChange c, long seq, SubscriptionIndex index)
      throws SQLException {
    LiveQuery q = s.query;
    Object[] now = null;
    if (c.row() != null) {
      TableDef table = store.catalog().table(q.table());
      if (table == null || table.columns().size() != c.row().length) {
        return null;
      }
      images.load(table, c.row());
      List<Object> params = new ArrayList<>(s.params.subList(0, q.parameterCount()));
      params.addAll(Arrays.asList(c.key()));
      List<Object[]> found = rows(q.image(), params);
      now = found.isEmpty() ? null : found.get(0);
    }
    List<LiveEvent> events = new ArrayList<>(1);
    transition(s, RowKey.of(c.key()), now, seq, index, events);
    return events;
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
      transition(s, k.getKey(), now, seq, index, events);
    }
    return events;
  }

  /** Adds what an entity's new state ({@code now}, null when not in the result) changes. */
  private static void transition(
      LiveSubscription s,
      RowKey key,
      Object[] now,
      long seq,
      SubscriptionIndex index,
      List<LiveEvent> events) {
    LiveQuery q = s.query;
    Object[] old = s.byKey.get(key);
    if (old == null && now == null) {
      return;
    }
    s.version = Math.max(s.version, seq);
    if (now == null) {
      s.byKey.remove(key);
      index.member(s, key, false);
      events.add(ResultDiff.event(ChangeKind.DELETE, old, q.visible(), s.version));
    } else if (old == null) {
      s.byKey.put(key, now);
      index.member(s, key, true);
      events.add(ResultDiff.event(ChangeKind.INSERT, now, q.visible(), s.version));
    } else if (!Arrays.deepEquals(old, now)) {
      s.byKey.put(key, now);
      events.add(ResultDiff.event(ChangeKind.UPDATE, now, q.visible(), s.version));
    }
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
    images.close();
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
