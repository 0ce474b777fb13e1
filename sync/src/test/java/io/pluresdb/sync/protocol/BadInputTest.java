package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.sync.auth.SharedTokenAgent;
import io.pluresdb.sync.protocol.CloseReason.Code;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Refused and malformed input closes the session with the right code and writes nothing. */
@Timeout(180)
class BadInputTest {
  @TempDir Path dir;
  private Store hubStore;
  private Store aStore;

  /** What a store holds, to show that a refused session wrote nothing. */
  record Snapshot(Map<String, List<String>> tables, long lastSeq, VersionVector vv) {
    static Snapshot of(Store s) throws SQLException {
      return new Snapshot(Data.dump(s), s.lastSeq(), s.versionVector());
    }
  }

  @BeforeEach
  void stores() throws SQLException {
    hubStore = Data.open(dir, "hub");
    aStore = Data.open(dir, "a");
    Data.createTable(hubStore, "t");
    Data.put(hubStore, "t", 1, "hub");
    Data.createTable(aStore, "u");
    Data.put(aStore, "u", 1, "a");
  }

  private static void assertClosed(SimNet.Conn conn, Code code, String message) {
    PeerStatus server = conn.server.session.status();
    PeerStatus client = conn.client.session.status();
    assertThat(server.state()).isEqualTo(State.CLOSED);
    assertThat(client.state()).isEqualTo(State.CLOSED);
    assertThat(server.closeReason().code()).isEqualTo(code);
    assertThat(client.closeReason().code()).isEqualTo(code);
    assertThat(server.closeReason().message() + " / " + client.closeReason().message())
        .contains(message);
    assertThat(conn.open).isFalse();
  }

  @Test
  void aWrongOrMissingTokenIsRefusedBeforeAnythingIsWritten() throws Exception {
    SyncConfig hubConfig = SyncConfig.builder().agent(new SharedTokenAgent("s3cret")).build();
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, hubConfig);
      SimNet.Node a = net.node("a", aStore, SyncConfig.builder().token("guess").build());
      Snapshot hubBefore = Snapshot.of(hubStore);
      Snapshot aBefore = Snapshot.of(aStore);
      String aDb = aStore.databaseId();

      SimNet.Conn wrong = net.connect(a, hub);
      net.settle();
      assertClosed(wrong, Code.AUTH_FAILED, "presented a token that is refused");

      SimNet.Conn none = net.connect(a, SyncConfig.defaults(), hub, hubConfig);
      net.settle();
      assertClosed(none, Code.AUTH_FAILED, "presented no token");

      assertThat(Snapshot.of(hubStore)).isEqualTo(hubBefore);
      assertThat(Snapshot.of(aStore)).isEqualTo(aBefore);
      assertThat(aStore.databaseId()).isEqualTo(aDb);

      SimNet.Conn right =
          net.connect(a, SyncConfig.builder().token("s3cret").build(), hub, hubConfig);
      net.settle();
      assertThat(right.client.session.status().state()).isEqualTo(State.LIVE);
      assertThat(Data.dump(aStore)).isEqualTo(Data.dump(hubStore));
    }
  }

  @Test
  void aNodeOfAnotherDatabaseIsRefused() throws Exception {
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node other = net.node("other", Data.open(dir, "other"), SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      net.connect(a, hub);
      net.settle();
      assertThat(aStore.databaseId()).isEqualTo(hubStore.databaseId());
      // a fresh node would adopt the sealed client's identity; one sealed to its own refuses it
      other.store.sealDatabaseId();
      Snapshot aBefore = Snapshot.of(aStore);
      Snapshot otherBefore = Snapshot.of(other.store);
      for (SimNet.Conn c : net.openConns()) {
        c.reset();
      }

      SimNet.Conn conn = net.connect(a, other);
      net.settle();

      assertClosed(
          conn,
          Code.WRONG_DATABASE,
          "belongs to database " + other.store.databaseId() + ", client " + aStore.nodeId());
      assertThat(Snapshot.of(aStore)).isEqualTo(aBefore);
      assertThat(Snapshot.of(other.store)).isEqualTo(otherBefore);
    }
  }

  @Test
  void disjointProtocolVersionsAreRefused() throws Exception {
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.builder().versions(5, 6).build());
      Snapshot hubBefore = Snapshot.of(hubStore);
      Snapshot aBefore = Snapshot.of(aStore);

      SimNet.Conn conn = net.connect(a, hub);
      net.settle();

      assertClosed(conn, Code.UNSUPPORTED_VERSION, "peer speaks protocol versions 5 to 6");
      assertThat(Snapshot.of(hubStore)).isEqualTo(hubBefore);
      assertThat(Snapshot.of(aStore)).isEqualTo(aBefore);
    }
  }

  @Test
  void aBatchBeforeTheHelloIsMalformedAndNotApplied() throws Exception {
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      Snapshot hubBefore = Snapshot.of(hubStore);
      SimNet.Conn conn = net.connect(a, hub);
      conn.server.inbound.clear(); // drop the hello: the batch below arrives first
      byte[] record = aStore.readLog(0, 1).get(0).record();
      conn.server.inbound.add(MessageCodec.encode(new Message.Batch(1, List.of(record))));
      net.settle();

      assertClosed(conn, Code.MALFORMED, "expected a hello, got Batch");
      assertThat(Snapshot.of(hubStore)).isEqualTo(hubBefore);
    }
  }

  @Test
  void malformedFramesAndRecordsCloseTheSessionAndWriteNothing() throws Exception {
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      net.connect(a, hub);
      net.settle();
      net.openConns().forEach(SimNet.Conn::reset);
      Data.put(aStore, "u", 2, "unsent");
      Snapshot hubBefore = Snapshot.of(hubStore);

      // right behind the hello, before the client's own first batch
      SimNet.Conn first = net.connect(a, hub);
      byte[] garbage = new byte[24];
      java.util.Arrays.fill(garbage, (byte) 9);
      first.server.inbound.add(MessageCodec.encode(new Message.Batch(1, List.of(garbage))));
      net.settle();
      assertClosed(
          first, Code.MALFORMED, "record 0 of batch 1: unknown transaction record version 9");

      SimNet.Conn second = net.connect(a, hub);
      second.server.inbound.add(new byte[] {3, 1, 5, 0}); // claims five records, holds none
      net.settle();
      assertClosed(second, Code.MALFORMED, "malformed frame of 4 bytes");
      assertThat(Snapshot.of(hubStore).tables()).isEqualTo(hubBefore.tables());
    }
  }

  @Test
  void aValueThatFitsItsColumnInNoWayIsMalformedAndWritesNothing() throws Exception {
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      net.connect(a, hub);
      net.settle();
      net.openConns().forEach(SimNet.Conn::reset);
      Snapshot hubBefore = Snapshot.of(hubStore);

      // a well-formed record whose INTEGER column n holds text no declaration of t explains
      long now = Clock.systemUTC().millis();
      OpId tx = OpId.of(now, 0, 0x77);
      Operation insert =
          new Operation(
              OpId.of(now, 1, 0x77),
              OpKind.INSERT,
              "t",
              new Object[] {9L},
              new String[] {"id", "v", "n"},
              new Object[] {9L, "x", "not a number"},
              List.of(),
              null);
      byte[] record = TxCodec.encode(new Transaction(tx, null, List.of(insert)));
      SimNet.Conn conn = net.connect(a, hub);
      conn.server.inbound.add(MessageCodec.encode(new Message.Batch(1, List.of(record))));
      net.settle();

      assertClosed(
          conn,
          Code.MALFORMED,
          "batch 1: column 'n' of table 't' is INTEGER, got 'not a number' (String) in operation");
      assertThat(conn.server.session.status().closeReason().message()).contains(tx.toString());
      assertThat(Snapshot.of(hubStore)).isEqualTo(hubBefore);
    }
  }

  @Test
  void anOversizedFrameIsRefused() throws Exception {
    SyncConfig small = SyncConfig.builder().maxFrameBytes(1024).build();
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, small);
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      SimNet.Conn conn = net.connect(a, hub);
      net.settle();
      Snapshot hubBefore = Snapshot.of(hubStore);

      Data.put(aStore, "u", 2, "x".repeat(4000));
      net.settle();

      assertClosed(conn, Code.TOO_LARGE, "exceeds the limit of 1024");
      assertThat(Snapshot.of(hubStore)).isEqualTo(hubBefore);
    }
  }

  @Test
  void aTransactionTooLargeForTheFrameLimitIsNeverSent() throws Exception {
    SyncConfig small = SyncConfig.builder().maxFrameBytes(1024).build();
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, small);
      Data.put(aStore, "u", 2, "x".repeat(4000));

      SimNet.Conn conn = net.connect(a, hub);
      net.settle();

      assertClosed(conn, Code.TOO_LARGE, "beyond the frame limit of 1024");
    }
  }

  @Test
  void operationsStampedBeyondTheAllowedDriftAreRefusedWholesale() throws Exception {
    Path file = dir.resolve("ahead.db");
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
    try (SimNet net = new SimNet()) {
      Store aheadStore = Store.open(StoreConfig.file(file).withClock(ahead));
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("ahead", aheadStore, SyncConfig.defaults());
      Data.createTable(aheadStore, "v");
      Data.put(aheadStore, "v", 1, "from the future");
      Snapshot hubBefore = Snapshot.of(hubStore);

      SimNet.Conn conn = net.connect(a, hub);
      net.settle();

      assertClosed(conn, Code.CLOCK_DRIFT, "beyond the allowed clock drift");
      assertThat(Snapshot.of(hubStore)).isEqualTo(hubBefore);
    }
  }

  @Test
  void aNodeCannotReplicateWithACopyOfItself() throws Exception {
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Conn conn = net.connect(hub, hub);
      net.settle();
      assertClosed(conn, Code.WRONG_DATABASE, "cannot replicate with itself");
    }
  }
}
