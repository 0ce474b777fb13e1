package io.pluresdb.sync.replicator;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.net.ConnectException;
import java.net.URI;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one peer's connection failures reach the log: a refused connection, a refused token or a TLS
 * mismatch repeats at every reconnect, so each kind of failure is a single warning line when it
 * starts (and again only when it changes, or after the peer was reached), every attempt with its
 * stack trace at debug, and one line when the peer is reached again.
 *
 * <p>Thread-safe: failures arrive on event loops and the replicator's timer.
 */
final class FailureLog {
  private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

  private final URI uri;
  private String lastLogged;

  FailureLog(URI uri) {
    this.uri = uri;
  }

  /** Records a failed attempt; returns its one-line description. */
  String failed(Throwable cause) {
    return failed(describe(cause), cause);
  }

  /** Records a failed attempt described by {@code line}, with its cause when there is one. */
  synchronized String failed(String line, Throwable cause) {
    if (!line.equals(lastLogged)) {
      LOG.warn("cannot reach peer {}: {} (retrying; repeats are logged at debug)", uri, line);
      lastLogged = line;
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
    if (lastLogged != null) {
      LOG.info("reached peer {} again", uri);
      lastLogged = null;
    }
  }

  /** One line naming the failure by what a person would check: the server, the token, TLS. */
  static String describe(Throwable cause) {
    Throwable t = cause;
    while (t != null) {
      if (t instanceof ConnectException) {
        return "connection refused (" + oneLine(t.getMessage()) + ")";
      }
      if (t instanceof SSLException) {
        return "TLS handshake failed (" + oneLine(t.getMessage()) + ")";
      }
      if (t instanceof WebSocketClientHandshakeException) {
        return "the peer refused the connection (" + oneLine(t.getMessage()) + ")";
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return oneLine(cause.toString());
  }

  private static String oneLine(String text) {
    return text == null ? "no detail" : text.replaceAll("\\s+", " ").trim();
  }
}
