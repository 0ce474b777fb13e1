package io.pluresdb.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The PluresDB extensions of {@link Connection}, reached with {@code
 * connection.unwrap(PluresConnection.class)}.
 */
public interface PluresConnection extends Connection {

  /** This node's id: stable across restarts, unique among the nodes of a database. */
  String nodeId() throws SQLException;

  /** The database's id, shared by every node that replicates it. */
  String databaseId() throws SQLException;

  /**
   * The port on which this node accepts peers ({@code listen=host:port}; the real port when port 0
   * was asked), or -1 when it does not listen.
   */
  int listenPort() throws SQLException;

  /**
   * Subscribes {@code listener} to a query's result: its current rows ({@code INITIAL}), then every
   * committed change to it, local or replicated, in commit order (see {@link LiveListener}). {@code
   * sql} is a SELECT (a leading {@code SUBSCRIBE} is allowed) with {@code ?} parameters bound from
   * {@code params}; SQL errors are thrown here. Closing the returned handle (or the connection)
   * ends the subscription. Any thread may call it.
   */
  AutoCloseable subscribe(String sql, List<?> params, LiveListener listener) throws SQLException;

  /**
   * The same stream as a reactive-streams {@link Flow.Publisher}: each subscriber gets its own
   * subscription, started when it subscribes, and receives changes only as it requests them; one
   * that requests too slowly gets a {@link LiveChange.Kind#RESET} and the current result rather
   * than unbounded buffering. The SQL is checked here.
   */
  Flow.Publisher<LiveChange> publisher(String sql, List<?> params) throws SQLException;

  /** The notifications received since the last call, without waiting (empty when none). */
  PluresNotification[] getNotifications() throws SQLException;

  /**
   * The notifications received, waiting up to {@code timeoutMillis} for one when there are none; 0
   * waits until one arrives (pgjdbc's semantics).
   */
  PluresNotification[] getNotifications(int timeoutMillis) throws SQLException;

  /**
   * Pushes notifications of the channels this connection listens to to {@code listener}, on a
   * driver thread, instead of queueing them for {@link #getNotifications()}; closing the handle
   * stops it.
   */
  AutoCloseable addNotificationListener(Consumer<PluresNotification> listener) throws SQLException;
}
