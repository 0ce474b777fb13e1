package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.PolicyAgent.Principal;
import io.pluresdb.sync.protocol.CloseReason.Code;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.sql.SQLException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PeerSession} implementation: the hello exchange and the dispatch of frames and events
 * to its halves ({@link Streamer} sends, {@link Inbound} receives, {@link RecentIds} keeps
 * notifications from echoing). What outlives the connection is kept in the node's {@link
 * NodeMemory}, never here. Nothing is written to the store before the hello succeeds; any refused
 * or malformed input, and any failure, ends the session with a {@link Message.Bye} and a close of
 * the connection, never with an exception escaping to the transport.
 *
 * <p>Not thread-safe and not re-entrant: the transport calls it from one serial executor, and
 * queues change-feed and notification events rather than calling them from inside a call (applying
 * a batch publishes to the very feed the session listens to).
 */
final class Session implements PeerSession {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final Role role;
  private final Store store;
  private final SyncConfig config;
  private final Wire wire;
  private final RecentIds relayed = new RecentIds();
  private final NodeMemory memory;
  private State state = State.CONNECTING;
  private String peerNode;
  private Streamer streamer;
  private Inbound inbound;
  private Instant lastHeard;
  private long lastHeardMillis;
  private long bytesReceived;
  private CloseReason closeReason;

  Session(Role role, Store store, SyncConfig config, NodeMemory memory) {
    this.role = role;
    this.store = store;
    this.config = config;
    this.memory = memory;
    this.wire = new Wire(config.clock());
  }

  @Override
  public void start(Outbox out) {
    if (state != State.CONNECTING) {
      return;
    }
    state = State.HELLO;
    lastHeardMillis = config.clock().millis();
    if (role == Role.CLIENT) {
      wire.send(
          new Message.Hello(
              config.minVersion(),
              config.maxVersion(),
              store.nodeId(),
              store.databaseId(),
              sealed(),
              config.token(),
              store.versionVector()),
          out);
    }
  }

  @Override
  public void receive(byte[] frame, Outbox out) {
    if (state == State.CLOSED) {
      return;
    }
    if (state == State.CONNECTING) {
      // a transport that delivers a frame before start: the connection is evidently open
      start(out);
    }
    bytesReceived += frame.length;
    lastHeardMillis = config.clock().millis();
    lastHeard = config.clock().instant();
    try {
      if (frame.length > config.maxFrameBytes()) {
        throw new ProtocolException(
            Code.TOO_LARGE,
            "frame of " + frame.length + " bytes exceeds the limit of " + config.maxFrameBytes());
      }
      dispatch(MessageCodec.decode(frame), out);
    } catch (ProtocolException e) {
      close(e.reason(), out, true);
    } catch (SQLException | RuntimeException e) {
      fail(e, out);
    }
  }

  private void dispatch(Message m, Outbox out) throws ProtocolException, SQLException {
    if (m instanceof Message.Bye bye) {
      close(new CloseReason(bye.code(), "peer closed: " + bye.message()), out, false);
    } else if (m instanceof Message.Ping) {
      wire.send(new Message.Pong(), out);
    } else if (m instanceof Message.Pong) {
      return;
    } else if (state == State.HELLO) {
      if (role == Role.SERVER && m instanceof Message.Hello h) {
        hello(h, out);
      } else if (role == Role.CLIENT && m instanceof Message.Welcome w) {
        welcome(w, out);
      } else {
        throw unexpected(m, role == Role.SERVER ? "a hello" : "a welcome");
      }
    } else if (m instanceof Message.Batch b) {
      inbound.batch(b, out);
    } else if (m instanceof Message.Ack a) {
      streamer.acked(a.seqNo(), out);
      advance();
    } else if (m instanceof Message.Notify n) {
      relayed.firstSight(n.id());
      // this node's own notification coming back round a mesh was delivered when it was sent
      if (!n.node().equals(store.nodeId()) && memory.delivered().firstSight(n.id())) {
        store
            .notifications()
            .publish(new Notification(n.id(), n.channel(), n.payload(), n.node(), false));
      }
    } else {
      throw unexpected(m, "a batch, acknowledgement or notification");
    }
  }

  private static ProtocolException unexpected(Message m, String expected) {
    return new ProtocolException(
        Code.MALFORMED, "expected " + expected + ", got " + m.getClass().getSimpleName());
  }

  private void hello(Message.Hello h, Outbox out) throws ProtocolException, SQLException {
    int version = Handshake.chooseVersion(h.minVersion(), h.maxVersion(), config);
    Handshake.checkNotSelf(h.node(), store);
    Principal who = config.agent().admit(h.token(), h.node());
    if (who == null) {
      throw new ProtocolException(
          Code.AUTH_FAILED,
          "node "
              + h.node()
              + (h.token() == null ? " presented no token" : " presented a token that is refused"));
    }
    Handshake.agreeOnIdentity(h, store);
    wire.send(
        new Message.Welcome(version, store.nodeId(), store.databaseId(), store.versionVector()),
        out);
    begin(h.node(), who, h.versionVector(), out);
  }

  private void welcome(Message.Welcome w, Outbox out) throws ProtocolException, SQLException {
    if (w.version() < config.minVersion() || w.version() > config.maxVersion()) {
      throw new ProtocolException(
          Code.UNSUPPORTED_VERSION,
          "server "
              + w.node()
              + " chose protocol version "
              + w.version()
              + ", this node speaks "
              + config.minVersion()
              + " to "
              + config.maxVersion());
    }
    Handshake.checkNotSelf(w.node(), store);
    if (!store.joinDatabase(w.databaseId())) {
      throw new ProtocolException(
          Code.WRONG_DATABASE,
          "this node belongs to database "
              + store.databaseId()
              + ", server "
              + w.node()
              + " serves database "
              + w.databaseId());
    }
    Principal who = Handshake.serverPrincipal(config, w.node());
    begin(w.node(), who, w.versionVector(), out);
  }

  private void begin(String node, Principal who, VersionVector peerHolds, Outbox out)
      throws SQLException, ProtocolException {
    peerNode = node;
    Access access = new Access(config.agent(), who);
    streamer = new Streamer(store, config, wire, access, memory.resumePoints(), node, peerHolds);
    inbound = new Inbound(store, access, streamer, wire);
    state = State.CATCHING_UP;
    LOG.debug("{} session with node {} ({}) open", role, node, who.name());
    streamer.pump(out);
    advance();
  }

  private boolean sealed() {
    try {
      return store.databaseSealed();
    } catch (SQLException e) {
      // claiming a seal is the safe side: the server then keeps or imposes its own identity
      LOG.warn("cannot read whether database {} is sealed", store.databaseId(), e);
      return true;
    }
  }

  private void advance() {
    if (state == State.CATCHING_UP && streamer.caughtUp()) {
      state = State.LIVE;
    }
  }

  private boolean streaming() {
    return state == State.CATCHING_UP || state == State.LIVE;
  }

  @Override
  public void committed(ChangeSet change, Outbox out) {
    if (!streaming()) {
      return;
    }
    try {
      streamer.committed(change.entry(), out);
      advance();
    } catch (ProtocolException e) {
      close(e.reason(), out, true);
    } catch (SQLException | RuntimeException e) {
      fail(e, out);
    }
  }

  @Override
  public void notified(Notification n, Outbox out) {
    if (streaming() && relayed.firstSight(n.id())) {
      wire.send(new Message.Notify(n.id(), n.channel(), n.payload(), n.node()), out);
    }
  }

  @Override
  public void tick(Outbox out) {
    if (state == State.CONNECTING || state == State.CLOSED) {
      return;
    }
    long now = config.clock().millis();
    long silent = now - lastHeardMillis;
    if (silent >= config.idleTimeout().toMillis()) {
      close(
          new CloseReason(
              Code.TIMEOUT,
              "nothing heard from "
                  + (peerNode == null ? "the peer" : "node " + peerNode)
                  + " for "
                  + silent
                  + " ms"),
          out,
          true);
    } else if (now - wire.lastSentMillis() >= config.heartbeatInterval().toMillis()) {
      wire.send(new Message.Ping(), out);
    }
  }

  @Override
  public void disconnected() {
    if (state != State.CLOSED) {
      state = State.CLOSED;
      closeReason = new CloseReason(Code.NORMAL, "connection lost");
    }
  }

  private void fail(Exception e, Outbox out) {
    LOG.error("{} session with node {} failed", role, peerNode, e);
    close(new CloseReason(Code.INTERNAL, String.valueOf(e.getMessage())), out, true);
  }

  private void close(CloseReason reason, Outbox out, boolean tellPeer) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    closeReason = reason;
    if (reason.code() == Code.NORMAL) {
      LOG.debug("session with node {} closed: {}", peerNode, reason.message());
    } else {
      LOG.warn("session with node {} closed ({}): {}", peerNode, reason.code(), reason.message());
    }
    if (tellPeer) {
      wire.send(new Message.Bye(reason.code(), reason.message()), out);
    }
    out.close(reason);
  }

  @Override
  public PeerStatus status() {
    return new PeerStatus(
        peerNode,
        role,
        state,
        lastHeard,
        streamer == null ? 0 : streamer.sentTransactions(),
        inbound == null ? 0 : inbound.receivedTransactions(),
        streamer == null ? store.lastSeq() : streamer.lag(),
        wire.bytesSent(),
        bytesReceived,
        closeReason);
  }
}
