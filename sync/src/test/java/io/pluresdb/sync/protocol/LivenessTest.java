package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.CloseReason.Code;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats, idle timeouts and the acknowledgement window. */
@Timeout(180)
class LivenessTest {
  @TempDir Path dir;

  private static List<Message> decoded(List<byte[]> frames) throws ProtocolException {
    List<Message> out = new java.util.ArrayList<>();
    for (byte[] f : frames) {
      out.add(MessageCodec.decode(f));
    }
    return out;
  }

  @Test
  void silenceBringsAPingAndAPongAndASilentPeerTimesOut() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    SyncConfig config =
        SyncConfig.builder()
            .clock(clock)
            .heartbeat(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .build();
    try (SimNet net = new SimNet()) {
      SimNet.Node hub = net.node("hub", Data.open(dir, "hub"), config);
      SimNet.Node a = net.node("a", Data.open(dir, "a"), config);
      SimNet.Conn conn = net.connect(a, hub);
      net.settle();
      int clientSent = conn.client.sent.size();
      int serverSent = conn.server.sent.size();

      clock.advance(Duration.ofMillis(500));
      conn.client.session.tick(conn.client);
      assertThat(conn.client.sent).hasSize(clientSent);

      clock.advance(Duration.ofMillis(600));
      conn.client.session.tick(conn.client);
      net.settle();
      assertThat(decoded(conn.client.sent.subList(clientSent, conn.client.sent.size())))
          .containsExactly(new Message.Ping());
      assertThat(decoded(conn.server.sent.subList(serverSent, conn.server.sent.size())))
          .containsExactly(new Message.Pong());
      assertThat(conn.client.session.status().lastHeard()).isEqualTo(clock.instant());

      // from now on nothing is delivered to the client
      clock.advance(Duration.ofSeconds(3));
      conn.client.session.tick(conn.client);
      PeerStatus status = conn.client.session.status();
      assertThat(status.state()).isEqualTo(State.CLOSED);
      assertThat(status.closeReason().code()).isEqualTo(Code.TIMEOUT);
      assertThat(status.closeReason().message())
          .contains("nothing heard from node " + hub.store.nodeId() + " for 3000 ms");
    }
  }

  @Test
  void atMostWindowBatchesAreInFlightAndTheBacklogStaysInTheLog() throws Exception {
    SyncConfig client = SyncConfig.builder().window(2).batch(10, 1 << 20).build();
    try (SimNet net = new SimNet()) {
      Store aStore = Data.open(dir, "a");
      Store hubStore = Data.open(dir, "hub");
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, client);
      Data.createTable(aStore, "t");
      for (int i = 0; i < 99; i++) {
        Data.put(aStore, "t", i, "v" + i);
      }
      SimNet.Conn conn = net.connect(a, hub);
      conn.server.step(); // the hello
      conn.client.step(); // the welcome: the client starts streaming
      while (conn.server.step()) {
        // the server applies what arrived and acknowledges, but the acks are not delivered
      }
      List<Message> sent = decoded(conn.client.sent);
      assertThat(sent).filteredOn(m -> m instanceof Message.Batch).hasSize(2);
      // 80 never sent plus 20 sent and not acknowledged
      assertThat(conn.client.session.status().lag()).isEqualTo(100);
      assertThat(conn.client.session.status().state()).isEqualTo(State.CATCHING_UP);
      assertThat(hubStore.lastSeq()).isEqualTo(20);

      net.settle();
      assertThat(decoded(conn.client.sent)).filteredOn(m -> m instanceof Message.Batch).hasSize(10);
      assertThat(Data.dump(hubStore)).isEqualTo(Data.dump(aStore));
      assertThat(conn.client.session.status().state()).isEqualTo(State.LIVE);
      assertThat(conn.client.session.status().lag()).isZero();
    }
  }
}
