package io.pluresdb.engine.exec;

import io.pluresdb.sql.calcite.SessionFunctions.Counter;

/**
 * A session's answers to SQLite's {@code last_insert_rowid()}, {@code changes()} and {@code
 * total_changes()}: the rowid of the last row this session inserted (kept when a write inserts
 * none), the rows its last INSERT, UPDATE or DELETE changed, and the rows all of them changed since
 * it opened. The rowid of a table whose key is one integer column is that key; of another table it
 * is the rowid of the materialized row, local to this node.
 *
 * <p>Not thread-safe: confined to its session's one caller at a time.
 */
public final class SessionCounters {
  /** Counters that stay 0: for writes outside a session. */
  public static final SessionCounters NONE = new SessionCounters();

  private long lastInsertRowid;
  private long changes;
  private long totalChanges;

  /** Records a finished write. */
  public void record(WriteResult r) {
    if (this == NONE) {
      return;
    }
    changes = r.count();
    totalChanges += r.count();
    if (r.lastInsertRowid() != 0) {
      lastInsertRowid = r.lastInsertRowid();
    }
  }

  /** The current value of a counter. */
  public long value(Counter c) {
    return switch (c) {
      case LAST_INSERT_ROWID -> lastInsertRowid;
      case CHANGES -> changes;
      case TOTAL_CHANGES -> totalChanges;
    };
  }
}
