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
  private static final long OPEN_WAIT_MILLIS = 60_000;

  private final DatabaseTarget target;
  private final EngineSettings settings;
  private final Runnable statementEnded;
  private final Path lockFile;
  private final @Nullable RunningEngine follower;
  private volatile @Nullable Owned owned;
  private volatile @Nullable LockNote note;
  private @Nullable OwnerWatch watch; // set once, right after construction
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
    this.lockFile = Store.lockFile(file(target));
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
    Path lockFile = Store.lockFile(file(target));
    long deadline = System.nanoTime() + OPEN_WAIT_MILLIS * 1_000_000;
    while (true) {
      try {
        return new FileEngine(
            target,
            settings,
            statementEnded,
            null,
            Owned.open(target, settings, statementEnded),
            null);
      } catch (SQLException e) {
        if (!SqlState.OBJECT_IN_USE.code().equals(e.getSQLState())) {
          throw e;
        }
        LockNote note = LockNote.readOrFail(lockFile, target);
        if (note != null) {
          return follow(target, settings, statementEnded, note);
        }
        if (System.nanoTime() > deadline) {
          throw Errors.of(
              SqlState.OBJECT_IN_USE,
              "database file '"
                  + target
                  + "' is owned by a process that names no endpoint in its lock file "
                  + lockFile,
              e);
        }
      }
      pause(50);
    }
  }

  private static FileEngine follow(
      DatabaseTarget target, EngineSettings settings, Runnable statementEnded, LockNote note)
      throws SQLException {
    RunningEngine local = RunningEngine.follow(target, settings, statementEnded);
    FileEngine engine = new FileEngine(target, settings, statementEnded, local, null, note);
    engine.watch = OwnerWatch.start(engine, local.runtime().threads("follow"));
    return engine;
  }

  private static Path file(DatabaseTarget target) {
    Path f = target.file();
    if (f == null) {
      throw new IllegalArgumentException("not a file database: " + target);
    }
    return f;
  }

  private static void pause(long millis) throws SQLException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(SqlState.QUERY_CANCELED, "interrupted while opening a database", e);
    }
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
      owned = Owned.open(target, settings, statementEnded);
      LOG.info("took over database {}: its owning process is gone", target);
    } catch (SQLException e) {
      if (!SqlState.OBJECT_IN_USE.code().equals(e.getSQLState())) {
        LOG.warn("could not take over database {}", target, e);
        return;
      }
      try {
        LockNote fresh = LockNote.readOrFail(lockFile, target);
        if (fresh != null) {
          note = fresh;
        }
      } catch (SQLException reading) {
        LOG.debug("reading the lock file of {}", target, reading);
      }
    }
  }

  private Engine current() {
    Owned o = owned;
    RunningEngine f = follower;
    return o != null ? o.engine() : java.util.Objects.requireNonNull(f);
  }

  /** Closes the watch, the owner's endpoint and engine, and the follower's engine. */
  public void shutdown() throws SQLException {
    Owned o;
    synchronized (this) {
      closed = true;
      o = owned;
    }
    OwnerWatch w = watch;
    if (w != null) {
      w.close();
    }
    SQLException failure = null;
    if (o != null) {
      try {
        o.close();
      } catch (SQLException e) {
        failure = e;
      }
    }
    RunningEngine f = follower;
    if (f != null) {
      try {
        f.shutdown();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
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
    return new FollowerSession(this, f.openSession(), target.toString());
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
