package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.RowStateCodec;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.CloseReason.Code;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-state catch-up in sessions: a new client takes a snapshot, then the log tail, and its own
 * writes go up; parts that are malformed, forged or sent the wrong way close the session and write
 * nothing; a client of an older protocol behind the horizon is refused clearly.
 */
@Timeout(180)
class RowStateSessionTest {
  @TempDir Path dir;

  /** A server that sends every new client a snapshot, with small parts. */
  private static final SyncConfig SNAPSHOTS =
      SyncConfig.builder().rowStatesFromBytes(0).batch(256, 600).build();

  private static final SyncConfig NO_SNAPSHOTS =
      SyncConfig.builder().rowStatesFromBytes(Long.MAX_VALUE).build();

  private static Store hubWithRows(Path dir, int rows) throws Exception {
    Store hub = Data.open(dir, "hub");
    Data.createTable(hub, "t");
    for (int i = 0; i < rows; i++) {
      Data.put(hub, "t", i, "v" + i);
    }
    Data.delete(hub, "t", 3);
    return hub;
  }

  @Test
  void aNewClientCatchesUpByRowStatesThenTheTailAndItsOwnWritesGoUp() throws Exception {
    try (Store hubStore = hubWithRows(dir, 120);
        Store aStore = Data.open(dir, "a");
        SimNet net = new SimNet()) {
      Data.createTable(aStore, "mine"); // written offline, never sent
      Data.put(aStore, "mine", 1, "a");
      SimNet.Node hub = net.node("hub", hubStore, SNAPSHOTS);
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      SimNet.Conn conn = net.connect(a, hub);
      // the snapshot is read at the hello: this write is the tail
      conn.server.step();
      Data.put(hubStore, "t", 7, "tail");
      net.settle();

      assertThat(conn.client.session.status().state()).isEqualTo(State.LIVE);
      assertThat(Data.dump(aStore)).isEqualTo(Data.dump(hubStore));
      assertThat(Data.dump(aStore).get("t[id, v, n]")).contains("[7, tail, null]").hasSize(119);
      // the rows came as states: the client's log holds the schema, the tail and its own writes
      assertThat(aStore.lastSeq()).isLessThan(10);
      assertThat(aStore.historyHorizon().last()).containsKey(Long.parseLong(hubStore.nodeId(), 16));
      assertThat(conn.server.sent).anyMatch(f -> f[0] == 9);
      Data.put(hubStore, "t", 8, "live");
      Data.put(aStore, "t", 9, "from a");
      net.settle();
      assertThat(Data.dump(aStore)).isEqualTo(Data.dump(hubStore));
    }
  }

  @Test
  void aForgedRowStateClosesTheSessionAndWritesNothing() throws Exception {
    try (Store hubStore = hubWithRows(dir, 5);
        Store aStore = Data.open(dir, "a");
        SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, NO_SNAPSHOTS);
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      net.connect(a, hub);
      net.settle();
      var before = Data.dump(aStore);
      Coverage coverage = hubStore.rowStates().snapshot(r -> {});
      OpId beyond = new OpId(coverage.held().get(0).last().hi() + (1L << 20), 0);
      RowState forged =
          new RowState(
              "t",
              new Object[] {1L},
              beyond,
              true,
              new String[] {"v"},
              new OpId[] {beyond},
              new Object[] {"forged"});
      SimNet.Conn conn =
          inject(net, a, hub, RowStateCodec.encode(new RowStateBatch(List.of(forged), coverage)));
      assertThat(conn.client.session.status().closeReason().code()).isEqualTo(Code.FORGED);
      assertThat(conn.client.session.status().closeReason().message())
          .contains("table 't'", "does not cover");
      assertThat(Data.dump(aStore)).isEqualTo(before);
    }
  }

  @Test
  void aMalformedRowStatePartClosesTheSessionAndWritesNothing() throws Exception {
    try (Store hubStore = hubWithRows(dir, 5);
        Store aStore = Data.open(dir, "a");
        SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, NO_SNAPSHOTS);
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      net.connect(a, hub);
      net.settle();
      var before = Data.dump(aStore);
      List<RowState> rows = new ArrayList<>();
      Coverage coverage = hubStore.rowStates().snapshot(rows::add);
      byte[] body = RowStateCodec.encode(new RowStateBatch(rows, coverage));
      byte[] truncated = java.util.Arrays.copyOf(body, body.length - 3);
      SimNet.Conn conn = inject(net, a, hub, truncated);
      assertThat(conn.client.session.status().closeReason().code()).isEqualTo(Code.MALFORMED);
      assertThat(conn.client.session.status().closeReason().message()).contains("row-state part 1");
      assertThat(Data.dump(aStore)).isEqualTo(before);
    }
  }

  @Test
  void aServerTakesNoRowStatesFromAClient() throws Exception {
    try (Store hubStore = hubWithRows(dir, 5);
        Store aStore = Data.open(dir, "a");
        SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, NO_SNAPSHOTS);
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      SimNet.Conn conn = net.connect(a, hub);
      net.settle();
      var before = Data.dump(hubStore);
      List<RowState> rows = new ArrayList<>();
      Coverage coverage = hubStore.rowStates().snapshot(rows::add);
      byte[] body = RowStateCodec.encode(new RowStateBatch(rows, coverage));
      conn.server.inbound.add(MessageCodec.encode(new Message.States(1, true, body)));
      net.settle();
      assertThat(conn.server.session.status().closeReason().code()).isEqualTo(Code.FORBIDDEN);
      assertThat(conn.server.session.status().closeReason().message())
          .contains("a server takes only signed transaction records");
      assertThat(Data.dump(hubStore)).isEqualTo(before);
    }
  }

  @Test
  void aClientOfAnOlderProtocolBehindTheHorizonIsRefusedClearly() throws Exception {
    try (Store origin = hubWithRows(dir, 20);
        Store hubStore = Data.open(dir, "hub2");
        Store old = Data.open(dir, "old");
        SimNet net = new SimNet()) {
      // the hub itself caught up by row states: it holds the origin's rows without their log
      SimNet.Node o = net.node("origin", origin, SNAPSHOTS);
      SimNet.Node hub = net.node("hub", hubStore, NO_SNAPSHOTS);
      net.connect(hub, o);
      net.settle();
      assertThat(hubStore.historyHorizon().last()).isNotEmpty();

      SimNet.Node client = net.node("old", old, SyncConfig.builder().versions(2, 3).build());
      SimNet.Conn conn = net.connect(client, hub);
      net.settle();
      assertThat(conn.client.session.status().closeReason().code())
          .isEqualTo(Code.UNSUPPORTED_VERSION);
      assertThat(conn.client.session.status().closeReason().message())
          .contains("no longer keeps in its log", "version 4");
      // a current client behind the same horizon catches up from the hub's row states
      SimNet.Node current = net.node("new", old, SyncConfig.defaults());
      net.connect(current, hub);
      net.settle();
      assertThat(Data.dump(old)).isEqualTo(Data.dump(origin));
    }
  }

  /** Delivers a row-state part to {@code a}'s session with {@code hub}, as if the hub sent it. */
  private static SimNet.Conn inject(SimNet net, SimNet.Node a, SimNet.Node hub, byte[] body) {
    SimNet.Conn conn = net.openConns().get(0);
    conn.client.inbound.add(MessageCodec.encode(new Message.States(1, true, body)));
    net.settle();
    assertThat(conn.client.session.status().state()).isEqualTo(State.CLOSED);
    return conn;
  }
}
