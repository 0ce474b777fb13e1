package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.replicator.PeerRow;
import io.pluresdb.sync.replicator.Replicator;
import io.pluresdb.sync.replicator.ReplicatorConfig;
import io.pluresdb.sync.replicator.SessionFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub fans its commits out to clients that join while commits stream: each client catches up from
 * the log, then takes the shared live stream, and the hand-over between the two loses no
 * transaction and sends none twice (the hub's session sends each transaction exactly once).
 */
@Timeout(300)
class HubFanOutTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int COMMITS = 400;
  private static final int CLIENTS = 6;

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  private Replicator replicator(Store s, ReplicatorConfig config) throws Exception {
    return keep(Replicator.start(s, config, SessionFactory.protocol(s, SyncConfig.defaults())));
  }

  @Test
  void clientsJoiningWhileCommitsStreamGetEveryTransactionExactlyOnce() throws Exception {
    Store hubStore = keep(Data.open(dir, "hub"));
    Data.createTable(hubStore, "t");
    Replicator hub =
        replicator(
            hubStore, ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), null));
    URI url = URI.create("ws://127.0.0.1:" + hub.listenAddress().getPort());

    AtomicInteger committed = new AtomicInteger();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 1; i <= COMMITS; i++) {
                  Data.put(hubStore, "t", i, "v" + i);
                  committed.incrementAndGet();
                }
              } catch (Exception | AssertionError e) {
                failed.set(e);
              }
            },
            "hub-writer");
    writer.start();

    List<Store> clients = new ArrayList<>();
    for (int k = 0; k < CLIENTS; k++) {
      int joinAfter = k * COMMITS / CLIENTS;
      await().atMost(WAIT).until(() -> committed.get() >= joinAfter || failed.get() != null);
      Store c = keep(Data.open(dir, "client" + k));
      replicator(c, ReplicatorConfig.of(null, List.of(url), null));
      clients.add(c);
    }
    writer.join(WAIT.toMillis());
    assertThat(failed.get()).isNull();
    assertThat(committed.get()).isEqualTo(COMMITS);

    var expected = Data.dump(hubStore);
    for (Store c : clients) {
      await().atMost(WAIT).until(() -> Data.dump(c).equals(expected));
    }
    long total = hubStore.lastSeq();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(served(hub))
                    .hasSize(CLIENTS)
                    .allSatisfy(
                        r -> {
                          assertThat(r.status().state()).isEqualTo(PeerStatus.State.LIVE);
                          assertThat(r.status().lag()).isZero();
                        }));
    // exactly once: a transaction sent both from the log and live would count twice here
    assertThat(served(hub))
        .allSatisfy(r -> assertThat(r.status().sentTransactions()).isEqualTo(total));
  }

  private static List<PeerRow> served(Replicator hub) {
    return hub.peers().stream()
        .filter(
            r -> r.status().role() == Role.SERVER && r.status().state() != PeerStatus.State.CLOSED)
        .toList();
  }
}
