package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three nodes: relaying through a hub, a mesh, notifications once each. */
@Timeout(180)
class ThreePeersTest {
  @TempDir Path dir;

  @Test
  void aHubRelaysBetweenClientsAndNeverSendsAWriteBackToItsWriter() throws Exception {
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.open(dir, "hub");
      Store aStore = Data.open(dir, "a");
      Store bStore = Data.open(dir, "b");
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      SimNet.Node b = net.node("b", bStore, SyncConfig.defaults());
      SimNet.Conn ca = net.connect(a, hub);
      SimNet.Conn cb = net.connect(b, hub);
      net.settle();

      Data.createTable(aStore, "t");
      for (int i = 0; i < 5; i++) {
        Data.put(aStore, "t", i, "a" + i);
      }
      net.settle();
      assertThat(Data.dump(bStore)).isEqualTo(Data.dump(aStore));
      assertThat(ca.client.session.status().receivedTransactions()).isZero();
      assertThat(ca.server.session.status().sentTransactions()).isZero();
      assertThat(cb.server.session.status().sentTransactions()).isEqualTo(6);

      Data.put(bStore, "t", 100, "from b");
      net.settle();
      for (Store s : List.of(aStore, bStore)) {
        assertThat(Data.dump(s)).isEqualTo(Data.dump(hubStore));
        assertThat(s.versionVector()).isEqualTo(hubStore.versionVector());
      }
      assertThat(ca.client.session.status().receivedTransactions()).isEqualTo(1);
      assertThat(cb.client.session.status().receivedTransactions()).isEqualTo(6);
    }
  }

  @Test
  void aMeshOfThreeConvergesOnConcurrentWritesToTheSameRows() throws Exception {
    try (SimNet net = new SimNet()) {
      List<SimNet.Node> n = triangle(net);
      Data.createTable(n.get(0).store, "t");
      net.settle();
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 3; i++) {
          Data.put(n.get(i).store, "t", round, "node " + i + " round " + round);
          Data.put(n.get(i).store, "t", 10 + i, "own " + i);
        }
        Data.delete(n.get(round).store, "t", 10 + round);
      }
      Data.addColumn(n.get(2).store, "t", "extra");
      net.settle();
      for (SimNet.Node node : n) {
        assertThat(Data.dump(node.store)).isEqualTo(Data.dump(n.get(0).store));
        assertThat(node.store.versionVector()).isEqualTo(n.get(0).store.versionVector());
      }
      // rows 0-2, and 10 and 11 (re-put after their deletes); 12 is deleted last
      assertThat(Data.dump(n.get(0).store).get("t[id, v, n, extra]")).hasSize(5);
    }
  }

  @Test
  void aNotificationReachesEveryOtherNodeOfAMeshExactlyOnce() throws Exception {
    try (SimNet net = new SimNet()) {
      List<SimNet.Node> n = triangle(net);
      net.settle();
      Notification sent = n.get(0).store.notify("jobs", "build 42");
      net.settle();
      n.get(1).store.notify("jobs", "build 43");
      net.settle();

      assertThat(n.get(0).received).extracting(Notification::payload).containsExactly("build 43");
      assertThat(n.get(1).received).extracting(Notification::payload).containsExactly("build 42");
      assertThat(n.get(2).received)
          .extracting(Notification::payload)
          .containsExactly("build 42", "build 43");
      Notification got = n.get(2).received.get(0);
      assertThat(got.id()).isEqualTo(sent.id());
      assertThat(got.node()).isEqualTo(n.get(0).store.nodeId());
      assertThat(got.channel()).isEqualTo("jobs");
      assertThat(got.local()).isFalse();
    }
  }

  /** Three nodes, each connected to both others. */
  private List<SimNet.Node> triangle(SimNet net) throws Exception {
    SimNet.Node a = net.node("a", Data.open(dir, "a"), SyncConfig.defaults());
    SimNet.Node b = net.node("b", Data.open(dir, "b"), SyncConfig.defaults());
    SimNet.Node c = net.node("c", Data.open(dir, "c"), SyncConfig.defaults());
    net.connect(b, a);
    net.settle();
    net.connect(c, a);
    net.connect(c, b);
    return List.of(a, b, c);
  }
}
