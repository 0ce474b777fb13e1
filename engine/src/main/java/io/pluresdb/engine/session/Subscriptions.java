package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.engine.live.LiveQueries;
import io.pluresdb.engine.live.LiveSubscription;
import io.pluresdb.sql.live.LiveQuery;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open live subscriptions (cursors and listeners) of one session, which end when it closes.
 *
 * <p>Thread-safe: a listener subscription may be opened from any thread, also while the session
 * closes; the set is concurrent and {@code closed} volatile, and a subscription opened as the
 * session closes is closed at once.
 */
final class Subscriptions {
  private final LiveQueries live;
  private final Set<LiveSubscription> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  Subscriptions(LiveQueries live) {
    this.live = live;
  }

  LiveSubscription open(LiveQuery query, List<Object> params, int buffer) throws SQLException {
    LiveSubscription s = live.open(query, params, buffer);
    open.add(s);
    s.whenEnded(() -> open.remove(s));
    if (closed) { // closed meanwhile by another thread: the subscription must not outlive it
      s.close();
    }
    return s;
  }

  /** Ends every subscription: their subscribers see the connection closed (08003). */
  void endAll() {
    closed = true;
    SQLException gone = Errors.of(SqlState.CONNECTION_DOES_NOT_EXIST, "the connection is closed");
    for (LiveSubscription s : List.copyOf(open)) {
      s.end(gone);
    }
    open.clear();
  }
}
