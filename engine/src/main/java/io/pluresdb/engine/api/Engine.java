package io.pluresdb.engine.api;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.http.HttpRoutes;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * One open database as the JDBC surface sees it: sessions to run statements in, and what the
 * command line shows about the node (identity, running statements, index builds, replication).
 *
 * <p>Thread-safe.
 */
public interface Engine {
  /** The canonical key under which connections share this engine. */
  String key();

  DatabaseTarget target();

  EngineSettings settings();

  /** This node's id. */
  String nodeId();

  /** The id of the database this node belongs to. */
  String databaseId();

  /** The log position of the latest committed transaction. */
  long lastSeq();

  /** A session for one JDBC connection. */
  Session openSession() throws SQLException;

  /** The statements running on this engine now. */
  Activity activity();

  /** The HNSW index build under way, or null when none is. */
  @Nullable IndexBuild indexBuilding();

  /** Where this node accepts peers, or null when it does not listen. */
  @Nullable InetSocketAddress listenAddress();

  /**
   * The plain HTTP routes served on the replication listener's port beside {@code /status}, or null
   * when this node does not listen.
   */
  @Nullable HttpRoutes httpRoutes();

  /** How many transactions the open replication sessions are behind, summed (0 without any). */
  long replicationBacklog();

  /**
   * The store this engine runs on, for a hub that keeps it in step with a shared store elsewhere;
   * null when the store belongs to another process or changes hands (a file shared by processes).
   */
  default @Nullable Store store() {
    return null;
  }
}
