package io.pluresdb.sync.replicator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.pluresdb.sync.netty.LinkOpener;
import io.pluresdb.sync.netty.SessionHandler;
import io.pluresdb.sync.netty.SessionLink;
import io.pluresdb.sync.netty.SyncClient;
import io.pluresdb.sync.protocol.CloseReason;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.Role;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one outgoing connection to a peer URL: connects, and when the connection fails or ends,
 * reconnects after a {@link Backoff} delay. The failure count resets once a session has gone live,
 * so a peer that was healthy is retried quickly after a restart.
 *
 * <p>Thread-safe: {@code connect} runs on the replicator's timer, close callbacks on an event loop;
 * the fields they share are volatile and {@link #close} wins over a pending attempt.
 */
final class PeerDialer {
  private static final Logger LOG = LoggerFactory.getLogger(PeerDialer.class);

  private final URI uri;
  private final Replicator replicator;
  private final ScheduledExecutorService timer;
  private volatile int failures;
  private volatile SessionLink link;
  private volatile PeerStatus lastStatus;
  private volatile CloseReason lastFailure;
  private volatile Channel channel;
  private volatile boolean closed;
  private final FailureLog failureLog;

  PeerDialer(URI uri, Replicator replicator, ScheduledExecutorService timer) {
    this.uri = uri;
    this.replicator = replicator;
    this.timer = timer;
    this.failureLog = new FailureLog(uri);
  }

  URI uri() {
    return uri;
  }

  /** The live link, or null while disconnected. */
  SessionLink link() {
    return link;
  }

  /** What this peer looks like while it has no link: its last session, or a connecting stub. */
  PeerRow idleRow() {
    PeerStatus last = lastStatus;
    if (last == null) {
      return new PeerRow(
          uri.toString(),
          new PeerStatus(
              null, Role.CLIENT, PeerStatus.State.CONNECTING, null, 0, 0, 0, 0, 0, lastFailure));
    }
    CloseReason reason = last.closeReason() != null ? last.closeReason() : lastFailure;
    return new PeerRow(
        uri.toString(),
        new PeerStatus(
            last.peerNode(),
            last.role(),
            PeerStatus.State.CONNECTING,
            last.lastHeard(),
            last.sentTransactions(),
            last.receivedTransactions(),
            last.lag(),
            last.bytesSent(),
            last.bytesReceived(),
            reason));
  }

  void connect() {
    if (closed) {
      return;
    }
    // a fresh node's writes wait while this attempt may still decide its database identity
    Runnable attempt = replicator.dialing();
    LinkOpener opener =
        ch -> {
          SessionLink l = replicator.openLink(ch, Role.CLIENT, uri.toString());
          link = l;
          return l;
        };
    ChannelFuture connecting;
    try {
      connecting =
          SyncClient.connect(
              replicator.group(),
              uri,
              replicator.config().tls(),
              replicator.config().limits(),
              opener);
    } catch (RuntimeException e) {
      // a bad TLS setup or a group shutting down: retry later like any failure
      attempt.run();
      lastFailure = new CloseReason(CloseReason.Code.INTERNAL, failureLog.failed(e));
      retryLater();
      return;
    }
    Channel ch = connecting.channel();
    channel = ch;
    ch.closeFuture()
        .addListener(
            f -> {
              attempt.run();
              SessionLink l = link;
              link = null;
              if (l != null) {
                lastStatus = l.status();
                if (l.reachedLive()) {
                  failures = 0;
                  failureLog.reached();
                } else if (lastStatus.closeReason() != null) {
                  // refused at the hello: a wrong token, another database, a protocol mismatch
                  failureLog.refused(lastStatus.closeReason());
                }
              } else {
                // refused, unreachable, or closed before the WebSocket handshake (token, TLS):
                // the connect future failed first, or the pipeline kept the cause
                Throwable cause =
                    connecting.cause() != null ? connecting.cause() : SessionHandler.failureOf(ch);
                String line =
                    cause == null ? "closed before the handshake" : failureLog.failed(cause);
                lastFailure = new CloseReason(CloseReason.Code.INTERNAL, line);
              }
              retryLater();
            });
    if (closed) {
      ch.close();
    }
  }

  private void retryLater() {
    if (closed) {
      return;
    }
    Duration delay = replicator.config().backoff().delay(failures);
    failures = failures + 1;
    LOG.debug("reconnecting to {} in {} ms", uri, delay.toMillis());
    try {
      timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException rejected) {
      // the replicator is closing
    }
  }

  /** Stops reconnecting and closes the connection, waiting for it to be gone. */
  void close() {
    closed = true;
    Channel ch = channel;
    if (ch != null) {
      ch.close().awaitUninterruptibly();
    }
  }
}
