package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.sync.protocol.Message;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer over a real socket sends transactions whose node's previous transaction never came: the
 * node shows them parked in {@code sys_peers} (count, since when, why), bounds them per peer with
 * {@code max_parked}, and applies them once what they wait for arrives.
 */
@Timeout(120)
class ParkedPeerTest {
  private static final long AUTHOR = 0xee;
  private static final String NODE = "0000000000ee";
  private final long t0 = System.currentTimeMillis();

  private List<byte[]> records(int from, int to) {
    return java.util.stream.IntStream.range(from, to)
        .mapToObj(i -> RawPeer.chained(AUTHOR, t0, i, "note", 100 + i))
        .map(ReceivedTx::record)
        .toList();
  }

  private static RawPeer peer(Connection hub) throws Exception {
    PluresConnection pc = hub.unwrap(PluresConnection.class);
    return RawPeer.connect(pc.listenPort(), "s3cret", NODE, pc.databaseId());
  }

  @Test
  void aTransactionWhosePreviousNeverCameShowsInSysPeersUntilItArrives() throws Exception {
    try (Connection hub = Db.connect(Db.freshMemoryUrl() + "?listen=127.0.0.1:0&token=s3cret")) {
      Db.exec(hub, "CREATE TABLE note (id BIGINT PRIMARY KEY, v VARCHAR(40))");
      try (RawPeer peer = peer(hub)) {
        peer.send(new Message.Batch(1, records(1, 2)));
        assertThat(peer.next(Message.Ack.class)).isEqualTo(new Message.Ack(1));

        assertThat(
                Db.rows(
                    hub,
                    "SELECT node, parked, parked_reason, parked_since IS NOT NULL FROM sys_peers"))
            .containsExactly(
                NODE
                    + "|1|waits for transaction "
                    + RawPeer.chained(AUTHOR, t0, 0, "note", 100).tx().id()
                    + " of node "
                    + NODE
                    + "|1");

        peer.send(new Message.Batch(2, records(0, 1)));
        assertThat(peer.next(Message.Ack.class)).isEqualTo(new Message.Ack(2));
        assertThat(Db.rows(hub, "SELECT node, parked FROM sys_peers")).containsExactly(NODE + "|0");
        assertThat(Db.rows(hub, "SELECT id FROM note ORDER BY id")).containsExactly("100", "101");
      }
    }
  }

  @Test
  void pastMaxParkedThePeersSessionClosesWith4007AndWhatWasParkedStays() throws Exception {
    String url = Db.freshMemoryUrl() + "?listen=127.0.0.1:0&token=s3cret&max_parked=1";
    try (Connection hub = Db.connect(url)) {
      Db.exec(hub, "CREATE TABLE note (id BIGINT PRIMARY KEY, v VARCHAR(40))");
      try (RawPeer peer = peer(hub)) {
        peer.send(new Message.Batch(1, records(1, 3)));
        Object closed = peer.next(RawPeer.Closed.class);
        assertThat(closed).isInstanceOf(RawPeer.Closed.class);
        assertThat(((RawPeer.Closed) closed).code()).isEqualTo(4007);
        assertThat(((RawPeer.Closed) closed).reason())
            .startsWith("2 transactions from node " + NODE + " cannot be applied yet");
      }
      assertThat(Db.rows(hub, "SELECT state, parked, close_reason FROM sys_peers"))
          .singleElement()
          .asString()
          .startsWith("CLOSED|2|TOO_MANY_PARKED: 2 transactions from node " + NODE);

      try (RawPeer again = peer(hub)) {
        again.send(new Message.Batch(1, records(0, 1)));
        assertThat(again.next(Message.Ack.class)).isEqualTo(new Message.Ack(1));
      }
      assertThat(Db.rows(hub, "SELECT id FROM note ORDER BY id"))
          .containsExactly("100", "101", "102");
    }
  }
}
