package io.pluresdb.sync.netty;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.sync.protocol.Outbox;
import io.pluresdb.sync.protocol.PeerSession;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in protocol for transport tests: frames are text. A client says "hello" on start; each
 * committed transaction is sent as "tx:&lt;id&gt;", each notification as "n:&lt;payload&gt;";
 * "ping" is answered "pong"; "bye" closes. Everything received is recorded.
 */
public final class RecordingSession implements PeerSession {
  public final Role role;
  public final List<String> received = new CopyOnWriteArrayList<>();
  public final AtomicInteger ticks = new AtomicInteger();
  public volatile boolean disconnected;
  private volatile PeerStatus.State state = PeerStatus.State.CONNECTING;

  public RecordingSession(Role role) {
    this.role = role;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void start(Outbox out) {
    state = PeerStatus.State.LIVE;
    if (role == Role.CLIENT) {
      out.send(bytes("hello"));
    }
  }

  @Override
  public void receive(byte[] frame, Outbox out) {
    String s = new String(frame, StandardCharsets.UTF_8);
    received.add(s);
    if (s.equals("ping")) {
      out.send(bytes("pong"));
    } else if (s.equals("bye")) {
      out.close(
          new io.pluresdb.sync.protocol.CloseReason(
              io.pluresdb.sync.protocol.CloseReason.Code.FORBIDDEN, "bye"));
    }
  }

  @Override
  public void committed(ChangeSet change, Outbox out) {
    out.send(bytes("tx:" + change.txId()));
  }

  @Override
  public void notified(Notification notification, Outbox out) {
    out.send(bytes("n:" + notification.payload()));
  }

  @Override
  public void tick(Outbox out) {
    ticks.incrementAndGet();
  }

  @Override
  public void disconnected() {
    disconnected = true;
    state = PeerStatus.State.CLOSED;
  }

  @Override
  public PeerStatus status() {
    return new PeerStatus(
        "0000000000aa", role, state, Instant.EPOCH, 0, received.size(), 0, 0, 0, null);
  }
}
