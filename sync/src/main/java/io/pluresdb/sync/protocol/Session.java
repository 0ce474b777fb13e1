package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.PolicyAgent.Principal;
import io.pluresdb.sync.protocol.CloseReason.Code;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PeerSession} implementation: the session's states (connecting, hello, catching up,
 * live, closed) and the dispatch of frames and events to its parts: the {@link Handshake} while in
 * hello, then the {@link Established} exchange of transactions and notifications, with {@link
 * Liveness} watching the peer throughout. What outlives the connection is kept in the node's {@link
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
  private final Liveness liveness;
  private final NodeMemory memory;
  private State state = State.CONNECTING;
  private long scopesVersion;
  private String peerNode;

  /** Null until the hello succeeds. */
  private Established established;

  private CloseReason closeReason;

  Session(Role role, Store store, SyncConfig config, NodeMemory memory) {
    this.role = role;
    this.store = store;
    this.config = config;
    this.memory = memory;
    this.wire = new Wire(config.clock());
    this.liveness = new Liveness(config, wire);
  }

  @Override
  public void start(Outbox out) {
    if (state != State.CONNECTING) {
      return;
    }
    state = State.HELLO;
    liveness.started();
    if (role == Role.CLIENT) {
      scopesVersion = config.scopes().version();
      wire.send(Handshake.hello(store, config), out);
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
    liveness.heard(frame.length);
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
        Principal who = Handshake.welcomeClient(h, store, config, wire, out);
        int version = Handshake.chooseVersion(h.minVersion(), h.maxVersion(), config);
        SliceStreamer slice = SliceStart.of(h, who, store, config, wire);
        begin(h.node(), who, h.versionVector(), version, slice, out);
      } else if (role == Role.CLIENT && m instanceof Message.Welcome w) {
        Principal who = Handshake.acceptWelcome(w, store, config);
        begin(w.node(), who, w.versionVector(), w.version(), null, out);
      } else {
        throw unexpected(m, role == Role.SERVER ? "a hello" : "a welcome");
      }
    } else if (established.receive(m, out)) {
      advance();
    } else {
      throw unexpected(m, "a batch, acknowledgement or notification");
    }
  }

  private static ProtocolException unexpected(Message m, String expected) {
    return new ProtocolException(
        Code.MALFORMED, "expected " + expected + ", got " + m.getClass().getSimpleName());
  }

  private void begin(
      String node,
      Principal who,
      VersionVector peerHolds,
      int version,
      @Nullable SliceStreamer slice,
      Outbox out)
      throws SQLException, ProtocolException {
    peerNode = node;
    Access access = new Access(config.agent(), who);
    established =
        new Established(store, config, wire, memory, access, node, peerHolds, role, version, slice);
    state = State.CATCHING_UP;
    LOG.debug("{} session with node {} ({}) open", role, node, who.name());
    established.start(out);
    advance();
  }

  /** Catching up ends the first time the streamer finds nothing more owed in the log. */
  private void advance() {
    if (state == State.CATCHING_UP && established.caughtUp()) {
      state = State.LIVE;
    }
  }

  private boolean streaming() {
    return state == State.CATCHING_UP || state == State.LIVE;
  }

  @Override
  public void committed(ChangeSet change, Outbox out) {
    committed(List.of(change), out);
  }

  @Override
  public void committed(List<ChangeSet> changes, Outbox out) {
    if (!streaming()) {
      return;
    }
    try {
      established.committed(changes, out);
      advance();
    } catch (ProtocolException e) {
      close(e.reason(), out, true);
    } catch (SQLException | RuntimeException e) {
      fail(e, out);
    }
  }

  @Override
  public void idle(Outbox out) {
    if (streaming()) {
      established.flushAck(out);
    }
  }

  @Override
  public void notified(Notification n, Outbox out) {
    if (!streaming()) {
      return;
    }
    try {
      // the log's end now is at or after the transactions committed before the notification
      established.notified(n, store.lastSeq(), out);
    } catch (ProtocolException e) {
      close(e.reason(), out, true);
    }
  }

  @Override
  public void tick(Outbox out) {
    if (state == State.CONNECTING || state == State.CLOSED) {
      return;
    }
    long now = config.clock().millis();
    long silent = liveness.idleMillis(now);
    if (silent >= 0) {
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
    } else if (role == Role.CLIENT && scopesVersion != config.scopes().version()) {
      // the next session sends the new scopes, and the serving node the new slice
      close(new CloseReason(Code.NORMAL, "the scopes changed"), out, true);
    } else {
      idle(out);
      if (liveness.pingDue(now)) {
        wire.send(new Message.Ping(), out);
      }
    }
  }

  @Override
  public void disconnected() {
    if (state != State.CLOSED) {
      state = State.CLOSED;
      closeReason = new CloseReason(Code.NORMAL, "connection lost");
      if (established != null) {
        established.close();
      }
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
    if (established != null) {
      established.close();
    }
    if (reason.code() == Code.NORMAL || established == null) {
      // a normal end, or a refusal at the hello (token, protocol) that the dialing side reports
      // once rather than at every reconnect
      LOG.debug("session with node {} closed ({}): {}", peerNode, reason.code(), reason.message());
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
        liveness.lastHeard(),
        established == null ? 0 : established.sentTransactions(),
        established == null ? 0 : established.receivedTransactions(),
        established == null ? store.lastSeq() : established.lag(),
        wire.bytesSent(),
        liveness.bytesReceived(),
        closeReason);
  }
}
