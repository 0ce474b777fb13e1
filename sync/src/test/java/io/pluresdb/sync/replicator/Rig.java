package io.pluresdb.sync.replicator;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.sync.netty.RecordingSession;
import io.pluresdb.sync.protocol.NodeMemory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory stores and replicators with the recording stand-in protocol, fast backoff and ticks;
 * closes everything it opened, newest first.
 */
final class Rig implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();

  final List<RecordingSession> sessions = new CopyOnWriteArrayList<>();

  /** The node memory each session was opened with. */
  final Map<RecordingSession, NodeMemory> memoryOf = new ConcurrentHashMap<>();

  private final List<AutoCloseable> open = new ArrayList<>();

  Store store() throws Exception {
    Store s = Store.open(StoreConfig.memory("rig-" + NAMES.incrementAndGet()));
    open.add(s);
    return s;
  }

  Replicator start(Store store, ReplicatorConfig config) throws Exception {
    Replicator r =
        Replicator.start(
            store,
            config
                .withBackoff(
                    new Backoff(Duration.ofMillis(10), Duration.ofMillis(200), new Random(1)))
                .withTickInterval(Duration.ofMillis(20)),
            (role, memory) -> {
              RecordingSession s = new RecordingSession(role);
              sessions.add(s);
              memoryOf.put(s, memory);
              return s;
            });
    open.add(r);
    return r;
  }

  Replicator start(ReplicatorConfig config) throws Exception {
    return start(store(), config);
  }

  @Override
  public void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }
}
