package io.pluresdb.engine.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prepared SQLite statements on one connection (the session's reader, or the writer during the
 * session's transaction), by SQLite SQL text, least recently used evicted. A statement still
 * feeding an open cursor is never handed out twice: a second concurrent use of the same text gets a
 * fresh statement, closed when its cursor closes.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class StatementCache {
  private final int capacity;
  private final LinkedHashMap<String, PreparedStatement> cache =
      new LinkedHashMap<>(16, 0.75f, true);
  private final Set<PreparedStatement> inUse =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<PreparedStatement> uncached =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  StatementCache(int capacity) {
    this.capacity = capacity;
  }

  PreparedStatement acquire(Connection connection, String sql) throws SQLException {
    PreparedStatement ps = cache.get(sql);
    if (ps != null && !inUse.contains(ps)) {
      ps.clearParameters();
      inUse.add(ps);
      return ps;
    }
    PreparedStatement fresh = connection.prepareStatement(sql);
    if (ps == null) {
      cache.put(sql, fresh);
      evict();
    } else {
      uncached.add(fresh);
    }
    inUse.add(fresh);
    return fresh;
  }

  void release(PreparedStatement ps) throws SQLException {
    inUse.remove(ps);
    if (uncached.remove(ps) || !cache.containsValue(ps)) {
      ps.close();
    }
  }

  /**
   * Forgets and closes a statement whose execution failed: sqlite-jdbc may have finalized it (a SQL
   * function that raised an error does that), so it must not be handed out again.
   */
  void discard(PreparedStatement ps) throws SQLException {
    inUse.remove(ps);
    uncached.remove(ps);
    cache.values().removeIf(cached -> cached == ps);
    ps.close();
  }

  private void evict() throws SQLException {
    Iterator<Map.Entry<String, PreparedStatement>> it = cache.entrySet().iterator();
    while (cache.size() > capacity && it.hasNext()) {
      Map.Entry<String, PreparedStatement> e = it.next();
      if (!inUse.contains(e.getValue())) {
        e.getValue().close();
        it.remove();
      }
    }
  }

  /**
   * Empties the cache, closing every statement no cursor uses; a statement still feeding a cursor
   * is closed when that cursor releases it. For the writer's statements when a transaction ends:
   * the connection then belongs to the next holder of the writer permit.
   */
  void retire() throws SQLException {
    SQLException failure = null;
    for (PreparedStatement ps : cache.values()) {
      if (!inUse.contains(ps)) {
        failure = closeCollecting(ps, failure);
      }
    }
    cache.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private static SQLException closeCollecting(PreparedStatement ps, SQLException failure) {
    try {
      ps.close();
    } catch (SQLException e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
    }
    return failure;
  }

  void closeAll() throws SQLException {
    for (PreparedStatement ps : cache.values()) {
      ps.close();
    }
    for (PreparedStatement ps : uncached) {
      ps.close();
    }
    cache.clear();
    uncached.clear();
    inUse.clear();
  }
}
