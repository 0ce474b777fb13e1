package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.store.Store;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A session after its hello succeeded: transactions go out through the {@link Streamer} (catch-up
 * and live streaming alike) and come in through {@link Inbound}; notifications are relayed both
 * ways, each once ({@link RecentIds} stops a notification echoing back to the peer it came from,
 * the node's {@link NodeMemory} stops one arriving twice over a mesh from being delivered twice). A
 * notification never overtakes the transactions committed before it: it waits here until the
 * streamer has sent (or skipped as not owed) every log entry up to the position the log had when
 * the notification was published, so the peer applies those first, whether they went out live or
 * are read from the log for a peer that fell behind.
 *
 * <p>Not thread-safe: owned by one {@link Session}, called from its serial executor.
 */
final class Established {
  private final Store store;
  private final Wire wire;
  private final NodeMemory memory;
  private final Streamer streamer;
  private final @Nullable SliceStreamer slice;
  private final SliceReceiver sliceIn;
  private final Inbound inbound;
  private final CatchUp catchUp;
  private final Access access;
  private final VersionVector peerHolds;
  private final RecentIds relayed = new RecentIds();
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private final int maxWaiting;

  /** A notification to send once the streamer's cursor reaches {@code afterSeq}. */
  private record Waiting(long afterSeq, Notification n) {}

  Established(
      Store store,
      SyncConfig config,
      Wire wire,
      NodeMemory memory,
      Access access,
      String peer,
      VersionVector peerHolds,
      Role role,
      int version,
      @Nullable SliceStreamer slice) {
    this.store = store;
    this.access = access;
    this.peerHolds = peerHolds;
    this.slice = slice;
    this.sliceIn = new SliceReceiver(store, config.scopes());
    this.wire = wire;
    this.memory = memory;
    this.streamer =
        new Streamer(store, config, wire, access, memory.resumePoints(), peer, peerHolds);
    this.inbound =
        new Inbound(
            store,
            access,
            streamer,
            wire,
            peer,
            config.maxParkedPerPeer(),
            Math.max(1, config.window() / 2));
    this.maxWaiting = config.batchMaxTransactions() * config.window();
    this.catchUp = new CatchUp(store, config, wire, role, version, peer, streamer);
  }

  /** Starts catching the peer up (by row states first when {@link CatchUp} says so). */
  void start(Outbox out) throws SQLException, ProtocolException {
    if (slice != null) {
      slice.start(out);
    } else {
      catchUp.start(access, peerHolds);
      streamer.pump(out);
      catchUp.step(out);
    }
    release(out);
  }

  /** Handles a message of the open session; false when it is not one. */
  boolean receive(Message m, Outbox out) throws SQLException, ProtocolException {
    if (m instanceof Message.Batch b) {
      inbound.batch(b, out);
      catchUp.step(out); // a snapshot may wait for the peer's own writes
    } else if (m instanceof Message.Ack a) {
      if (slice != null) {
        slice.acked(a.seqNo());
      } else {
        streamer.acked(a.seqNo(), out);
        catchUp.step(out);
      }
      release(out);
    } else if (m instanceof Message.States st) {
      catchUp.part(st, out);
    } else if (m instanceof Message.StatesAck a) {
      catchUp.acked(a.seqNo(), out);
      release(out);
    } else if (m instanceof Message.Rows r) {
      sliceIn.rows(r);
    } else if (m instanceof Message.Notify n) {
      relayed.firstSight(n.id());
      // this node's own notification coming back round a mesh was delivered when it was sent
      if (!n.node().equals(store.nodeId()) && memory.delivered().firstSight(n.id())) {
        store
            .notifications()
            .publish(new Notification(n.id(), n.channel(), n.payload(), n.node(), false));
      }
    } else {
      return false;
    }
    return true;
  }

  /** Transactions committed on this node, in log order (none: catch up from the log). */
  void committed(List<ChangeSet> changes, Outbox out) throws SQLException, ProtocolException {
    List<LogEntry> entries = new ArrayList<>(changes.size());
    for (ChangeSet c : changes) {
      entries.add(c.entry());
    }
    if (slice != null) {
      slice.committed(entries, out);
    } else {
      streamer.committed(entries, out);
    }
    release(out);
  }

  /**
   * A notification published on this node when its log ended at {@code afterSeq}: sent unless it
   * came from (or went to) the peer, once every transaction up to there has gone out. A peer that
   * stops acknowledging stops the streamer; past a bound of waiting notifications (as many as the
   * transactions of a full window) the session closes rather than hold more.
   */
  void notified(Notification n, long afterSeq, Outbox out) throws ProtocolException {
    if (!relayed.firstSight(n.id())) {
      return;
    }
    waiting.addLast(new Waiting(afterSeq, n));
    release(out);
    if (waiting.size() > maxWaiting) {
      throw new ProtocolException(
          CloseReason.Code.TIMEOUT,
          "peer too slow: more than "
              + maxWaiting
              + " notifications waiting for transactions it has not acknowledged");
    }
  }

  /** Sends the waiting notifications whose transactions have all gone out, in order. */
  private void release(Outbox out) {
    long cursor = slice != null ? slice.cursor() : streamer.cursor();
    while (!waiting.isEmpty() && waiting.peekFirst().afterSeq() <= cursor) {
      Notification n = waiting.pollFirst().n();
      wire.send(new Message.Notify(n.id(), n.channel(), n.payload(), n.node()), out);
    }
  }

  /** Acknowledges the batches applied and not yet acknowledged. */
  void flushAck(Outbox out) {
    inbound.flushAck(out);
  }

  boolean caughtUp() {
    return slice != null ? slice.caughtUp() : streamer.caughtUp() && !catchUp.busy();
  }

  /** The session closed: ends what it holds open. */
  void close() {
    catchUp.close();
  }

  long sentTransactions() {
    return slice != null ? slice.sentTransactions() : streamer.sentTransactions();
  }

  long receivedTransactions() {
    return inbound.receivedTransactions();
  }

  long lag() {
    return slice != null ? slice.lag() : streamer.lag();
  }
}
