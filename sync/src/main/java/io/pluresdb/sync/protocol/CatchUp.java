package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.CloseReason.Code;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row-state catch-up in a session (protocol version 4): when the server sends a snapshot of row
 * states instead of the log, and the client's side of it.
 *
 * <p><b>When.</b> The server decides at the hello, from the client's version vector: a client that
 * does not hold every transaction below this node's history horizon ({@link Store#historyHorizon}:
 * folded away, or merged here as row states) cannot catch up from the log and must take a snapshot;
 * a new client (holding nothing but its own writes) takes one when this node's database file holds
 * at least {@link SyncConfig#rowStatesFromBytes} bytes of pages in use, since below that the whole
 * log is cheap and brings the history time travel reads. A client of an older protocol, or whose
 * principal may not read every collection, gets the log instead; when it is behind the horizon that
 * cannot catch it up, so the session is refused (UNSUPPORTED_VERSION or FORBIDDEN) rather than
 * leave it silently short.
 *
 * <p><b>Order on the wire.</b> The log up to the snapshot's last schema change (row states need
 * their tables), then the snapshot's parts ({@link SnapshotOut}), then the log after it: the
 * streamer holds after the schema and, once the last part is out, goes on with every transaction
 * the snapshot covers counted as held. Frames apply in order, so nothing waits for acknowledgements
 * between the phases. The client's own writes flow up meanwhile as always.
 *
 * <p><b>Trust.</b> Row states are not transaction records and carry no author's signature: the
 * server vouches for them. So only a client takes them, from the server it dialed (its configured
 * peer, admitted by its own agent), and a server never takes row states from a client: a peer
 * holding a valid token can still only write through signed records. The client checks each part
 * against the snapshot's announced coverage ({@link SnapshotIn}).
 *
 * <p>Not thread-safe: owned by one session.
 */
final class CatchUp {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

  private final Store store;
  private final SyncConfig config;
  private final Wire wire;
  private final Role role;
  private final int version;
  private final String peer;
  private final Streamer streamer;
  private @Nullable SnapshotOut sending;
  private @Nullable SnapshotIn receiving;
  private boolean deferred;
  private VersionVector peerHolds = VersionVector.empty();
  private @Nullable OpId waitFor; // the client's last own transaction at its hello

  CatchUp(
      Store store,
      SyncConfig config,
      Wire wire,
      Role role,
      int version,
      String peer,
      Streamer streamer) {
    this.store = store;
    this.config = config;
    this.wire = wire;
    this.role = role;
    this.version = version;
    this.peer = peer;
    this.streamer = streamer;
  }

  /**
   * At the session's start: a server that will send the client a snapshot holds the log back, and
   * opens the snapshot once it holds every transaction the client wrote before the hello (they come
   * up first, so the snapshot counts them, and the client's COUNTERs take its totals whole: see
   * {@link io.pluresdb.crdt.store.RowStates#merge(io.pluresdb.crdt.op.RowStateBatch,
   * VersionVector)}).
   */
  void start(Access access, VersionVector peerHolds) throws SQLException, ProtocolException {
    if (role == Role.SERVER && wanted(access, peerHolds)) {
      waitFor = peerHolds.lastOf(Long.parseLong(peer, 16));
      this.peerHolds = peerHolds;
      deferred = true;
      streamer.holdAfter(0);
      open();
    }
  }

  /** Opens the snapshot once this node holds the client's own writes; true when it did now. */
  private boolean open() throws SQLException {
    if (!deferred || (waitFor != null && !store.versionVector().covers(waitFor))) {
      return false;
    }
    deferred = false;
    SnapshotOut s = new SnapshotOut(store.rowStates().open(), config, wire, peerHolds);
    sending = s;
    streamer.holdAfter(s.schemaSeq());
    LOG.debug("catching node {} up by row states after log position {}", peer, s.schemaSeq());
    return true;
  }

  private boolean wanted(Access access, VersionVector peerHolds)
      throws SQLException, ProtocolException {
    VersionVector horizon;
    try {
      horizon = store.historyHorizon();
    } catch (UnsupportedOperationException e) {
      return false; // a store without row states keeps its whole log
    }
    boolean behind = !peerHolds.dominates(horizon);
    long self = Long.parseLong(peer, 16);
    boolean fresh = peerHolds.last().keySet().stream().allMatch(n -> n == self);
    if (!behind && !(fresh && store.lastSeq() > 0 && pagesInUse() >= config.rowStatesFromBytes())) {
      return false;
    }
    if (version < MessageCodec.ROW_STATES) {
      if (behind) {
        throw new ProtocolException(
            Code.UNSUPPORTED_VERSION,
            "node "
                + peer
                + " lacks transactions this node no longer keeps in its log and speaks protocol"
                + " version "
                + version
                + "; catching up by row states needs version "
                + MessageCodec.ROW_STATES);
      }
      return false;
    }
    if (!access.readsAll()) {
      if (behind) {
        throw new ProtocolException(
            Code.FORBIDDEN,
            "node "
                + peer
                + " lacks transactions this node no longer keeps in its log, and "
                + access.principal().name()
                + " may not read every collection, so no snapshot can catch it up");
      }
      return false;
    }
    return true;
  }

  /** Bytes of the database's pages in use (free pages left by deletes do not count). */
  private long pagesInUse() throws SQLException {
    try (Connection c = store.openReader();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (p.page_count - f.freelist_count) * s.page_size FROM pragma_page_count p,"
                    + " pragma_freelist_count f, pragma_page_size s")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Sends what is due: the snapshot's parts once the streamer has sent the log up to its schema,
   * then the log after the snapshot once its last part is out.
   */
  void step(Outbox out) throws SQLException, ProtocolException {
    if (open()) {
      streamer.pump(out); // the log up to the snapshot's schema
    }
    SnapshotOut s = sending;
    if (s == null || s.allSent() || streamer.cursor() < s.schemaSeq()) {
      return;
    }
    s.pump(out);
    if (s.allSent()) {
      LOG.debug("sent node {} {} row states", peer, s.sentRows());
      streamer.release(s.coverage().versionVector(), out);
    }
  }

  /** A part of the server's snapshot. */
  void part(Message.States m, Outbox out) throws SQLException, ProtocolException {
    if (role != Role.CLIENT) {
      throw new ProtocolException(
          Code.FORBIDDEN,
          "node " + peer + " sent row states; a server takes only signed transaction records");
    }
    if (version < MessageCodec.ROW_STATES) {
      throw new ProtocolException(
          Code.MALFORMED, "row states in a session of protocol version " + version);
    }
    SnapshotIn in = receiving;
    if (in == null) {
      in = new SnapshotIn(store, wire, peer);
      receiving = in;
    }
    in.part(m, out);
  }

  /** The client merged the snapshot's parts up to {@code seqNo}. */
  void acked(long seqNo, Outbox out) throws SQLException, ProtocolException {
    SnapshotOut s = sending;
    if (s == null) {
      throw new ProtocolException(
          Code.MALFORMED, "acknowledgement of row-state part " + seqNo + ", but none was sent");
    }
    s.acked(seqNo);
    step(out);
  }

  /** True while a snapshot is still going out or being acknowledged. */
  boolean busy() {
    SnapshotOut s = sending;
    return deferred || s != null && (!s.allSent() || s.unacked() > 0);
  }

  /** Ends an open snapshot read (the session closed). */
  void close() {
    SnapshotOut s = sending;
    if (s != null) {
      try {
        s.close();
      } catch (SQLException e) {
        LOG.warn("cannot end the snapshot read for node {}", peer, e);
      }
    }
  }
}
