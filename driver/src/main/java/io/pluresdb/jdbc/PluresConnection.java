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
}
