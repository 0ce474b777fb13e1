package io.pluresdb.driver.live;

import io.pluresdb.engine.api.LiveEvent;
import io.pluresdb.engine.api.LiveFeed;
import io.pluresdb.engine.api.LiveHandle;
import io.pluresdb.jdbc.LiveListener;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a subscription's buffer to a {@link LiveListener} on a delivery thread: whatever has
 * accumulated per call, then {@code onEnd} once. A listener that throws is logged and keeps its
 * subscription.
 *
 * <p>Thread-safe: drains run one at a time on a serial executor; {@code ended} is only touched
 * there.
 */
public final class ListenerPump {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerPump.class);
  private static final int BATCH = 1024;

  private final LiveHandle subscription;
  private final LiveListener listener;
  private final Changes changes;
  private final Executor executor;
  private boolean ended;

  private ListenerPump(LiveHandle subscription, LiveListener listener) {
    this.subscription = subscription;
    this.listener = listener;
    this.changes = new Changes(subscription.columns());
    this.executor = subscription.delivery();
  }

  /** Starts delivering; the returned handle ends the subscription. */
  public static AutoCloseable start(LiveHandle subscription, LiveListener listener) {
    ListenerPump pump = new ListenerPump(subscription, listener);
    subscription.sink().onReady(() -> pump.executor.execute(pump::drain));
    return subscription;
  }

  private void drain() {
    if (ended) {
      return;
    }
    LiveFeed sink = subscription.sink();
    List<LiveEvent> events;
    while (!(events = sink.drain(BATCH)).isEmpty()) {
      try {
        listener.onChanges(changes.of(events));
      } catch (RuntimeException e) {
        LOG.warn("a live-query listener failed", e);
      }
    }
    LiveFeed.End end = sink.endState();
    if (end != null) {
      ended = true;
      try {
        listener.onEnd(end.cause());
      } catch (RuntimeException e) {
        LOG.warn("a live-query listener failed at its end", e);
      }
    }
  }
}
