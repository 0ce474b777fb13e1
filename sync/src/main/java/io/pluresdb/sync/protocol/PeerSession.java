package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.store.Store;
import java.util.List;

/**
 * The replication protocol for one connection, as a sans-IO state machine: hello (node id, database
 * identity, protocol version range, token), catch-up from version vectors in bounded, acknowledged
 * batches in causal order, then live streaming, notifications and heartbeats. The transport feeds
 * it frames and events and carries out what it writes to the {@link Outbox}.
 *
 * <p>Not thread-safe: the transport calls one session from one serial executor (never a network
 * event loop, because {@link #receive} applies transactions to the store and may block).
 */
public interface PeerSession {
  /**
   * A new session for one connection of {@code store}, the {@code role} end of it, behaving as
   * {@code config} says; {@code memory} is the node's, shared by every session opened for {@code
   * store}.
   */
  static PeerSession open(Role role, Store store, SyncConfig config, NodeMemory memory) {
    return new Session(role, store, config, memory);
  }

  /** The connection is open: a client sends its hello. */
  void start(Outbox out);

  /** One binary frame from the peer; malformed or refused input closes the session. */
  void receive(byte[] frame, Outbox out);

  /**
   * Every frame received so far has been handed to {@link #receive}: the session sends what it
   * deferred while more were waiting (the acknowledgement of the batches it applied). A transport
   * that never calls it still gets those at the next {@link #tick}, later.
   */
  default void idle(Outbox out) {}

  /** A transaction committed on this node (local or applied from any peer): stream it if owed. */
  void committed(ChangeSet change, Outbox out);

  /**
   * Transactions committed on this node, in log order, handed over together so that they can go out
   * in one batch. An empty list says the transport dropped some instead of handing them over (its
   * peer was not draining): the session reads what it owes from the log.
   */
  default void committed(List<ChangeSet> changes, Outbox out) {
    for (ChangeSet c : changes) {
      committed(c, out);
    }
  }

  /** A notification published on this node (local or from any peer): forward it if owed. */
  void notified(Notification notification, Outbox out);

  /**
   * Time passes: heartbeats, idle timeouts. Called periodically (about every heartbeat interval /
   * 4) with the current time from the session's clock.
   */
  void tick(Outbox out);

  /** The transport lost the connection (no frame can be sent any more). */
  void disconnected();

  /** A snapshot of this session's state and lag, for status views. */
  PeerStatus status();
}
