package io.pluresdb.crdt.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerFeedTest {
  private static ChangeSet tx(String id) {
    return new ChangeSet(id, "n", true, List.of(), List.of(), null);
  }

  @Test
  void aFailingListenerDoesNotStopTheOthersOrTheOrder() throws Exception {
    ListenerFeed feed = new ListenerFeed();
    List<String> seen = new ArrayList<>();
    feed.subscribe(
        cs -> {
          throw new IllegalStateException("listener bug");
        });
    AutoCloseable sub = feed.subscribe(cs -> seen.add(cs.txId()));
    feed.enqueue(tx("1"));
    feed.enqueue(tx("2"));
    feed.drain();
    sub.close();
    feed.enqueue(tx("3"));
    feed.drain();
    assertThat(seen).containsExactly("1", "2");
  }

  @Test
  void nothingIsQueuedWithoutListeners() {
    ListenerFeed feed = new ListenerFeed();
    feed.enqueue(tx("1"));
    List<String> seen = new ArrayList<>();
    feed.subscribe(cs -> seen.add(cs.txId()));
    feed.drain();
    assertThat(seen).isEmpty();
    assertThat(feed.hasListeners()).isTrue();
  }
}
