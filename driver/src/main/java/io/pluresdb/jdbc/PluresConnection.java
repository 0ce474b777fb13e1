package io.pluresdb.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

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
}
