package io.pluresdb.crdt.feed;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans notifications out to listeners (LISTEN sessions, the replicator). Listeners run on the
 * publishing thread, which holds no store lock; one that throws is logged and skipped.
 *
 * <p>Thread-safe: the listener list is copy-on-write.
 */
public final class NotificationBus {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationBus.class);

  private final CopyOnWriteArrayList<Consumer<Notification>> listeners =
      new CopyOnWriteArrayList<>();

  /** Registers a listener; closing the returned handle unregisters it. */
  public AutoCloseable subscribe(Consumer<Notification> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Delivers {@code n} to every listener. */
  public void publish(Notification n) {
    for (Consumer<Notification> l : listeners) {
      try {
        l.accept(n);
      } catch (RuntimeException e) {
        LOG.warn("notification listener failed on channel {}", n.channel(), e);
      }
    }
  }
}
