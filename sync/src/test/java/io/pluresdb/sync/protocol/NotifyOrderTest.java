package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notification never overtakes the transactions committed before it, however far behind the peer
 * is: it waits for them on the sending side, so the peer has applied them when it hears it.
 */
@Timeout(180)
class NotifyOrderTest {
  @TempDir Path dir;

  @Test
  void aPeerThatIsBehindSeesTheRowsCommittedBeforeANotificationWhenItArrives() throws Exception {
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.open(dir, "hub");
      Store aStore = Data.open(dir, "a");
      // one batch in flight at a time: the peer that does not acknowledge holds the rest back
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.builder().window(1).build());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      Data.createTable(hubStore, "t");
      SimNet.Conn conn = net.connect(a, hub);
      net.settle();

      List<Map<String, List<String>>> seenOnNotify = new ArrayList<>();
      try (AutoCloseable bus =
          aStore
              .notifications()
              .subscribe(
                  (Notification n) -> {
                    try {
                      seenOnNotify.add(Data.dump(aStore));
                    } catch (java.sql.SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  })) {
        // the hub commits twice and notifies while the peer reads nothing: the first transaction
        // fills the window, the second waits in the log for the acknowledgement
        Data.put(hubStore, "t", 1, "first");
        Data.put(hubStore, "t", 2, "second");
        hubStore.notify("c", "after both");
        while (conn.server.step()) {
          // the hub's side handles its events; nothing reaches it from the peer meanwhile
        }
        net.settle();

        assertThat(Data.dump(aStore)).isEqualTo(Data.dump(hubStore));
        assertThat(seenOnNotify).hasSize(1);
        assertThat(seenOnNotify.get(0).get("t[id, v, n]"))
            .hasSize(2)
            .isEqualTo(Data.dump(hubStore).get("t[id, v, n]"));
      }
    }
  }
}
