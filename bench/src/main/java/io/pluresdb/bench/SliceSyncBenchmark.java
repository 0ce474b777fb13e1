package io.pluresdb.bench;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.CloseReason;
import io.pluresdb.sync.protocol.NodeMemory;
import io.pluresdb.sync.protocol.Outbox;
import io.pluresdb.sync.protocol.PeerSession;
import io.pluresdb.sync.protocol.Role;
import io.pluresdb.sync.protocol.SyncConfig;
import io.pluresdb.sync.scope.Scope;
import io.pluresdb.sync.scope.ScopeSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The initial sync of a client's slice, in rows per second. {@code local}: 100,000 albums inserted
 * through JDBC in batches of 1,000 into a fresh file (as {@link InsertBenchmark}: the baseline, in
 * the same run). {@code slice}: a fresh client whose scope is {@code SELECT * FROM album WHERE
 * artist_id < 50} opens a session with a hub holding 1,000,000 albums (100,000 of them in the
 * scope); the two protocol sessions exchange their frames in memory (no socket) until the client
 * holds its slice: the hub sends the schema, reads the slice's row states, sends them as row
 * messages, and the client merges them.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SliceSyncBenchmark {
  static final int HUB_ROWS = 1_000_000;
  static final int SLICE_ROWS = 100_000;

  @Param({"local", "slice"})
  public String mode;

  private Path hubDir;
  private Store hub;
  private Path dir;
  private Connection local;
  private Store client;

  @Setup(Level.Trial)
  public void seedHub() throws Exception {
    if (mode.equals("slice")) {
      hubDir = Fixture.tempDir("bench-slice-hub");
      Path file = hubDir.resolve("hub.db");
      try (Connection c = Target.PLURESDB.open(file)) {
        Fixture.createSchema(Target.PLURESDB, c);
        Fixture.insertAlbums(c, 0, HUB_ROWS);
      }
      hub = SyncNodes.store(file);
    }
  }

  @Setup(Level.Invocation)
  public void freshClient() throws Exception {
    dir = Fixture.tempDir("bench-slice");
    if (mode.equals("local")) {
      local = Target.PLURESDB.open(dir.resolve("local.db"));
      Fixture.createSchema(Target.PLURESDB, local);
    } else {
      client = SyncNodes.store(dir.resolve("client.db"));
    }
  }

  @TearDown(Level.Invocation)
  public void dropClient() throws Exception {
    if (local != null) {
      local.close();
      local = null;
    }
    if (client != null) {
      client.close();
      client = null;
    }
    Fixture.deleteTree(dir);
  }

  @TearDown(Level.Trial)
  public void dropHub() throws Exception {
    if (hub != null) {
      hub.close();
      Fixture.deleteTree(hubDir);
    }
  }

  @Benchmark
  @OperationsPerInvocation(SLICE_ROWS)
  public void initialSync() throws Exception {
    if (mode.equals("local")) {
      Fixture.insertAlbums(local, 0, SLICE_ROWS);
      return;
    }
    ScopeSet scopes = new ScopeSet();
    scopes.add(new Scope("mine", "album", "artist_id < 50"));
    PeerSession server =
        PeerSession.open(Role.SERVER, hub, SyncConfig.builder().build(), new NodeMemory());
    PeerSession dialer =
        PeerSession.open(
            Role.CLIENT, client, SyncConfig.builder().scopes(scopes).build(), new NodeMemory());
    ArrayDeque<byte[]> toServer = new ArrayDeque<>();
    ArrayDeque<byte[]> toClient = new ArrayDeque<>();
    Outbox serverOut = outbox(toClient);
    Outbox clientOut = outbox(toServer);
    server.start(serverOut);
    dialer.start(clientOut);
    while (!toServer.isEmpty() || !toClient.isEmpty()) {
      if (!toServer.isEmpty()) {
        server.receive(toServer.poll(), serverOut);
      }
      if (!toClient.isEmpty()) {
        dialer.receive(toClient.poll(), clientOut);
      }
      server.idle(serverOut);
      dialer.idle(clientOut);
    }
    long held;
    try (Connection c = client.openReader();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM album")) {
      rs.next();
      held = rs.getLong(1);
    }
    if (held != SLICE_ROWS) {
      throw new IllegalStateException("the client holds " + held + " albums, not " + SLICE_ROWS);
    }
    server.disconnected();
    dialer.disconnected();
  }

  private static Outbox outbox(ArrayDeque<byte[]> to) {
    return new Outbox() {
      @Override
      public void send(byte[] frame) {
        to.add(frame);
      }

      @Override
      public void close(CloseReason reason) {
        if (reason.code() != CloseReason.Code.NORMAL) {
          throw new IllegalStateException("session closed: " + reason);
        }
      }
    };
  }
}
