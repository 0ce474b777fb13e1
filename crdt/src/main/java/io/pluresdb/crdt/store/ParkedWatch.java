package io.pluresdb.crdt.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's view of its parked transactions ({@link Store#parked}): a snapshot re-read from
 * {@code _pl_pending} after each remote apply that may have changed it, and the log lines that make
 * a stall visible. Each origin's condition is logged once when it starts (or when the store opens
 * with it) and once when it clears, never once per retry: retries happen at every applied
 * transaction.
 *
 * <p>Thread-safe: {@link #refresh} runs under the store's writer permit; the snapshot is a volatile
 * immutable value that any thread may read.
 */
final class ParkedWatch {
  private final Logger log;
  private final String store;
  private volatile ParkedSummary summary = ParkedSummary.NONE;

  /** Watches the store named {@code store} in messages. */
  ParkedWatch(String store) {
    this(store, LoggerFactory.getLogger(ParkedWatch.class));
  }

  /** For tests: logs to {@code log}. */
  ParkedWatch(String store, Logger log) {
    this.store = store;
    this.log = log;
  }

  ParkedSummary summary() {
    return summary;
  }

  /** Re-reads what is parked and logs each origin whose condition started or cleared. */
  void refresh(Connection c) throws SQLException {
    ParkedSummary before = summary;
    ParkedSummary now = ParkedTable.summary(c);
    summary = now;
    for (Map.Entry<String, Parked> e : now.byOrigin().entrySet()) {
      if (before.of(e.getKey()).count() == 0) {
        Parked p = e.getValue();
        log.warn(
            "{}: {} transaction(s) from {} cannot be applied and are parked; {}",
            store,
            p.count(),
            origin(e.getKey()),
            p.describe());
      }
    }
    for (String origin : before.byOrigin().keySet()) {
      if (now.of(origin).count() == 0) {
        log.info("{}: the transactions parked from {} are all applied", store, origin(origin));
      }
    }
  }

  /** How an origin is named in messages. */
  static String origin(String origin) {
    return origin.isEmpty() ? "an unnamed source" : "node " + origin;
  }
}
