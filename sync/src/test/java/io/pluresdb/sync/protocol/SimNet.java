package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.store.Store;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An in-memory network of nodes for protocol tests: connections carry frames in order (like a
 * WebSocket) through queues that the test delivers one at a time, so every interleaving is chosen
 * by the test (or a seeded random) and runs on the test thread. Change-feed and notification events
 * are queued per session rather than delivered from inside another call, as a transport's serial
 * executor would.
 *
 * <p>Not thread-safe: one test thread.
 */
final class SimNet implements AutoCloseable {
  private final List<Node> nodes = new ArrayList<>();
  private final List<Conn> conns = new ArrayList<>();

  /** A node: a store, what its sessions remember and the ends of connections it holds. */
  final class Node {
    final String name;
    final Store store;
    final SyncConfig config;
    final NodeMemory memory = new NodeMemory();
    final List<End> ends = new ArrayList<>();
    final List<Notification> received = new ArrayList<>();
    private final AutoCloseable feed;
    private final AutoCloseable bus;

    Node(String name, Store store, SyncConfig config) {
      this.name = name;
      this.store = store;
      this.config = config;
      this.feed = store.changeFeed().subscribe(this::committed);
      this.bus = store.notifications().subscribe(this::notified);
    }

    private void committed(ChangeSet cs) {
      for (End e : ends) {
        e.events.add(cs);
      }
    }

    private void notified(Notification n) {
      if (!n.local()) {
        received.add(n);
      }
      for (End e : ends) {
        e.events.add(n);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** One end of a connection: its session, its pending events, the frames travelling to it. */
  final class End implements Outbox {
    final Node node;
    final PeerSession session;
    final ArrayDeque<Object> events = new ArrayDeque<>();
    final ArrayDeque<byte[]> inbound = new ArrayDeque<>();
    End other;
    Conn conn;
    boolean closing;
    final List<byte[]> sent = new ArrayList<>();

    End(Node node, PeerSession session) {
      this.node = node;
      this.session = session;
    }

    @Override
    public void send(byte[] frame) {
      if (!closing && conn.open) {
        sent.add(frame);
        other.inbound.add(frame);
      }
    }

    @Override
    public void close(CloseReason reason) {
      closing = true;
    }

    /** Delivers one pending event or frame; false when there was none. */
    boolean step() {
      if (!conn.open) {
        return false;
      }
      Object ev = events.poll();
      if (ev instanceof ChangeSet cs) {
        session.committed(cs, this);
        return true;
      } else if (ev instanceof Notification n) {
        session.notified(n, this);
        return true;
      }
      byte[] frame = inbound.poll();
      if (frame != null) {
        session.receive(frame, this);
        if (inbound.isEmpty()) {
          session.idle(this);
        }
        return true;
      }
      if (other.closing && other.conn.open) {
        // the peer asked to close and everything it sent has arrived: the connection ends
        conn.reset();
        return true;
      }
      return false;
    }
  }

  /** A connection between a client end and a server end. */
  final class Conn {
    final End client;
    final End server;
    boolean open = true;

    Conn(End client, End server) {
      this.client = client;
      this.server = server;
    }

    /** The connection is lost: in-flight frames vanish and both sessions hear of it. */
    void reset() {
      if (!open) {
        return;
      }
      open = false;
      client.inbound.clear();
      server.inbound.clear();
      client.node.ends.remove(client);
      server.node.ends.remove(server);
      client.session.disconnected();
      server.session.disconnected();
    }
  }

  Node node(String name, Store store, SyncConfig config) {
    Node n = new Node(name, store, config);
    nodes.add(n);
    return n;
  }

  /** Opens a connection from {@code client} to {@code server} and starts both sessions. */
  Conn connect(Node client, Node server) {
    return connect(client, client.config, server, server.config);
  }

  Conn connect(Node client, SyncConfig clientConfig, Node server, SyncConfig serverConfig) {
    End c =
        new End(client, PeerSession.open(Role.CLIENT, client.store, clientConfig, client.memory));
    End s =
        new End(server, PeerSession.open(Role.SERVER, server.store, serverConfig, server.memory));
    c.other = s;
    s.other = c;
    Conn conn = new Conn(c, s);
    c.conn = conn;
    s.conn = conn;
    client.ends.add(c);
    server.ends.add(s);
    conns.add(conn);
    s.session.start(s);
    c.session.start(c);
    return conn;
  }

  List<Conn> openConns() {
    return conns.stream().filter(c -> c.open).toList();
  }

  /** Delivers everything pending, in a fixed round-robin order, until nothing moves. */
  void settle() {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Conn c : openConns()) {
        progress |= c.server.step();
        progress |= c.client.step();
      }
    }
  }

  /** Delivers one pending thing chosen by {@code random}; false when nothing is pending. */
  boolean step(Random random) {
    List<End> busy = new ArrayList<>();
    for (Conn c : openConns()) {
      for (End e : List.of(c.client, c.server)) {
        if (!e.events.isEmpty() || !e.inbound.isEmpty() || e.other.closing) {
          busy.add(e);
        }
      }
    }
    if (busy.isEmpty()) {
      return false;
    }
    busy.get(random.nextInt(busy.size())).step();
    return true;
  }

  List<Node> nodes() {
    return nodes;
  }

  @Override
  public void close() throws Exception {
    for (Conn c : conns) {
      c.reset();
    }
    for (Node n : nodes) {
      n.feed.close();
      n.bus.close();
      n.store.close();
    }
  }
}
