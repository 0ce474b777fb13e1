package io.pluresdb.engine.runtime;

import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.history.Compactor;
import io.pluresdb.engine.vector.HnswIndexes;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Starts the services that live beside an engine's store (index maintenance, the live-query
 * reactor, the replicator), in dependency order: a service started later may rely on one started
 * earlier, and they close in reverse order.
 */
final class EngineServices {
  private EngineServices() {}

  /** Attaches every service to a freshly opened engine; on failure the caller shuts it down. */
  static void start(RunningEngine engine, boolean follows) throws SQLException {
    // one line per feature, e.g. engine.attach(SomeService.start(engine.store(), settings));
    // the threads go first, so that they close after every service that runs on them
    engine.attach(engine.runtime());
    engine.attach(engine.planner().live().start());
    engine.attach(vectorIndexes(engine, follows));
    if (!follows) {
      engine.attach(engine.startReplication());
      Duration keep = engine.settings().retention();
      engine.sysPeers().history().use(engine.store(), keep);
      engine.attach(Compactor.start(engine.store(), keep, engine.runtime()));
    }
  }

  /** HNSW index maintenance, persisted beside a file database; top-k queries search it. */
  private static HnswIndexes vectorIndexes(RunningEngine engine, boolean follows) {
    DatabaseTarget target = engine.target();
    HnswIndexes indexes =
        HnswIndexes.start(
            engine.store(),
            // a follower keeps its indexes in memory: the files beside the database are the owner's
            target.inMemory() || follows ? null : HnswIndexes.directoryFor(target.file()),
            engine.runtime());
    engine.planner().useVectorIndexes(indexes);
    return indexes;
  }
}
