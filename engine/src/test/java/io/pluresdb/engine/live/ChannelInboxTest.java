package io.pluresdb.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.engine.threads.EngineRuntime;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session's LISTEN state over the store's notification bus, local and relayed. */
class ChannelInboxTest {
  private Store store;
  private EngineRuntime runtime;
  private ChannelInbox inbox;

  @BeforeEach
  void open() throws SQLException {
    store = Store.open(StoreConfig.memory("inbox-" + System.nanoTime()));
    runtime = new EngineRuntime("inbox");
    inbox = new ChannelInbox(store, runtime.serial());
  }

  @AfterEach
  void close() throws SQLException {
    inbox.close();
    runtime.close();
    store.close();
  }

  @Test
  void notificationsRelayedFromAnotherNodeArriveLikeLocalOnes() throws InterruptedException {
    inbox.listen("jobs");
    // What the replicator does with a peer's NOTIFY: publish it on this node's bus.
    store
        .notifications()
        .publish(
            new Notification(OpId.of(1, 0, 0xabcdef), "jobs", "from b", "000000abcdef", false));
    store.notify("jobs", "from here");
    List<Notification> got = inbox.take(-1);
    assertThat(got).extracting(Notification::payload).containsExactly("from b", "from here");
    assertThat(got).extracting(Notification::local).containsExactly(false, true);
    assertThat(got.get(0).node()).isEqualTo("000000abcdef");
  }

  @Test
  void unlistenedChannelsAndClosedInboxesReceiveNothing() throws InterruptedException {
    inbox.listen("jobs");
    inbox.unlisten("jobs");
    store.notify("jobs", "dropped");
    assertThat(inbox.take(-1)).isEmpty();
    inbox.listen("jobs");
    inbox.close();
    store.notify("jobs", "dropped too");
    assertThat(inbox.take(-1)).isEmpty();
  }
}
