package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.NotificationBus;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the owner of a file database takes statements forwarded by other processes: a loopback
 * socket, one thread accepting and one {@link ForwardedSession} thread per follower connection. Its
 * port and secret go in the lock file ({@link LockNote}).
 *
 * <p>Thread-safe: {@link #close} may be called from any thread, once the engine shuts down; the
 * list of open connections is guarded by this object's monitor.
 */
final class OwnerEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OwnerEndpoint.class);

  private final ServerSocket server;
  private final Engine engine;
  private final LockNote note;
  private final ThreadFactory threads;
  private final List<Socket> open = new ArrayList<>(); // guarded by this
  private final List<Thread> running = new ArrayList<>(); // guarded by this
  private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicLong keys = new AtomicLong();
  private final NotificationFeed feed;
  private boolean closed; // guarded by this

  private OwnerEndpoint(
      ServerSocket server, Engine engine, NotificationBus notifications, ThreadFactory threads) {
    this.server = server;
    this.engine = engine;
    this.threads = threads;
    this.feed = new NotificationFeed(notifications);
    this.note = LockNote.fresh(server.getLocalPort());
  }

  /**
   * Listens on a free loopback port for followers of {@code engine}, whose store publishes {@code
   * notifications}.
   */
  static OwnerEndpoint start(Engine engine, NotificationBus notifications, ThreadFactory threads)
      throws SQLException {
    ServerSocket server;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw Errors.of(
          SqlState.IO_ERROR,
          "cannot listen for other processes of database " + engine.target() + ": " + e,
          e);
    }
    OwnerEndpoint endpoint = new OwnerEndpoint(server, engine, notifications, threads);
    Thread acceptor = threads.newThread(endpoint::accept);
    endpoint.track(acceptor);
    acceptor.start();
    return endpoint;
  }

  /** What the lock file must say for followers to find and enter this endpoint. */
  LockNote note() {
    return note;
  }

  /** The owner's notifications, for the followers that stream them. */
  NotificationFeed feed() {
    return feed;
  }

  /** Names a forwarded session, so that another connection can cancel its statement. */
  long register(Session session) {
    long key = keys.incrementAndGet();
    sessions.put(key, session);
    return key;
  }

  void unregister(long key) {
    sessions.remove(key);
  }

  /** Cancels the statement the session named {@code key} runs, if it still runs one. */
  void cancel(long key) {
    Session s = sessions.get(key);
    if (s != null) {
      s.cancel();
    }
  }

  private void accept() {
    while (true) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      synchronized (this) {
        if (closed) {
          closeQuietly(socket);
          return;
        }
        open.add(socket);
        Thread t =
            threads.newThread(
                () -> {
                  try {
                    new ForwardedSession(socket, engine, this, note.secret()).run();
                  } finally {
                    forget(socket);
                  }
                });
        running.add(t);
        t.start();
      }
    }
  }

  private synchronized void track(Thread t) {
    running.add(t);
  }

  private synchronized void forget(Socket socket) {
    open.remove(socket);
    running.remove(Thread.currentThread());
  }

  @Override
  public void close() {
    List<Thread> threadsToJoin;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly(server);
      // a forwarded session blocked reading its socket ends when the socket closes
      open.forEach(OwnerEndpoint::closeQuietly);
      threadsToJoin = new ArrayList<>(running);
    }
    for (Thread t : threadsToJoin) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (SocketException e) {
      // already closed by the other side
    } catch (Exception e) {
      LOG.debug("closing a forwarding socket", e);
    }
  }
}
