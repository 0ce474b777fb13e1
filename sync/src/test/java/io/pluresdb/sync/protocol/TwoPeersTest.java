package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two sessions over real stores: hello, catch-up both ways, live streaming. */
@Timeout(180)
class TwoPeersTest {
  @TempDir Path dir;

  @Test
  void aClientAndAServerCatchUpBothWaysThenStreamLiveWrites() throws Exception {
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.open(dir, "hub");
      Store aStore = Data.open(dir, "a");
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      Data.createTable(hubStore, "t");
      Data.put(hubStore, "t", 1, "from hub");
      Data.createTable(aStore, "u");
      Data.put(aStore, "u", 7, "from a");

      SimNet.Conn conn = net.connect(a, hub);
      net.settle();

      assertThat(aStore.databaseId()).isEqualTo(hubStore.databaseId());
      assertThat(Data.dump(aStore)).isEqualTo(Data.dump(hubStore)).hasSize(2);
      assertThat(aStore.versionVector()).isEqualTo(hubStore.versionVector());
      assertThat(conn.client.session.status().state()).isEqualTo(State.LIVE);
      assertThat(conn.server.session.status().state()).isEqualTo(State.LIVE);

      Data.put(hubStore, "t", 2, "live from hub");
      Data.put(aStore, "t", 1, "a overwrites");
      net.settle();

      assertThat(Data.dump(aStore)).isEqualTo(Data.dump(hubStore));
      assertThat(Data.dump(aStore).get("t[id, v, n]")).hasSize(2);
      assertThat(aStore.versionVector()).isEqualTo(hubStore.versionVector());
      PeerStatus client = conn.client.session.status();
      assertThat(client.peerNode()).isEqualTo(hubStore.nodeId());
      assertThat(client.sentTransactions()).isEqualTo(3);
      assertThat(client.receivedTransactions()).isEqualTo(3);
      assertThat(client.lag()).isZero();
      assertThat(client.bytesSent()).isEqualTo(conn.server.session.status().bytesReceived());
    }
  }
}
