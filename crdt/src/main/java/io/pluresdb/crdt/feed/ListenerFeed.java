package io.pluresdb.crdt.feed;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's {@link ChangeFeed}: committers {@link #enqueue} a change set while they still hold
 * the writer (which fixes commit order) and {@link #drain} after releasing it, so listeners run in
 * commit order without the store's writer being held.
 *
 * <p>Thread-safe. Listener list: copy-on-write. Delivery: one thread at a time drains the queue
 * (guarded by a delivery lock that is never the writer); a thread that finds another one draining
 * leaves its change sets to it.
 */
public final class ListenerFeed implements ChangeFeed {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerFeed.class);

  private final CopyOnWriteArrayList<Consumer<ChangeSet>> listeners = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<ChangeSet> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock delivering = new ReentrantLock();

  @Override
  public AutoCloseable subscribe(Consumer<ChangeSet> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** True when someone listens (so committers may skip building change sets). */
  public boolean hasListeners() {
    return !listeners.isEmpty();
  }

  /** Queues a committed change set; call while still holding the writer. */
  public void enqueue(ChangeSet changes) {
    if (!listeners.isEmpty()) {
      queue.add(changes);
    }
  }

  /** Delivers queued change sets in order; call after releasing the writer. */
  public void drain() {
    while (!queue.isEmpty() && delivering.tryLock()) {
      try {
        ChangeSet next;
        while ((next = queue.poll()) != null) {
          for (Consumer<ChangeSet> l : listeners) {
            try {
              l.accept(next);
            } catch (RuntimeException e) {
              LOG.warn("change feed listener failed on transaction {}", next.txId(), e);
            }
          }
        }
      } finally {
        delivering.unlock();
      }
    }
  }
}
