package io.pluresdb.engine.runtime;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.replication.SysPeers;
import io.pluresdb.engine.vector.VectorSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open engines of this JVM, by canonical database key. The first connection to a database opens
 * its store; later ones share it; the last to leave closes it.
 *
 * <p>Thread-safe: every method holds this registry's monitor, so a concurrent open and close of one
 * database cannot interleave (a connection never receives an engine being closed). Opening a store
 * happens under the monitor too, which serializes the opening of different databases; that costs
 * little next to keeping a half-open engine visible.
 */
public final class EngineRegistry {
  private static final EngineRegistry GLOBAL = new EngineRegistry();

  private final Map<String, Engine> engines = new HashMap<>();
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
    Engine engine = engines.get(key);
    if (engine == null) {
      SysPeers sysPeers = new SysPeers();
      Store store = openStore(target, settings, sysPeers);
      engine = new Engine(key, target, settings, store, sysPeers, this::statementEnded);
      try {
        EngineServices.start(engine);
      } catch (SQLException | RuntimeException e) {
        try {
          engine.shutdown();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      engines.put(key, engine);
    } else {
      String conflict = engine.settings().conflictWith(settings);
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
    engine.retain();
    return new EngineLease(this, engine);
  }

  synchronized void release(Engine engine) throws SQLException {
    if (engine.release() == 0) {
      engines.remove(engine.key());
      engine.shutdown();
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
    return List.copyOf(engines.values());
  }

  /** Number of engines open (for tests and diagnostics). */
  public synchronized int openEngines() {
    return engines.size();
  }

  /** References held on the engine of that key, or 0 when none is open. */
  public synchronized int references(String key) {
    Engine e = engines.get(key);
    return e == null ? 0 : e.references();
  }

  private static Store openStore(DatabaseTarget target, EngineSettings settings, SysPeers sysPeers)
      throws SQLException {
    StoreConfig config;
    if (target.inMemory()) {
      config = StoreConfig.memory(target.memoryName());
    } else {
      createParentDirectories(target.file());
      config = StoreConfig.file(target.file());
    }
    config =
        config
            .withSynchronousFull(settings.synchronousFull())
            .withMaxClockDrift(settings.maxClockDrift())
            .withNodeName(settings.node())
            .withConnectionInitializer(sysPeers::install);
    config = VectorSupport.configure(config);
    try {
      return Store.open(config);
    } catch (SQLException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT, "cannot open database " + target + ": " + e, e);
    }
  }

  private static void createParentDirectories(Path file) throws SQLException {
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT,
          "cannot create the directory of database " + file + ": " + e.getMessage(),
          e);
    }
  }
}
