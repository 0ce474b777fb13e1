package io.pluresdb.engine.runtime;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.Activity;
import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.api.IndexBuild;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.replication.ReplicationService;
import io.pluresdb.engine.replication.SysPeers;
import io.pluresdb.engine.session.Planner;
import io.pluresdb.engine.threads.EngineRuntime;
import io.pluresdb.engine.vector.HnswIndexes;
import io.pluresdb.sync.http.HttpRoutes;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One open database: its store, the planner over it and the services beside it (live queries, HNSW
 * indexes, replication), shared by every connection to it.
 *
 * <p>Thread-safe: the store and planner are; {@link #open} and {@link #shutdown} are called by the
 * registry under its lock, which also guards the service list.
 */
public final class RunningEngine implements Engine {
  private final String key;
  private final DatabaseTarget target;
  private final EngineSettings settings;
  private final Store store;
  private final EngineRuntime runtime;
  private final Planner planner;
  private final List<AutoCloseable> services = new ArrayList<>(); // guarded by the registry
  private final SysPeers sysPeers;
  private volatile ReplicationService replication;
  private final Activity activity;

  /**
   * Opens the store of {@code target} and starts its services; on failure whatever was started is
   * closed again. {@code statementEnded} runs on a statement's thread whenever one ends.
   */
  public static RunningEngine open(
      DatabaseTarget target, EngineSettings settings, Runnable statementEnded) throws SQLException {
    return open(target, settings, statementEnded, false);
  }

  /**
   * Opens a file database that another process owns, as its follower: its store reads the file and
   * refuses writes (see {@code Store.follow}); it neither replicates nor persists indexes, which
   * are the owner's to do.
   */
  public static RunningEngine follow(
      DatabaseTarget target, EngineSettings settings, Runnable statementEnded) throws SQLException {
    return open(target, settings, statementEnded, true);
  }

  private static RunningEngine open(
      DatabaseTarget target, EngineSettings settings, Runnable statementEnded, boolean follows)
      throws SQLException {
    SysPeers sysPeers = new SysPeers();
    Store store = StoreOpener.open(target, settings, sysPeers, follows);
    RunningEngine engine =
        new RunningEngine(target.canonicalKey(), target, settings, store, sysPeers, statementEnded);
    try {
      EngineServices.start(engine, follows);
    } catch (SQLException | RuntimeException e) {
      try {
        engine.shutdown();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return engine;
  }

  private RunningEngine(
      String key,
      DatabaseTarget target,
      EngineSettings settings,
      Store store,
      SysPeers peers,
      Runnable statementEnded) {
    this.sysPeers = peers;
    this.key = key;
    this.target = target;
    this.settings = settings;
    this.store = store;
    this.runtime = new EngineRuntime(store.nodeId());
    this.planner = new Planner(store, runtime);
    this.activity = new Activity(System::nanoTime, store::lastSeq, statementEnded);
  }

  @Override
  public Activity activity() {
    return activity;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public DatabaseTarget target() {
    return target;
  }

  @Override
  public EngineSettings settings() {
    return settings;
  }

  @Override
  public Store store() {
    return store;
  }

  @Override
  public String nodeId() {
    return store.nodeId();
  }

  @Override
  public String databaseId() {
    return store.databaseId();
  }

  @Override
  public long lastSeq() {
    return store.lastSeq();
  }

  @Override
  public Session openSession() throws SQLException {
    return planner.openSession();
  }

  @Override
  public IndexBuild indexBuilding() {
    HnswIndexes indexes = planner.vectorIndexes();
    return indexes == null ? null : indexes.building();
  }

  @Override
  public InetSocketAddress listenAddress() {
    ReplicationService r = replication;
    return r == null ? null : r.listenAddress();
  }

  @Override
  public HttpRoutes httpRoutes() {
    ReplicationService r = replication;
    return r == null || r.listenAddress() == null ? null : r.httpRoutes();
  }

  @Override
  public long replicationBacklog() {
    ReplicationService r = replication;
    return r == null ? 0 : r.backlog();
  }

  /** The threads of this engine: closed after every service, before the store. */
  public EngineRuntime runtime() {
    return runtime;
  }

  public Planner planner() {
    return planner;
  }

  /** The {@code sys_peers} view installed on this engine's store connections. */
  SysPeers sysPeers() {
    return sysPeers;
  }

  /** The running replicator, or null when this database does not replicate. */
  public ReplicationService replication() {
    return replication;
  }

  /** Starts replication if the settings ask for it (an engine service). */
  AutoCloseable startReplication() throws SQLException {
    ReplicationService r =
        ReplicationService.start(store, settings.replication(), sysPeers, planner.scopes());
    replication = r;
    return r == null ? () -> {} : r;
  }

  /**
   * Attaches a service that lives as long as this engine (a replicator, index maintenance, the
   * live-query reactor): services close in reverse order of attachment, before the store.
   */
  void attach(AutoCloseable service) {
    services.add(service);
  }

  /** Closes the services, then the store; the first failure is thrown with the rest suppressed. */
  public void shutdown() throws SQLException {
    Exception failure = null;
    for (int i = services.size() - 1; i >= 0; i--) {
      try {
        services.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    services.clear();
    try {
      store.close();
    } catch (SQLException e) {
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw e;
    }
    if (failure instanceof SQLException se) {
      throw se;
    }
    if (failure != null) {
      throw Errors.of(
          SqlState.INTERNAL_ERROR, "closing database " + target + ": " + failure, failure);
    }
  }
}
