package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fresh nodes of a mesh agree on one database identity whichever connects to whichever first, and a
 * fresh node adopts a sealed one's identity from either end of a connection.
 */
@Timeout(300)
class MeshIdentityTest {
  /** The three links of a triangle, as pairs of node indexes. */
  private static final int[][] LINKS = {{0, 1}, {0, 2}, {1, 2}};

  /** The orders in which the three links may be opened. */
  private static final int[][] ORDERS = {
    {0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}
  };

  @TempDir Path dir;
  private int run;

  @Test
  void twoFreshPeersAgreeOnTheSmallerIdentityWhicheverServes() throws Exception {
    for (boolean aServes : new boolean[] {false, true}) {
      try (SimNet net = new SimNet()) {
        List<SimNet.Node> n = fresh(net, 2);
        String smaller = smallest(n);
        SimNet.Conn conn =
            aServes ? net.connect(n.get(1), n.get(0)) : net.connect(n.get(0), n.get(1));
        net.settle();

        assertThat(conn.client.session.status().state()).isEqualTo(State.LIVE);
        assertThat(conn.server.session.status().state()).isEqualTo(State.LIVE);
        for (SimNet.Node node : n) {
          assertThat(node.store.databaseId()).isEqualTo(smaller);
          assertThat(node.store.databaseSealed()).isTrue();
        }
        assertReplicates(net, n);
      }
    }
  }

  @Test
  void threeFreshPeersConvergeOnOneIdentityInEveryConnectionOrderAndDirection() throws Exception {
    for (int[] order : ORDERS) {
      for (int directions = 0; directions < 8; directions++) {
        {
          try (SimNet net = new SimNet()) {
            List<SimNet.Node> n = fresh(net, 3);
            List<SimNet.Conn> conns = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
              int[] link = LINKS[order[i]];
              boolean reversed = (directions & (1 << i)) != 0;
              SimNet.Node client = n.get(reversed ? link[1] : link[0]);
              SimNet.Node server = n.get(reversed ? link[0] : link[1]);
              conns.add(net.connect(client, server));
              // each hello is answered before the next connection opens (see package-info)
              net.settle();
            }

            String scenario =
                "links in order " + java.util.Arrays.toString(order) + ", directions " + directions;
            for (SimNet.Conn c : conns) {
              assertThat(c.client.session.status().state()).as(scenario).isEqualTo(State.LIVE);
            }
            for (SimNet.Node node : n) {
              assertThat(node.store.databaseId())
                  .as(scenario)
                  .isEqualTo(n.get(0).store.databaseId());
            }
            assertReplicates(net, n);
          }
        }
      }
    }
  }

  @Test
  void aFreshNodeAdoptsASealedNodesIdentityFromEitherEnd() throws Exception {
    for (boolean freshServes : new boolean[] {false, true}) {
      try (SimNet net = new SimNet()) {
        List<SimNet.Node> n = fresh(net, 3);
        net.connect(n.get(1), n.get(0));
        net.settle();
        String sealed = n.get(0).store.databaseId();
        SimNet.Node fresh = n.get(2);

        SimNet.Conn conn =
            freshServes ? net.connect(n.get(0), fresh) : net.connect(fresh, n.get(0));
        net.settle();

        assertThat(conn.client.session.status().state()).isEqualTo(State.LIVE);
        for (SimNet.Node node : n) {
          assertThat(node.store.databaseId()).isEqualTo(sealed);
        }
        assertReplicates(net, n);
      }
    }
  }

  private List<SimNet.Node> fresh(SimNet net, int count) throws Exception {
    Path runDir = Files.createDirectory(dir.resolve("run" + run++));
    List<SimNet.Node> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Store s = Data.open(runDir, "n" + i);
      assertThat(s.databaseSealed()).isFalse();
      nodes.add(net.node("n" + i, s, SyncConfig.defaults()));
    }
    return nodes;
  }

  private static String smallest(List<SimNet.Node> nodes) {
    return nodes.stream().map(n -> n.store.databaseId()).sorted().findFirst().orElseThrow();
  }

  /** A write on each node reaches every other. */
  private static void assertReplicates(SimNet net, List<SimNet.Node> n) throws Exception {
    Data.createTable(n.get(0).store, "t");
    net.settle();
    for (int i = 0; i < n.size(); i++) {
      Data.put(n.get(i).store, "t", i, "from " + i);
    }
    net.settle();
    for (SimNet.Node node : n) {
      assertThat(Data.dump(node.store)).isEqualTo(Data.dump(n.get(0).store));
    }
    assertThat(Data.dump(n.get(0).store).get("t[id, v, n]")).hasSize(n.size());
  }
}
