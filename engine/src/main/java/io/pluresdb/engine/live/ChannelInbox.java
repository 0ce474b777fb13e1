package io.pluresdb.engine.live;

import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.Channels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's LISTEN/NOTIFY state, with PostgreSQL's semantics: the channels it listens to, the
 * notifications received on them (its own included) until read, and the NOTIFYs of its open
 * transaction, sent at commit and dropped at rollback, identical ones folded into one. When push
 * listeners are registered, notifications go to them (on a delivery thread) instead of the queue.
 *
 * <p>Thread-safe: notifications arrive on the sender's thread; the session's thread listens,
 * notifies and reads. The received notifications are a blocking queue that {@link #take} waits on;
 * the rest of the state is guarded by this object's monitor; listeners run outside it.
 */
public final class ChannelInbox implements Channels, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelInbox.class);

  private final Store store;
  private final Set<String> channels = new HashSet<>();
  private final LinkedBlockingQueue<Notification> received = new LinkedBlockingQueue<>();
  private final LinkedHashSet<List<String>> pending = new LinkedHashSet<>();
  private final CopyOnWriteArrayList<Consumer<Notification>> listeners =
      new CopyOnWriteArrayList<>();
  private final Executor delivery;
  private AutoCloseable subscription;

  /** The inbox of a session of {@code store}; listeners are called on {@code delivery}. */
  public ChannelInbox(Store store, Executor delivery) {
    this.delivery = delivery;
    this.store = store;
  }

  /** {@code LISTEN channel}; listening twice is harmless. */
  public synchronized void listen(String channel) {
    channels.add(channel);
    if (subscription == null) {
      subscription = store.notifications().subscribe(this::arrived);
    }
  }

  /** {@code UNLISTEN channel}, or every channel when null ({@code UNLISTEN *}). */
  public synchronized void unlisten(String channel) {
    if (channel == null) {
      channels.clear();
    } else {
      channels.remove(channel);
    }
    if (channels.isEmpty()) {
      stopListening();
    }
  }

  /** {@code NOTIFY}: sent now, or at commit when {@code inTransaction}. */
  public void notify(String channel, String payload, boolean inTransaction) {
    String p = payload == null ? "" : payload;
    if (inTransaction) {
      synchronized (this) {
        pending.add(List.of(channel, p));
      }
    } else {
      store.notify(channel, p);
    }
  }

  /** The transaction committed: its notifications go out, in the order first sent. */
  public void commit() {
    List<List<String>> out;
    synchronized (this) {
      out = new ArrayList<>(pending);
      pending.clear();
    }
    for (List<String> n : out) {
      store.notify(n.get(0), n.get(1));
    }
  }

  /** The transaction rolled back: its notifications are dropped. */
  public synchronized void rollback() {
    pending.clear();
  }

  /**
   * The notifications received so far, waiting up to {@code timeoutMillis} for one when there are
   * none (0 waits without limit, negative does not wait).
   */
  @Override
  public List<Notification> take(long timeoutMillis) throws InterruptedException {
    List<Notification> out = new ArrayList<>();
    if (received.isEmpty() && timeoutMillis >= 0) {
      // the queue does the waiting, so no lock of this inbox is held meanwhile
      Notification first =
          timeoutMillis == 0
              ? received.take()
              : received.poll(timeoutMillis, TimeUnit.MILLISECONDS);
      if (first != null) {
        out.add(first);
      }
    }
    received.drainTo(out);
    return out;
  }

  /** Pushes notifications to {@code listener} from now on; closing the handle stops it. */
  @Override
  public AutoCloseable addListener(Consumer<Notification> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void arrived(Notification n) {
    synchronized (this) {
      if (!channels.contains(n.channel())) {
        return;
      }
      if (listeners.isEmpty()) {
        received.add(n);
        return;
      }
    }
    delivery.execute(
        () -> {
          for (Consumer<Notification> l : listeners) {
            try {
              l.accept(n);
            } catch (RuntimeException e) {
              LOG.warn("a notification listener failed on channel {}", n.channel(), e);
            }
          }
        });
  }

  private void stopListening() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.warn("leaving the notification bus failed", e);
      }
      subscription = null;
    }
  }

  @Override
  public synchronized void close() {
    channels.clear();
    pending.clear();
    stopListening();
  }
}
