package io.pluresdb.engine.runtime;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.history.SysHistory;
import io.pluresdb.engine.policy.SysPolicies;
import io.pluresdb.engine.replication.SysPeers;
import io.pluresdb.engine.text.TextSplice;
import io.pluresdb.engine.trigger.RaiseFunction;
import io.pluresdb.engine.vector.VectorSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/** Opens the store of a database target as an engine's settings ask (08001 when it cannot). */
final class StoreOpener {
  private StoreOpener() {}

  static Store open(
      DatabaseTarget target, EngineSettings settings, SysPeers sysPeers, boolean follows)
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
    if (!settings.clockOffset().isZero()) {
      config = config.withClock(Clock.offset(config.clock(), settings.clockOffset()));
    }
    config =
        SysPolicies.configure(
            SysHistory.configure(RaiseFunction.configure(VectorSupport.configure(config))));
    config = TextSplice.configure(config);
    try {
      return follows ? Store.follow(config) : Store.open(config);
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
