package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The tunables of one session. Immutable: a change makes a new record, which the session swaps in
 * whole, so a thread that opens a subscription reads one consistent set.
 *
 * @param writerWait how long a statement waits for the store's one writer
 * @param liveBuffer how many changes a subscription buffers before it is reset
 * @param efSearch the HNSW search's candidate list size for top-k queries
 */
record SessionSettings(Duration writerWait, int liveBuffer, int efSearch) {
  /** The HNSW search's candidate list size unless the connection or SET ef_search says. */
  static final int DEFAULT_EF_SEARCH = 40;

  private static final int MAX_EF_SEARCH = 4096;

  static final SessionSettings DEFAULTS =
      new SessionSettings(Duration.ofSeconds(30), 10_000, DEFAULT_EF_SEARCH);

  SessionSettings withWriterWait(Duration wait) throws SQLException {
    if (wait == null || wait.isNegative()) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE, "the writer wait must be zero or more, got " + wait);
    }
    return new SessionSettings(wait, liveBuffer, efSearch);
  }

  SessionSettings withLiveBuffer(int changes) throws SQLException {
    if (changes < 1) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          "the live buffer must hold at least 1 change, got " + changes);
    }
    return new SessionSettings(writerWait, changes, efSearch);
  }

  SessionSettings withEfSearch(int ef) throws SQLException {
    if (ef < 1 || ef > MAX_EF_SEARCH) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          "ef_search must be from 1 to " + MAX_EF_SEARCH + ", got " + ef);
    }
    return new SessionSettings(writerWait, liveBuffer, ef);
  }

  /** {@code SET name = value}; ef_search is the one setting today (the planner refuses others). */
  SessionSettings with(String name, String value) throws SQLException {
    try {
      return withEfSearch(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE, name + " must be an integer, got '" + value + "'", e);
    }
  }

  /** The writer wait, capped by the statement's query timeout when one is set. */
  Duration writerWait(int timeoutSeconds) {
    if (timeoutSeconds <= 0) {
      return writerWait;
    }
    Duration statement = Duration.ofSeconds(timeoutSeconds);
    return statement.compareTo(writerWait) < 0 ? statement : writerWait;
  }
}
