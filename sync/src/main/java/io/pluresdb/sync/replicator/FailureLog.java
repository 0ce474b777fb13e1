package io.pluresdb.sync.replicator;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.pluresdb.sync.protocol.CloseReason;
import java.net.ConnectException;
import java.net.URI;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one peer's connection failures reach the log: a refused connection, a refused token or a TLS
 * mismatch repeats at every reconnect, so each kind of failure is a single warning line when it
 * starts (and again only when it changes, or after the peer was reached), every attempt with its
 * stack trace at debug, and one line when the peer is reached again. The state is the failure's
 * kind, not its text: a session refused at its hello reads differently depending on which end
 * refused (the other end's refusal arrives as {@code peer closed: …}), and the same refusal must
 * not become news at every other attempt.
 *
 * <p>Thread-safe: failures arrive on event loops and the replicator's timer.
 */
final class FailureLog {
  private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

  private final URI uri;
  private String lastKind;

  FailureLog(URI uri) {
    this.uri = uri;
  }

  /** Records a failed attempt; returns its one-line description. */
  String failed(Throwable cause) {
    return failed(kind(cause), describe(cause), cause);
  }

  /**
   * Records a session refused at its hello (a wrong token, another database, a protocol mismatch);
   * its kind is the refusal's code. Returns its one-line description.
   */
  String refused(CloseReason reason) {
    return failed(reason.code().name(), reason.code() + ": " + reason.message(), null);
  }

  /**
   * Records a failed attempt of kind {@code kind} described by {@code line}, with its cause when
   * there is one; the warning is logged when the kind differs from the last one logged.
   */
  synchronized String failed(String kind, String line, @Nullable Throwable cause) {
    if (!kind.equals(lastKind)) {
      LOG.warn("cannot reach peer {}: {} (retrying; repeats are logged at debug)", uri, line);
      lastKind = kind;
    }
    if (cause != null) {
      LOG.debug("connection to peer {} failed: {}", uri, line, cause);
    } else {
      LOG.debug("connection to peer {} failed: {}", uri, line);
    }
    return line;
  }

  /** Records a session that went live: the next failure is news again. */
  synchronized void reached() {
    if (lastKind != null) {
      LOG.info("reached peer {} again", uri);
      lastKind = null;
    }
  }

  /** One line naming the failure by what a person would check: the server, the token, TLS. */
  static String describe(Throwable cause) {
    Throwable t = known(cause);
    if (t instanceof ConnectException) {
      return "connection refused (" + oneLine(t.getMessage()) + ")";
    }
    if (t instanceof SSLException) {
      return "TLS handshake failed (" + oneLine(t.getMessage()) + ")";
    }
    if (t instanceof WebSocketClientHandshakeException) {
      return "the peer refused the connection (" + oneLine(t.getMessage()) + ")";
    }
    return oneLine(cause.toString());
  }

  /** The failure's kind: the class of the cause {@link #describe} names it by. */
  static String kind(Throwable cause) {
    return known(cause).getClass().getName();
  }

  /** The first cause in the chain of a kind a person would check, or the failure itself. */
  private static Throwable known(Throwable cause) {
    Throwable t = cause;
    while (t != null) {
      if (t instanceof ConnectException
          || t instanceof SSLException
          || t instanceof WebSocketClientHandshakeException) {
        return t;
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return cause;
  }

  private static String oneLine(String text) {
    return text == null ? "no detail" : text.replaceAll("\\s+", " ").trim();
  }
}
