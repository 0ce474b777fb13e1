package io.pluresdb.engine.runtime;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.replication.ReplicationService;
import io.pluresdb.engine.replication.SysPeers;
import io.pluresdb.engine.session.Planner;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One open database: its store and the planner over it, shared by every connection to it.
 *
 * <p>Thread-safe: the store and planner are; the reference count belongs to {@link EngineRegistry}
 * and is guarded by the registry's lock.
 */
public final class Engine {
  private final String key;
  private final DatabaseTarget target;
  private final EngineSettings settings;
  private final Store store;
  private final Planner planner;
  private final List<AutoCloseable> services = new ArrayList<>(); // guarded by the registry
  private int references; // guarded by the owning EngineRegistry
  private final SysPeers sysPeers;
  private volatile ReplicationService replication;
  private final Activity activity;

  Engine(
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
    this.planner = new Planner(store);
    this.activity = new Activity(System::nanoTime, store::lastSeq, statementEnded);
  }

  /** The statements running on this engine now (the shell's live counter reads it). */
  public Activity activity() {
    return activity;
  }

  /** The canonical key under which connections share this engine. */
  public String key() {
    return key;
  }

  public DatabaseTarget target() {
    return target;
  }

  public EngineSettings settings() {
    return settings;
  }

  public Store store() {
    return store;
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
    ReplicationService r = ReplicationService.start(store, settings.replication(), sysPeers);
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
  void shutdown() throws SQLException {
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

  int retain() {
    return ++references;
  }

  int release() {
    return --references;
  }

  int references() {
    return references;
  }
}
