package io.pluresdb.bench;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.sync.protocol.Message;
import io.pluresdb.sync.protocol.MessageCodec;
import io.pluresdb.sync.protocol.Outbox;
import io.pluresdb.sync.protocol.PeerSession;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.Role;
import io.pluresdb.sync.protocol.SyncConfig;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A replication client that holds nothing: it says hello as a node of the hub's database, counts
 * the transactions of every batch it receives (reading only the batch's head) and acknowledges them
 * as a real client that applies instantly does: once nothing more is waiting to be read, or every
 * half window of batches while more keep coming (one acknowledgement covers every batch before it).
 * Thousands fit in one JVM, so the fan-out benchmark measures the hub, not the clients' stores.
 *
 * <p>Not thread-safe: its link calls it from one serial executor.
 */
final class CountingPeer implements PeerSession {
  private static final int BATCH = 3;
  private static final int PING = 6;

  private final String node;
  private final String database;
  private final String token;
  private final AtomicLong delivered;
  private final AtomicLong joined;
  private final int ackEvery = Math.max(1, SyncConfig.defaults().window() / 2);
  private long lastBatch;
  private int unacked;

  /**
   * A client counting the transactions it receives into {@code delivered}, and its completed
   * WebSocket handshake into {@code joined}.
   */
  CountingPeer(
      String node, String database, String token, AtomicLong delivered, AtomicLong joined) {
    this.node = node;
    this.database = database;
    this.token = token;
    this.delivered = delivered;
    this.joined = joined;
  }

  @Override
  public void start(Outbox out) {
    joined.incrementAndGet();
    out.send(
        MessageCodec.encode(
            new Message.Hello(
                MessageCodec.MIN_VERSION,
                MessageCodec.MAX_VERSION,
                node,
                database,
                true,
                token,
                VersionVector.empty())));
  }

  @Override
  public void receive(byte[] frame, Outbox out) {
    if (frame.length == 0) {
      return;
    }
    if (frame[0] == BATCH) {
      int[] at = {1};
      lastBatch = varint(frame, at);
      delivered.addAndGet(varint(frame, at));
      if (++unacked >= ackEvery) {
        idle(out);
      }
    } else if (frame[0] == PING) {
      out.send(MessageCodec.encode(new Message.Pong()));
    }
  }

  private static long varint(byte[] b, int[] at) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int x = b[at[0]++];
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
  }

  @Override
  public void idle(Outbox out) {
    if (unacked > 0) {
      unacked = 0;
      out.send(MessageCodec.encode(new Message.Ack(lastBatch)));
    }
  }

  @Override
  public void committed(ChangeSet change, Outbox out) {}

  @Override
  public void notified(Notification notification, Outbox out) {}

  @Override
  public void tick(Outbox out) {}

  @Override
  public void disconnected() {}

  @Override
  public PeerStatus status() {
    return new PeerStatus(node, Role.CLIENT, PeerStatus.State.LIVE, null, 0, 0, 0, 0, 0, null);
  }
}
