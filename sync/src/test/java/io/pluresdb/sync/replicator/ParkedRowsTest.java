package io.pluresdb.sync.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.Role;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a node holds parked shows in its peers' rows and on its status page: per peer node (the row
 * of its session, or a row of its own when it has none) and in total.
 */
@Timeout(60)
class ParkedRowsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** The node id the recording stand-in session reports for its peer. */
  private static final String CONNECTED = "0000000000aa";

  private static final String GONE = "0000000000bb";
  private final Rig rig = new Rig();

  @AfterEach
  void closeAll() throws Exception {
    rig.close();
  }

  @Test
  void parkedTransactionsShowPerPeerRowAndInTotalOnTheStatusPage() throws Exception {
    Store hubStore = rig.store();
    Replicator hub =
        rig.start(
            hubStore, ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), null));
    rig.start(
        ReplicatorConfig.of(
            null, List.of(URI.create("ws://127.0.0.1:" + hub.listenAddress().getPort())), null));
    await().atMost(WAIT).until(() -> rig.sessions.stream().anyMatch(s -> s.role == Role.SERVER));

    hubStore.applyRemote(List.of(orphan(0x77, "missing")), CONNECTED).orThrow();
    hubStore.applyRemote(List.of(orphan(0x78, "lost")), GONE).orThrow();

    List<PeerRow> rows = hub.peers();
    PeerRow connected =
        rows.stream().filter(r -> CONNECTED.equals(r.status().peerNode())).findFirst().get();
    assertThat(connected.status().role()).isEqualTo(Role.SERVER);
    assertThat(connected.parked().count()).isEqualTo(1);
    assertThat(connected.parked().oldestReason()).isEqualTo("no table 'missing'");
    PeerRow gone = rows.stream().filter(r -> GONE.equals(r.status().peerNode())).findFirst().get();
    assertThat(gone.address()).isNull();
    assertThat(gone.status().state()).isEqualTo(PeerStatus.State.CLOSED);
    assertThat(gone.parked().oldestReason()).isEqualTo("no table 'lost'");

    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hub.listenAddress().getPort() + "/status"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode json = new ObjectMapper().readTree(page.body());
    assertThat(json.path("parked").path("count").asLong()).isEqualTo(2);
    assertThat(json.path("parked").path("reason").asText()).startsWith("no table '");
    JsonNode row = null;
    for (JsonNode p : json.path("peers")) {
      if (GONE.equals(p.path("node").asText())) {
        row = p;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("parked").asLong()).isEqualTo(1);
    assertThat(row.path("parked_reason").asText()).isEqualTo("no table 'lost'");
    assertThat(row.path("parked_since").asText()).isNotEmpty();
    assertThat(row.path("role").isNull()).isTrue();
  }

  /** A transaction of {@code node} inserting into a table no node has. */
  private static ReceivedTx orphan(long node, String table) {
    long now = System.currentTimeMillis();
    return ReceivedTx.encode(
        new Transaction(
            OpId.of(now, 0, node),
            null,
            List.of(
                new Operation(
                    OpId.of(now, 1, node),
                    OpKind.INSERT,
                    table,
                    new Object[] {1L},
                    new String[] {"k"},
                    new Object[] {1L},
                    List.of(),
                    null))));
  }
}
