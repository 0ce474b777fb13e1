package io.pluresdb.engine.processes;

import io.pluresdb.crdt.feed.NotificationBus;
import io.pluresdb.engine.runtime.RunningEngine;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the owner's notifications to a follower process: publishes each on the follower's own
 * store's bus, where its sessions' LISTENs receive them. While another process owns the file they
 * come over a {@link NotificationFeed} connection (opened again to whichever process owns the file
 * next); once this process has taken the ownership over, straight from its own engine's bus, joined
 * by the takeover itself. Started at a follower's first LISTEN, so a follower that never listens
 * costs the owner nothing.
 *
 * <p>Thread-safe: runs on its own thread; {@link #close} from any thread.
 */
final class NotificationRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationRelay.class);
  private static final long RETRY_MILLIS = 100;
  private static final long FIRST_CONNECTION_SECONDS = 60;

  private final FileEngine engine;
  private final NotificationBus local;
  private final Thread thread;
  private final CountDownLatch connected = new CountDownLatch(1);
  private volatile @Nullable Socket socket;
  private volatile boolean stopped;
  private @Nullable AutoCloseable bridge; // guarded by this

  private NotificationRelay(FileEngine engine, NotificationBus local, ThreadFactory threads) {
    this.engine = engine;
    this.local = local;
    this.thread = threads.newThread(this::run);
  }

  /** Starts relaying to {@code local}. */
  static NotificationRelay start(FileEngine engine, NotificationBus local, ThreadFactory threads) {
    NotificationRelay r = new NotificationRelay(engine, local, threads);
    r.thread.start();
    return r;
  }

  /**
   * Waits (up to a minute) until the owner's notifications flow, so that a NOTIFY sent after the
   * LISTEN that started the relay is not missed.
   */
  void awaitFlowing() {
    try {
      if (!connected.await(FIRST_CONNECTION_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("the owner of {} did not start sending its notifications", engine.target());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!stopped && !bridged()) {
      RunningEngine owned = engine.ownedEngine();
      if (owned != null) {
        bridge(owned.store().notifications());
        return;
      }
      try (Socket s = new Socket()) {
        socket = s;
        relay(s, engine.note());
      } catch (IOException | SQLException e) {
        LOG.debug("relaying the notifications of {}: {}", engine.target(), e.toString());
      } finally {
        socket = null;
      }
      try {
        Thread.sleep(RETRY_MILLIS); // the owner watch finds the next owner, or takes over
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void relay(Socket s, LockNote note) throws IOException {
    OwnerLink.greet(s, note, ForwardedSession.NOTIFICATIONS, 0);
    connected.countDown();
    InputStream in = s.getInputStream();
    DataInputStream frame;
    while (!stopped && (frame = Wire.readFrame(in)) != null) {
      int op = frame.read();
      if (op == NotificationFeed.NOTIFICATION) {
        local.publish(NotificationFeed.read(frame));
      } else if (op != NotificationFeed.HEARTBEAT) {
        throw new Wire.Malformed("notification frame " + op);
      }
    }
  }

  private synchronized boolean bridged() {
    return bridge != null;
  }

  /**
   * This process owns the file now: its own engine's notifications go to the follower's bus from
   * here on. Called by the takeover itself, so that no notification of the new owner is missed.
   */
  void bridge(NotificationBus owned) {
    synchronized (this) {
      if (bridge != null || stopped) {
        return;
      }
      bridge = owned.subscribe(local::publish);
    }
    connected.countDown();
    closeSocket(); // the connection to the owner that was is of no use any more
  }

  private void closeSocket() {
    Socket s = socket;
    if (s != null) {
      try {
        s.close(); // a thread blocked reading the owner wakes up
      } catch (IOException e) {
        // already closed
      }
    }
  }

  @Override
  public void close() {
    AutoCloseable b;
    synchronized (this) {
      stopped = true;
      b = bridge;
    }
    thread.interrupt();
    closeSocket();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (b != null) {
      try {
        b.close();
      } catch (Exception e) {
        LOG.debug("leaving the notification bus of {}", engine.target(), e);
      }
    }
  }
}
