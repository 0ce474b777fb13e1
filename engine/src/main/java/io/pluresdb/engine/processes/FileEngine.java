package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.Activity;
import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.api.IndexBuild;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.runtime.RunningEngine;
import io.pluresdb.sync.http.HttpRoutes;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of a file database in this process, which either owns the file (it holds the lock,
 * writes, replicates, and serves other processes through an {@link OwnerEndpoint}) or follows the
 * process that does (its own read-only engine over the file, sessions that forward writes, and an
 * {@link OwnerWatch} that keeps it current and takes the ownership over once the owner is gone).
 *
 * <p>Thread-safe: {@link #takeOver} and the owner probe run under this object's monitor, so this
 * process never closes a channel on the lock file while it holds the lock (closing any channel on a
 * file releases the process's POSIX locks on it); {@code owned} and {@code note} are volatile.
 */
public final class FileEngine implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(FileEngine.class);

  private final DatabaseTarget target;
  private final EngineSettings settings;
  private final Runnable statementEnded;
  private final Path lockFile;
  private final @Nullable RunningEngine follower;
  private volatile @Nullable Owned owned;
  private volatile @Nullable LockNote note;
  private @Nullable OwnerWatch watch; // set once, right after construction
  private @Nullable NotificationRelay relay; // guarded by this
  private boolean closed; // guarded by this

  private FileEngine(
      DatabaseTarget target,
      EngineSettings settings,
      Runnable statementEnded,
      @Nullable RunningEngine follower,
      @Nullable Owned owned,
      @Nullable LockNote note) {
    this.target = target;
    this.settings = settings;
    this.statementEnded = statementEnded;
    this.lockFile = Store.lockFile(FileOpening.file(target));
    this.follower = follower;
    this.owned = owned;
    this.note = note;
  }

  /**
   * Opens the database file as its owner, or, while another process owns it, as its follower; waits
   * (up to a minute) for an owner that is still opening to name its endpoint.
   */
  public static FileEngine open(
      DatabaseTarget target, EngineSettings settings, Runnable statementEnded) throws SQLException {
    return FileOpening.open(target, settings, statementEnded);
  }

  /** An engine that owns the file. */
  static FileEngine owner(
      DatabaseTarget target, EngineSettings settings, Runnable statementEnded, Owned owned) {
    return new FileEngine(target, settings, statementEnded, null, owned, null);
  }

  /** An engine that follows the process {@code note} names, through {@code local}. */
  static FileEngine follower(
      DatabaseTarget target,
      EngineSettings settings,
      Runnable statementEnded,
      RunningEngine local,
      LockNote note) {
    FileEngine engine = new FileEngine(target, settings, statementEnded, local, null, note);
    engine.watch = OwnerWatch.start(engine, local.runtime().threads("follow"));
    return engine;
  }

  /**
   * This process's own engine over the file, or null while another process owns it. Called before a
   * statement is forwarded: an owner found gone is taken over first, so the statement runs here.
   */
  @Nullable Engine ownerHere() {
    Owned o = owned;
    if (o == null && ownerGone()) {
      takeOver();
      o = owned;
    }
    return o == null ? null : o.engine();
  }

  /** This process's own engine over the file once it owns it, else null. */
  @Nullable RunningEngine ownedEngine() {
    Owned o = owned;
    return o == null ? null : o.engine();
  }

  /**
   * Brings the owner's notifications to this process's LISTEN sessions from now on (see {@link
   * NotificationRelay}); started at the first LISTEN of a follower session.
   */
  void relayNotifications() {
    RunningEngine f = java.util.Objects.requireNonNull(follower);
    NotificationRelay r;
    synchronized (this) {
      if (relay != null || closed) {
        return;
      }
      r = NotificationRelay.start(this, f.store().notifications(), f.runtime().threads("listen"));
      relay = r;
    }
    r.awaitFlowing(); // outside the monitor: a takeover meanwhile needs it
  }

  /**
   * Reads the lock file again while another process owns the file: a follower that took the
   * ownership over before this one could has named its own endpoint there.
   */
  void rereadNote() {
    if (owned != null) {
      return;
    }
    try {
      LockNote fresh = LockNote.read(lockFile);
      if (fresh != null) {
        note = fresh;
      }
    } catch (java.io.IOException e) {
      LOG.debug("reading the lock file of {}", target, e);
    }
  }

  /** Where the owning process takes forwarded statements. */
  LockNote note() throws SQLException {
    LockNote n = note;
    if (n == null) {
      throw Errors.of(SqlState.CONNECTION_FAILURE, "no process owns database " + target);
    }
    return n;
  }

  /** Catches the follower's store up with the owner's commits (see {@code Store#refresh}). */
  void catchUp() throws SQLException {
    RunningEngine f = follower;
    if (f != null) {
      f.store().refresh();
    }
  }

  /** True when no process holds the lock: probed with a lock of our own, let go at once. */
  synchronized boolean ownerGone() {
    return owned == null && !closed && LockProbe.free(lockFile);
  }

  /**
   * Opens the file as its owner (the previous one is gone); when another follower was quicker,
   * reads the endpoint it names instead.
   */
  synchronized void takeOver() {
    if (owned != null || closed) {
      return;
    }
    try {
      Owned o = Owned.open(target, settings, statementEnded);
      owned = o;
      if (relay != null) {
        relay.bridge(o.engine().store().notifications());
      }
      LOG.info("took over database {}: its owning process is gone", target);
    } catch (SQLException e) {
      if (!SqlState.OBJECT_IN_USE.code().equals(e.getSQLState())) {
        LOG.warn("could not take over database {}", target, e);
        return;
      }
      rereadNote();
    }
  }

  private Engine current() {
    Owned o = owned;
    RunningEngine f = follower;
    return o != null ? o.engine() : java.util.Objects.requireNonNull(f);
  }

  /**
   * Closes the watch, the notification relay, the owner's endpoint and engine, and the follower's
   * engine.
   */
  public void shutdown() throws SQLException {
    Owned o;
    NotificationRelay r;
    synchronized (this) {
      closed = true;
      o = owned;
      r = relay;
    }
    OwnerWatch w = watch;
    if (w != null) {
      w.close();
    }
    if (r != null) {
      r.close();
    }
    SQLException failure = null;
    try {
      if (o != null) {
        o.close();
      }
    } catch (SQLException e) {
      failure = e;
    }
    try {
      if (follower != null) {
        follower.shutdown();
      }
    } catch (SQLException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public Session openSession() throws SQLException {
    Owned o = owned;
    RunningEngine f = follower;
    if (o != null || f == null) {
      return current().openSession();
    }
    return new FollowerSession(this, f.openSession(), f.planner(), target.toString());
  }

  @Override
  public String key() {
    return target.canonicalKey();
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
  public String nodeId() {
    return current().nodeId();
  }

  @Override
  public String databaseId() {
    return current().databaseId();
  }

  @Override
  public long lastSeq() {
    return current().lastSeq();
  }

  @Override
  public Activity activity() {
    return current().activity();
  }

  @Override
  public @Nullable IndexBuild indexBuilding() {
    return current().indexBuilding();
  }

  @Override
  public @Nullable InetSocketAddress listenAddress() {
    return current().listenAddress();
  }

  @Override
  public @Nullable HttpRoutes httpRoutes() {
    return current().httpRoutes();
  }

  @Override
  public long replicationBacklog() {
    return current().replicationBacklog();
  }
}
