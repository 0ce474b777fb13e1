package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.CloseReason.Code;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions a peer sends that cannot be applied are parked up to a bound per peer: past it the
 * session closes with TOO_MANY_PARKED, and what was parked stays parked and applies once what it
 * waits for arrives.
 */
@Timeout(60)
class ParkedLimitTest {
  private static final long AUTHOR = 0x77;
  @TempDir Path dir;
  private Store hubStore;
  private Store aStore;

  /** Node 0x77's chain of four inserts into t, each transaction after the one before. */
  private final List<ReceivedTx> chain = new ArrayList<>();

  @BeforeEach
  void stores() throws SQLException {
    hubStore = Data.open(dir, "hub");
    aStore = Data.open(dir, "a");
    Data.createTable(hubStore, "t");
    long t0 = System.currentTimeMillis();
    OpId prev = null;
    for (int i = 0; i < 4; i++) {
      Transaction tx =
          new Transaction(
              OpId.of(t0, i * 10, AUTHOR),
              prev,
              List.of(
                  new Operation(
                      OpId.of(t0, i * 10 + 1, AUTHOR),
                      OpKind.INSERT,
                      "t",
                      new Object[] {100L + i},
                      new String[] {"id", "v"},
                      new Object[] {100L + i, "forwarded " + i},
                      List.of(),
                      null)));
      chain.add(ReceivedTx.encode(tx));
      prev = tx.id();
    }
  }

  /** A fresh connection whose first batch, right behind the client's hello, is {@code txs}. */
  private SimNet.Conn sendFirst(SimNet net, SimNet.Node a, SimNet.Node hub, List<ReceivedTx> txs) {
    net.openConns().forEach(SimNet.Conn::reset);
    SimNet.Conn conn = net.connect(a, hub);
    List<byte[]> records = txs.stream().map(ReceivedTx::record).toList();
    conn.server.inbound.add(MessageCodec.encode(new Message.Batch(1, records)));
    while (!conn.server.inbound.isEmpty()) {
      conn.server.step();
    }
    // the client did not send that batch: its acknowledgement is not for the client
    conn.client.inbound.removeIf(ParkedLimitTest::isAck);
    net.settle();
    return conn;
  }

  private static boolean isAck(byte[] frame) {
    try {
      return MessageCodec.decode(frame) instanceof Message.Ack;
    } catch (ProtocolException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void moreParkedThanTheBoundClosesTheSessionAndLosesNothing() throws Exception {
    SyncConfig hubConfig = SyncConfig.builder().maxParkedPerPeer(2).build();
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, hubConfig);
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      net.connect(a, hub);
      net.settle();

      SimNet.Conn over = sendFirst(net, a, hub, chain.subList(1, 4));

      PeerStatus server = over.server.session.status();
      assertThat(server.state()).isEqualTo(State.CLOSED);
      assertThat(server.closeReason().code()).isEqualTo(Code.TOO_MANY_PARKED);
      assertThat(server.closeReason().message())
          .startsWith(
              "3 transactions from node "
                  + aStore.nodeId()
                  + " cannot be applied yet, more than the limit of 2 (they stay parked)")
          .contains("waits for transaction " + chain.get(0).tx().id() + " of node 000000000077");
      assertThat(over.client.session.status().closeReason().code()).isEqualTo(Code.TOO_MANY_PARKED);
      assertThat(hubStore.parked().of(aStore.nodeId()).count()).isEqualTo(3);

      SimNet.Conn precursor = sendFirst(net, a, hub, chain.subList(0, 1));

      assertThat(precursor.server.session.status().state()).isEqualTo(State.LIVE);
      assertThat(hubStore.parked().total().count()).isZero();
      assertThat(Data.dump(hubStore).get("t[id, v, n]"))
          .contains("[103, forwarded 3, null]")
          .hasSize(4);
    }
  }

  @Test
  void aPeerSendingAgainWhatIsAlreadyParkedIsNotClosedForIt() throws Exception {
    SyncConfig hubConfig = SyncConfig.builder().maxParkedPerPeer(2).build();
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, hubConfig);
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      net.connect(a, hub);
      net.settle();
      sendFirst(net, a, hub, chain.subList(1, 4));

      SimNet.Conn again = sendFirst(net, a, hub, chain.subList(1, 4));

      assertThat(again.server.session.status().closeReason()).isNull();
      assertThat(again.server.session.status().state()).isEqualTo(State.LIVE);
      assertThat(hubStore.parked().of(aStore.nodeId()).count()).isEqualTo(3);
    }
  }

  @Test
  void parkedWithinTheBoundKeepsTheSessionLive() throws Exception {
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      net.connect(a, hub);
      net.settle();

      SimNet.Conn conn = sendFirst(net, a, hub, chain.subList(2, 4));

      assertThat(conn.server.session.status().state()).isEqualTo(State.LIVE);
      assertThat(hubStore.parked().of(aStore.nodeId()).count()).isEqualTo(2);
      assertThat(hubStore.parked().of(aStore.nodeId()).oldestReason())
          .isEqualTo("waits for transaction " + chain.get(1).tx().id() + " of node 000000000077");
    }
  }
}
