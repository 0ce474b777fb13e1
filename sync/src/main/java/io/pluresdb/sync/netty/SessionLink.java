package io.pluresdb.sync.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.pluresdb.crdt.concurrent.SerialExecutor;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.sync.protocol.CloseReason;
import io.pluresdb.sync.protocol.Outbox;
import io.pluresdb.sync.protocol.PeerSession;
import io.pluresdb.sync.protocol.PeerStatus;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's bridge between its channel and its {@link PeerSession}: every call into the
 * session runs on this link's {@link SerialExecutor}, never on the event loop, and what the session
 * writes to its {@link Outbox} goes to the channel.
 *
 * <p>Backpressure both ways. Frames received but not yet handled are counted; past {@link
 * Limits#maxPendingFrames()} the channel stops reading (TCP pushes back on the peer) until half are
 * done. While the channel is not writable it also stops reading (a request read now would only
 * produce more output), and notifications for the peer are held; past {@link
 * Limits#maxHeldEvents()} the connection is closed instead of holding more. Committed transactions
 * go through the link's {@link LiveStream}, which never holds them for a peer that does not drain
 * (it reads them from the log once it does).
 *
 * <p>Thread-safe: event-loop callbacks only count and submit; {@code held}, {@link Outgoing} and
 * the session are serial-executor only; status and close reason are volatile snapshots.
 */
public final class SessionLink implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(SessionLink.class);

  private final Channel channel;
  private final PeerSession session;
  private final Executor serial;
  private final Limits limits;
  private final String address;
  private final AtomicInteger pendingFrames = new AtomicInteger();
  private final AtomicBoolean tickQueued = new AtomicBoolean();
  private final ArrayDeque<Runnable> held = new ArrayDeque<>(); // serial executor only
  private final LiveStream live;
  private final Outgoing outgoing; // serial executor only
  private boolean disconnected; // serial executor only
  private volatile PeerStatus status;
  private volatile CloseReason closeReason;
  private volatile boolean reachedLive;

  /**
   * A link for a connection whose WebSocket handshake is complete.
   *
   * @param address the peer's address as shown in status (its URL, or its remote socket address)
   */
  public SessionLink(
      Channel channel, PeerSession session, Executor pool, Limits limits, String address) {
    this.channel = channel;
    this.session = session;
    this.serial = new SerialExecutor(pool);
    this.limits = limits;
    this.address = address;
    this.status = session.status();
    this.outgoing = new Outgoing(channel);
    this.live =
        new LiveStream(
            channel,
            serial,
            limits.maxHeldEvents(),
            () -> disconnected,
            changes -> {
              try {
                session.committed(changes, this);
              } finally {
                afterTask();
              }
            });
  }

  public String address() {
    return address;
  }

  /** The session's last status, with the transport's close reason when the session has none. */
  public PeerStatus status() {
    CloseReason transport = closeReason;
    return status.closeReason() == null && transport != null ? status.closed(transport) : status;
  }

  /**
   * The status of this link once its connection has closed: CLOSED whatever the session last
   * reported, because the session learns of the disconnect on its own executor, after the transport
   * does, and a row kept from before that must not show a gone session as LIVE.
   */
  public PeerStatus closedStatus() {
    PeerStatus s = status();
    if (s.state() == PeerStatus.State.CLOSED) {
      return s;
    }
    return s.closed(new CloseReason(CloseReason.Code.NORMAL, "connection lost"));
  }

  /** True once the session caught up and streamed live (a reconnecting client resets backoff). */
  public boolean reachedLive() {
    return reachedLive;
  }

  /** The handshake is done: the session starts (a client sends its hello). */
  void start() {
    run(() -> session.start(this));
  }

  /** A binary frame arrived (event loop). */
  void received(byte[] frame) {
    if (pendingFrames.incrementAndGet() >= limits.maxPendingFrames()) {
      channel.config().setAutoRead(false);
    }
    run(
        () -> {
          try {
            session.receive(frame, this);
          } finally {
            int waiting = pendingFrames.decrementAndGet();
            if (waiting <= limits.maxPendingFrames() / 2) {
              resumeReading();
            }
            if (waiting == 0) {
              // nothing more to hand over for now: deferred acknowledgements go out
              session.idle(this);
            }
          }
        });
  }

  /** A transaction committed here, with its field encoded once for all ({@link LiveStream}). */
  void committed(ChangeSet change, ByteBuf field) {
    live.committed(change, field);
  }

  /** Bytes written to the channel and not yet taken by the socket. */
  public long bytesInFlight() {
    ChannelOutboundBuffer b = channel.unsafe().outboundBuffer();
    return b == null ? 0 : b.totalPendingWriteBytes();
  }

  /** Transactions sent to the peer in the last whole second. */
  public long deliveriesPerSecond() {
    return live.deliveriesPerSecond();
  }

  /**
   * Refuses a connection before any session or link is made for it: the peer gets {@code reason}.
   */
  public static void refuse(Channel channel, String address, CloseReason reason) {
    LOG.info("refusing a session with {}: {}", address, reason.message());
    CloseCodes.close(channel, reason);
  }

  /** A notification published on this node. */
  public void notified(Notification notification) {
    run(() -> deliver(() -> session.notified(notification, this)));
  }

  /**
   * Time passes: the session may send a heartbeat or give up on a silent peer. A tick still queued
   * is not queued again (thousands of busy sessions would pile ticks up faster than they run).
   */
  public void tick() {
    if (tickQueued.compareAndSet(false, true)) {
      run(
          () -> {
            tickQueued.set(false);
            session.tick(this);
          });
    }
    if (channel.isWritable()) {
      live.drained();
    }
  }

  /** The socket's writability changed (event loop). */
  void writabilityChanged() {
    if (channel.isWritable()) {
      run(this::drainHeld);
      live.drained();
      resumeReading();
    } else {
      channel.config().setAutoRead(false);
    }
  }

  /** The peer sent a close frame: remember why, before the channel goes. */
  void peerClosed(CloseReason reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
  }

  /** The transport closed the connection itself (bad input, a limit): remember why. */
  void transportClosed(CloseReason reason) {
    peerClosed(reason);
  }

  /** The channel is gone (event loop). */
  void disconnected() {
    run(
        () -> {
          disconnected = true;
          held.clear();
          live.close();
          session.disconnected();
        });
  }

  @Override
  public void send(byte[] frame) {
    // called by the session on the serial executor; written and flushed when the current task ends
    outgoing.add(frame);
  }

  @Override
  public void sendBatch(byte[] head, List<LogEntry> entries) {
    outgoing.add(live.frame(head, entries));
  }

  @Override
  public void close(CloseReason reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
    if (reason.code() != CloseReason.Code.NORMAL) {
      // a session refused at its hello (token, protocol) repeats at every reconnect: the dialer
      // logs it once; one that was live is news
      if (reachedLive) {
        LOG.info("closing connection with {}: {} ({})", address, reason.message(), reason.code());
      } else {
        LOG.debug("closing connection with {}: {} ({})", address, reason.message(), reason.code());
      }
    }
    outgoing.flush(); // what the session wrote (its bye) goes before the close frame
    CloseCodes.close(channel, reason);
  }

  private void deliver(Runnable event) {
    if (held.isEmpty() && channel.isWritable()) {
      event.run();
      return;
    }
    held.add(event);
    if (held.size() > limits.maxHeldEvents()) {
      held.clear();
      close(
          new CloseReason(
              CloseReason.Code.TIMEOUT,
              "peer too slow: more than " + limits.maxHeldEvents() + " notifications waiting"));
    }
  }

  private void drainHeld() {
    while (!held.isEmpty() && channel.isWritable()) {
      held.poll().run();
      outgoing.flush();
    }
  }

  private void resumeReading() {
    if (channel.isWritable() && pendingFrames.get() <= limits.maxPendingFrames() / 2) {
      channel.config().setAutoRead(true);
    }
  }

  /** Runs a task on the serial executor, then flushes and refreshes the status snapshot. */
  private void run(Runnable task) {
    serial.execute(
        () -> {
          if (disconnected) {
            return;
          }
          try {
            task.run();
          } finally {
            afterTask();
          }
        });
  }

  private void afterTask() {
    outgoing.flush();
    PeerStatus now = session.status();
    status = now;
    if (now.state() == PeerStatus.State.LIVE) {
      reachedLive = true;
    }
  }
}
