package io.pluresdb.bench;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.SharedTokenAgent;
import io.pluresdb.sync.protocol.SyncConfig;
import io.pluresdb.sync.replicator.Replicator;
import io.pluresdb.sync.replicator.ReplicatorConfig;
import io.pluresdb.sync.replicator.SessionFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the catch-up benchmarks share ({@link RemoteApplyBenchmark}, {@link
 * RowStateCatchUpBenchmark}, {@link SessionCatchUpBenchmark}): the node they catch up from, seeded
 * with albums through JDBC, and the baseline they are measured beside, the same albums inserted in
 * batches into a fresh local node.
 */
final class CatchUpFixture {
  private CatchUpFixture() {}

  /** A new file node, in its own directory, holding the schema and {@code rows} albums. */
  static Path seededSource(String prefix, int rows) throws SQLException {
    Path file = Fixture.tempDir(prefix).resolve("source.db");
    try (Connection c = Target.PLURESDB.open(file)) {
      Fixture.createSchema(Target.PLURESDB, c);
      Fixture.insertAlbums(c, 0, rows);
    }
    return file;
  }

  /**
   * Serves {@code store} on a free loopback port with the benchmarks' token; a new node joining it
   * is sent row states once the database holds {@code rowStatesFromBytes} bytes (0: always,
   * Long.MAX_VALUE: never, so it catches up from the log).
   */
  static Replicator serve(Store store, long rowStatesFromBytes) throws InterruptedException {
    SyncConfig sync =
        SyncConfig.builder()
            .agent(new SharedTokenAgent(SyncNodes.TOKEN))
            .rowStatesFromBytes(rowStatesFromBytes)
            .build();
    return Replicator.start(
        store,
        ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), SyncNodes.TOKEN),
        SessionFactory.protocol(store, sync));
  }

  /** The baseline's target: a fresh local node holding the schema, removed on close. */
  static final class LocalNode implements AutoCloseable {
    private final Path dir = Fixture.tempDir("bench-local");
    private final Connection c;

    LocalNode() throws SQLException {
      c = Target.PLURESDB.open(dir.resolve("local.db"));
      Fixture.createSchema(Target.PLURESDB, c);
    }

    /** The baseline: {@code rows} albums in batches of {@link Fixture#BATCH}, a commit each. */
    void insert(int rows) throws SQLException {
      Fixture.insertAlbums(c, 0, rows);
    }

    @Override
    public void close() throws SQLException {
      try {
        c.close();
      } finally {
        Fixture.deleteTree(dir);
      }
    }
  }
}
