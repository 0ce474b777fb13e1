package io.pluresdb.tck.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP proxy standing for one client's link to the hub: the client dials {@link #port()},
 * the proxy dials the hub. {@link #cut()} closes every connection through it and refuses new ones
 * (a partition); {@link #heal()} lets connections through again.
 *
 * <p>Thread-safe: the campaign thread cuts and heals; the proxy's own threads (one acceptor, two
 * pumps per connection, all in one executor it shuts down on {@link #close()}) accept and copy.
 * State is guarded by {@code this}.
 */
final class LinkProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final ExecutorService threads = Executors.newCachedThreadPool(LinkProxy::daemon);
  private final List<Socket> open = new ArrayList<>();
  private boolean cut;

  LinkProxy(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Partitions the link: closes what is open, refuses what comes until {@link #heal()}. */
  synchronized void cut() {
    cut = true;
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  synchronized void heal() {
    cut = false;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket hub = connect(client);
        if (hub != null) {
          threads.execute(() -> copy(client, hub));
          threads.execute(() -> copy(hub, client));
        }
      } catch (IOException e) {
        // the proxy is closing
      }
    }
  }

  /** Dials the hub for an accepted client, or closes the client when cut or the hub is down. */
  private Socket connect(Socket client) {
    synchronized (this) {
      if (cut) {
        closeQuietly(client);
        return null;
      }
    }
    Socket hub;
    try {
      hub = new Socket(InetAddress.getLoopbackAddress(), target);
    } catch (IOException e) {
      closeQuietly(client); // the hub is down: the client sees its connection fail, as it would
      return null;
    }
    synchronized (this) {
      if (cut) {
        closeQuietly(client);
        closeQuietly(hub);
        return null;
      }
      open.add(client);
      open.add(hub);
    }
    return hub;
  }

  private void copy(Socket from, Socket to) {
    byte[] buf = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed or was cut: close both below
    }
    closeQuietly(from);
    closeQuietly(to);
    synchronized (this) {
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing a socket that is already broken: nothing left to release
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "campaign-proxy");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
    threads.shutdownNow();
  }
}
