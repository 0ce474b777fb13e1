package io.pluresdb.sync.netty;

import io.netty.buffer.ByteBuf;
import io.pluresdb.crdt.feed.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Transactions committed and not yet handed to one link's session, each with the link's own
 * reference to the bytes encoded once for every session ({@link SharedRecords}). What queues up
 * while the session is busy is handed over in one go, so transactions that commit close together
 * leave in one batch. Bounded: past {@code bound} items an offer is refused and the session reads
 * what it missed from the log instead.
 *
 * <p>Thread-safe: committing threads offer, the link's serial executor takes.
 */
final class LiveQueue {
  /** A committed transaction and this queue's reference to its shared field. */
  record Item(ChangeSet change, ByteBuf field) {}

  private final ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /**
   * Queues {@code change} with a reference of its own to {@code field}; false (nothing queued, no
   * reference taken) when {@code bound} items wait already.
   */
  boolean offer(ChangeSet change, ByteBuf field, int bound) {
    if (size.incrementAndGet() > bound) {
      size.decrementAndGet();
      return false;
    }
    items.add(new Item(change, field.retain())); // read only through duplicates
    return true;
  }

  /** True once per batch of offers: the caller schedules one {@link #takeAll} for them. */
  boolean schedule() {
    return scheduled.compareAndSet(false, true);
  }

  /**
   * Everything queued, in order; the caller releases each item's field. An offer that comes after
   * this started schedules another take.
   */
  List<Item> takeAll() {
    scheduled.set(false);
    List<Item> out = new ArrayList<>();
    for (Item i = items.poll(); i != null; i = items.poll()) {
      size.decrementAndGet();
      out.add(i);
    }
    return out;
  }

  /** Releases every item's field. */
  static void release(List<Item> taken) {
    for (Item i : taken) {
      i.field().release();
    }
  }
}
