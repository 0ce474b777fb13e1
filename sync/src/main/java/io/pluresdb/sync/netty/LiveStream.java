package io.pluresdb.sync.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.op.LogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The committed transactions on their way to one link's session. Each comes with the link's own
 * reference to its batch-frame field, encoded once for every link ({@link SharedRecords}); what
 * queues while the session is busy is handed over in one go, so transactions that commit close
 * together leave in one batch, and the frame the session sends is a small head of its own followed
 * by the shared bytes.
 *
 * <p>A peer that does not drain (its socket not writable, or more than the bound queued) takes no
 * references: the link drops back to catch-up, and once the socket drains the session reads what it
 * missed from the log. Its cursor decides what is sent, so nothing is lost or sent twice between
 * the two.
 *
 * <p>Thread-safe: committing threads call {@link #committed}; the link's serial executor runs the
 * rest; {@link #deliveriesPerSecond} is for any thread.
 */
final class LiveStream {
  private final Channel channel;
  private final Executor serial;
  private final int bound;
  private final BooleanSupplier gone;
  private final Consumer<List<ChangeSet>> handOver;
  private final LiveQueue queue = new LiveQueue();
  private final AtomicBoolean behind = new AtomicBoolean();
  private final DeliveryRate deliveries = new DeliveryRate();
  private Map<Long, ByteBuf> sharing = Map.of(); // serial executor only

  /**
   * A stream for the link of {@code channel}, whose serial executor is {@code serial}.
   *
   * @param bound transactions queued at most before the link drops back to catch-up
   * @param gone true once the link is gone or refused: nothing more is handed over
   * @param handOver hands transactions to the session and flushes what it sent (an empty list:
   *     catch up from the log); called on the serial executor
   */
  LiveStream(
      Channel channel,
      Executor serial,
      int bound,
      BooleanSupplier gone,
      Consumer<List<ChangeSet>> handOver) {
    this.channel = channel;
    this.serial = serial;
    this.bound = bound;
    this.gone = gone;
    this.handOver = handOver;
  }

  /** A transaction committed on this node, with its shared field (any thread). */
  void committed(ChangeSet change, ByteBuf field) {
    if (!channel.isWritable() || !queue.offer(change, field, bound)) {
      fellBehind();
      return;
    }
    if (queue.schedule()) {
      serial.execute(this::drain);
    }
  }

  /** Hands what queued to the session; a link gone or clogged only releases it. */
  private void drain() {
    List<LiveQueue.Item> items = queue.takeAll();
    try {
      if (items.isEmpty() || gone.getAsBoolean()) {
        return;
      }
      if (!channel.isWritable()) {
        fellBehind();
        return;
      }
      Map<Long, ByteBuf> byPosition = new HashMap<>();
      List<ChangeSet> changes = new ArrayList<>(items.size());
      for (LiveQueue.Item i : items) {
        byPosition.put(i.change().entry().seq(), i.field());
        changes.add(i.change());
      }
      sharing = byPosition;
      try {
        handOver.accept(changes);
      } finally {
        sharing = Map.of();
      }
    } finally {
      LiveQueue.release(items);
    }
  }

  /** The peer missed transactions: it catches up from the log as soon as its socket drains. */
  private void fellBehind() {
    behind.set(true);
    if (channel.isWritable()) {
      // the socket drained before the flag was up: whoever saw it drain did not see the flag
      drained();
    }
  }

  /** The socket is writable (again): a peer that missed transactions reads them from the log. */
  void drained() {
    if (behind.compareAndSet(true, false)) {
      serial.execute(
          () -> {
            if (!gone.getAsBoolean()) {
              handOver.accept(List.of());
            }
          });
    }
  }

  /**
   * The batch frame of {@code head} and {@code entries}, with the shared bytes of those handed over
   * live (serial executor).
   */
  BinaryWebSocketFrame frame(byte[] head, List<LogEntry> entries) {
    deliveries.add(entries.size());
    return SharedRecords.frame(channel.alloc(), head, entries, sharing);
  }

  /** The link is gone: releases what is queued (serial executor). */
  void close() {
    LiveQueue.release(queue.takeAll());
  }

  long deliveriesPerSecond() {
    return deliveries.perSecond();
  }
}
