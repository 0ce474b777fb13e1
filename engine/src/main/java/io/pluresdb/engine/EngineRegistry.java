package io.pluresdb.engine;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.EngineLease;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.processes.FileEngine;
import io.pluresdb.engine.runtime.RunningEngine;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open engines of this JVM, by canonical database key: the engine module's entry point. The
 * first connection to a database opens its engine; later ones share it; the last to leave closes
 * it. A file that another process holds is opened as that process's follower.
 *
 * <p>Thread-safe: every method holds this registry's monitor, so a concurrent open and close of one
 * database cannot interleave (a connection never receives an engine being closed). Opening a store
 * happens under the monitor too, which serializes the opening of different databases; that costs
 * little next to keeping a half-open engine visible.
 */
public final class EngineRegistry {
  private static final EngineRegistry GLOBAL = new EngineRegistry();

  /** How an engine of either kind is closed. */
  @FunctionalInterface
  private interface Shutdown {
    void run() throws SQLException;
  }

  /** An open engine, how to close it, and the number of leases on it. */
  private static final class Entry {
    final Engine engine;
    final Shutdown shutdown;
    int references;

    Entry(Engine engine, Shutdown shutdown) {
      this.engine = engine;
      this.shutdown = shutdown;
    }
  }

  private final Map<String, Entry> engines = new HashMap<>();
  private final List<Runnable> statementEnds = new CopyOnWriteArrayList<>();

  /** The registry the driver uses. */
  public static EngineRegistry global() {
    return GLOBAL;
  }

  /**
   * Opens or joins the engine of a database. {@code asker} names the connection in an error (its
   * URL) when an engine already open with other settings refuses it.
   */
  public synchronized EngineLease acquire(
      DatabaseTarget target, EngineSettings settings, String asker) throws SQLException {
    String key = target.canonicalKey();
    Entry entry = engines.get(key);
    if (entry == null) {
      entry = open(target, settings);
      engines.put(key, entry);
    } else {
      String conflict = entry.engine.settings().conflictWith(settings);
      if (conflict != null) {
        throw Errors.of(
            SqlState.CLIENT_UNABLE_TO_CONNECT,
            "database "
                + target
                + " is already open in this JVM with "
                + conflict
                + "; "
                + asker
                + " asks for a different value");
      }
    }
    entry.references++;
    return new Lease(this, entry.engine);
  }

  /**
   * An in-memory database is this JVM's alone; a file may be shared with other processes, one of
   * which owns it while the others follow (see {@link FileEngine}).
   */
  private Entry open(DatabaseTarget target, EngineSettings settings) throws SQLException {
    if (target.inMemory()) {
      RunningEngine e = RunningEngine.open(target, settings, this::statementEnded);
      return new Entry(e, e::shutdown);
    }
    FileEngine e = FileEngine.open(target, settings, this::statementEnded);
    return new Entry(e, e::shutdown);
  }

  synchronized void release(Engine engine) throws SQLException {
    Entry entry = engines.get(engine.key());
    if (entry != null && entry.engine == engine && --entry.references == 0) {
      engines.remove(engine.key());
      entry.shutdown.run();
    }
  }

  /**
   * Calls {@code listener} on a statement's thread whenever a statement of any engine ends, until
   * it is removed (the shell's live counter erases its line then). Runs without this registry's
   * monitor held.
   */
  public void addStatementEndListener(Runnable listener) {
    statementEnds.add(listener);
  }

  public void removeStatementEndListener(Runnable listener) {
    statementEnds.remove(listener);
  }

  private void statementEnded() {
    for (Runnable r : statementEnds) {
      r.run();
    }
  }

  /** The engines open now (a copy; the shell's live counter watches them). */
  public synchronized List<Engine> engines() {
    List<Engine> out = new ArrayList<>();
    for (Entry e : engines.values()) {
      out.add(e.engine);
    }
    return out;
  }

  /** Number of engines open (for tests and diagnostics). */
  public synchronized int openEngines() {
    return engines.size();
  }

  /** References held on the engine of that key, or 0 when none is open. */
  public synchronized int references(String key) {
    Entry e = engines.get(key);
    return e == null ? 0 : e.references;
  }
}
