package io.pluresdb.sync.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.sync.protocol.CloseReason;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session handler and its link on an embedded channel; sessions run inline. */
class SessionHandlerTest {
  private static final Limits LIMITS = new Limits(64, 128, 4, 3);

  private RecordingSession session;
  private SessionLink link;

  private EmbeddedChannel channel() {
    session = new RecordingSession(Role.CLIENT);
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new WebSocketFrameAggregator(LIMITS.maxMessageBytes()),
            FrameCodec.INSTANCE,
            new SessionHandler(
                c -> link = new SessionLink(c, session, Runnable::run, LIMITS, "test")));
    ch.pipeline()
        .fireUserEventTriggered(
            WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
    return ch;
  }

  private static List<String> sent(EmbeddedChannel ch) {
    List<String> out = new ArrayList<>();
    Object o;
    while ((o = ch.readOutbound()) != null) {
      if (o instanceof BinaryWebSocketFrame f) {
        out.add(f.content().toString(StandardCharsets.UTF_8));
      } else if (o instanceof CloseWebSocketFrame c) {
        out.add("close " + c.statusCode() + " " + c.reasonText());
      }
      io.netty.util.ReferenceCountUtil.release(o);
    }
    return out;
  }

  private static BinaryWebSocketFrame frame(String s) {
    return new BinaryWebSocketFrame(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
  }

  private static Notification note(String payload) {
    return new Notification(OpId.of(1, 0, 1), "c", payload, "n", true);
  }

  @Test
  void theHandshakeStartsTheSessionAndFramesReachIt() {
    EmbeddedChannel ch = channel();
    assertThat(sent(ch)).containsExactly("hello");
    ch.writeInbound(frame("ping"));
    assertThat(session.received).containsExactly("ping");
    assertThat(sent(ch)).containsExactly("pong");
    assertThat(link.status().state()).isEqualTo(PeerStatus.State.LIVE);
  }

  @Test
  void aMessageOverTheLimitClosesWithMessageTooBig() {
    EmbeddedChannel ch = channel();
    sent(ch);
    byte[] chunk = new byte[100];
    ch.writeInbound(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(chunk)));
    ch.writeInbound(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(chunk)));
    assertThat(sent(ch)).singleElement().asString().startsWith("close 1009");
    assertThat(ch.isOpen()).isFalse();
    assertThat(session.received).isEmpty();
    assertThat(session.disconnected).isTrue();
    assertThat(link.status().closeReason().code()).isEqualTo(CloseReason.Code.TOO_LARGE);
  }

  @Test
  void thePeersCloseReasonIsKeptAndTheCloseEchoed() {
    EmbeddedChannel ch = channel();
    sent(ch);
    ch.writeInbound(new CloseWebSocketFrame(4002, "database abc, not def"));
    assertThat(sent(ch)).containsExactly("close 4002 ");
    assertThat(ch.isOpen()).isFalse();
    assertThat(link.status().closeReason())
        .isEqualTo(new CloseReason(CloseReason.Code.WRONG_DATABASE, "database abc, not def"));
  }

  @Test
  void aSessionsCloseSendsItsReasonAsTheCloseCode() {
    EmbeddedChannel ch = channel();
    sent(ch);
    ch.writeInbound(frame("bye"));
    assertThat(sent(ch)).containsExactly("close 4005 bye");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void whileTheSocketDoesNotDrainEventsAreHeldThenSentInOrder() {
    EmbeddedChannel ch = channel();
    sent(ch);
    ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
    ch.runPendingTasks(); // Netty reports writability changes on a later turn of the loop
    assertThat(ch.config().isAutoRead()).isFalse();
    link.notified(note("a"));
    link.notified(note("b"));
    assertThat(sent(ch)).isEmpty();

    ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
    ch.runPendingTasks(); // Netty reports writability changes on a later turn of the loop
    assertThat(sent(ch)).containsExactly("n:a", "n:b");
    assertThat(ch.config().isAutoRead()).isTrue();
  }

  @Test
  void aPeerThatNeverDrainsIsDisconnectedInsteadOfBuffered() {
    EmbeddedChannel ch = channel();
    sent(ch);
    ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
    ch.runPendingTasks(); // Netty reports writability changes on a later turn of the loop
    for (int i = 0; i <= LIMITS.maxHeldEvents(); i++) {
      link.notified(note("x" + i));
    }
    List<String> out = sent(ch);
    assertThat(out).singleElement().asString().startsWith("close 4006 peer too slow");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void tooManyUnhandledFramesStopReadingFromTheSocket() {
    EmbeddedChannel ch = new EmbeddedChannel();
    session = new RecordingSession(Role.SERVER);
    List<Runnable> queued = new ArrayList<>();
    SessionLink l = new SessionLink(ch, session, queued::add, LIMITS, "test");
    for (int i = 0; i < LIMITS.maxPendingFrames(); i++) {
      l.received(("f" + i).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(ch.config().isAutoRead()).isFalse();
    // the session catches up: the serial executor drains its queue one task at a time
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
    assertThat(session.received).containsExactly("f0", "f1", "f2", "f3");
    assertThat(ch.config().isAutoRead()).isTrue();
  }

  @Test
  void aClosedConnectionsRowIsClosedEvenBeforeItsSessionHearsOfTheDisconnect() {
    List<Runnable> held = new ArrayList<>();
    boolean[] hold = {false};
    session = new RecordingSession(Role.CLIENT);
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new WebSocketFrameAggregator(LIMITS.maxMessageBytes()),
            FrameCodec.INSTANCE,
            new SessionHandler(
                c ->
                    link =
                        new SessionLink(
                            c,
                            session,
                            r -> {
                              if (hold[0]) {
                                held.add(r);
                              } else {
                                r.run();
                              }
                            },
                            LIMITS,
                            "test")));
    ch.pipeline()
        .fireUserEventTriggered(
            WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
    assertThat(link.status().state()).isEqualTo(PeerStatus.State.LIVE);
    hold[0] = true; // the session's executor is busy: it hears of the disconnect later
    ch.close();
    assertThat(session.disconnected).isFalse();
    PeerStatus row = link.closedStatus();
    assertThat(row.state()).isEqualTo(PeerStatus.State.CLOSED);
    assertThat(row.closeReason()).isNotNull();
    held.forEach(Runnable::run);
    assertThat(link.closedStatus().state()).isEqualTo(PeerStatus.State.CLOSED);
  }
}
