package io.pluresdb.engine.processes;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.feed.NotificationBus;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The owner's notifications as a stream to follower processes: every notification its store
 * publishes (a NOTIFY of any of its sessions, forwarded ones included, or one a replication peer
 * relayed) goes to each follower connection that asked, one frame each, in order; a follower
 * publishes them on its own store's bus, so its LISTEN sessions receive them as the owner's do. A
 * heartbeat frame every second, when there is nothing else, finds a follower that went away.
 *
 * <p>Thread-safe: notifications arrive on the publisher's thread and wait in a queue per
 * connection, which that connection's thread writes out.
 */
final class NotificationFeed {
  static final int NOTIFICATION = 'n';
  static final int HEARTBEAT = 'h';
  private static final long HEARTBEAT_MILLIS = 1_000;

  private final NotificationBus bus;

  NotificationFeed(NotificationBus bus) {
    this.bus = bus;
  }

  /** Writes the owner's notifications to {@code out} until the connection breaks. */
  void stream(OutputStream out) throws IOException {
    LinkedBlockingQueue<Notification> queue = new LinkedBlockingQueue<>();
    try (AutoCloseable subscription = bus.subscribe(queue::add)) {
      while (true) {
        Notification n = queue.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        (n == null ? new Wire.Frame(HEARTBEAT) : frame(n)).send(out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("leaving the notification bus: " + e, e); // NotificationBus's handle
    }
  }

  private static Wire.Frame frame(Notification n) throws IOException {
    Wire.Frame f = new Wire.Frame(NOTIFICATION);
    f.writeLong(n.id().hi());
    f.writeLong(n.id().lo());
    Wire.writeString(f, n.channel());
    Wire.writeString(f, n.payload());
    Wire.writeString(f, n.node());
    return f;
  }

  /** A notification frame read back (its op already read) as one received from another node. */
  static Notification read(DataInputStream in) throws IOException {
    OpId id = new OpId(in.readLong(), in.readLong());
    String channel = Wire.readString(in);
    String payload = Wire.readString(in);
    String node = Wire.readString(in);
    if (in.available() != 0) {
      throw new Wire.Malformed(in.available() + " bytes after a notification");
    }
    return new Notification(id, channel, payload, node, false);
  }
}
