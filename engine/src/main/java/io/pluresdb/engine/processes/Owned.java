package io.pluresdb.engine.processes;

import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.runtime.RunningEngine;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file database this process owns: its engine, and the endpoint it serves other processes on,
 * named in the lock file. The endpoint starts on a thread of its own once the engine is open, so
 * opening a database does not wait for a socket and the lock file's fsync (in a fresh JVM, loading
 * the socket classes alone took 100–300 ms); a process that opens the file meanwhile waits for the
 * lock file to name the endpoint, as it does for an owner still opening.
 *
 * <p>Thread-safe: the starting thread and {@link #close} meet under this object's monitor.
 */
final class Owned {
  private static final Logger LOG = LoggerFactory.getLogger(Owned.class);
  private static final long JOIN_MILLIS = 60_000;

  private final RunningEngine engine;
  private final Thread starter;
  private @Nullable OwnerEndpoint endpoint; // guarded by this
  private boolean closed; // guarded by this

  private Owned(RunningEngine engine) {
    this.engine = engine;
    this.starter = engine.runtime().threads("owner").newThread(this::serve);
  }

  /**
   * Opens the file as its owner and starts serving other processes; 55006 while another owns it.
   */
  static Owned open(DatabaseTarget target, EngineSettings settings, Runnable statementEnded)
      throws SQLException {
    Owned owned = new Owned(RunningEngine.open(target, settings, statementEnded));
    owned.starter.start();
    return owned;
  }

  RunningEngine engine() {
    return engine;
  }

  private void serve() {
    OwnerEndpoint e = null;
    try {
      e =
          OwnerEndpoint.start(
              engine, engine.store().notifications(), engine.runtime().threads("owner"));
      synchronized (this) {
        if (closed) {
          e.close();
          return;
        }
        endpoint = e;
      }
      engine.store().advertise(e.note().format());
    } catch (SQLException | RuntimeException failure) {
      LOG.warn(
          "other processes cannot open database {} while this one holds it",
          engine.target(),
          failure);
    }
  }

  /** Stops serving other processes, then closes the engine (and with it the lock). */
  void close() throws SQLException {
    synchronized (this) {
      closed = true;
    }
    try {
      starter.join(JOIN_MILLIS); // it writes the lock file, which the engine's shutdown closes
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    OwnerEndpoint e;
    synchronized (this) {
      e = endpoint;
    }
    if (e != null) {
      e.close();
    }
    engine.shutdown();
  }
}
