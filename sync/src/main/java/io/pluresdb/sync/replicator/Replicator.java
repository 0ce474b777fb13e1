package io.pluresdb.sync.replicator;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pluresdb.crdt.store.Parked;
import io.pluresdb.crdt.store.ParkedSummary;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.http.HttpRoutes;
import io.pluresdb.sync.netty.FanOut;
import io.pluresdb.sync.netty.SessionLink;
import io.pluresdb.sync.netty.StatusRoute;
import io.pluresdb.sync.netty.SyncServer;
import io.pluresdb.sync.protocol.NodeMemory;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.Role;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one store in sync with its peers: accepts connections on {@code listen}, dials each peer
 * URL (reconnecting with backoff), and fans every committed transaction and notification of the
 * store out to every session. Sessions run on a shared pool, each on its own serial executor; the
 * event loops only move bytes. What the node's sessions remember across connections (resume points,
 * delivered notifications) is the replicator's {@link NodeMemory}, handed to each session it makes.
 *
 * <p>Thread-safe. The set of live links is concurrent; {@link #close} stops the dialers, the
 * listener, the connections, the timers and the threads, and waits for them.
 */
public final class Replicator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Replicator.class);
  private static final int IO_THREADS = 2;
  private static final int CLOSED_KEPT = 16;

  private final Store store;
  private final ReplicatorConfig config;
  private final SessionFactory sessions;
  private final NodeMemory memory = new NodeMemory();
  private final HttpRoutes routes = new HttpRoutes();
  private final EventLoopGroup group;
  private final ExecutorService pool;
  private final ScheduledExecutorService timer;
  private final Set<SessionLink> links = ConcurrentHashMap.newKeySet();
  private final AtomicInteger serving = new AtomicInteger(); // accepted sessions, not refused
  private final Deque<PeerRow> recentlyClosed = new ArrayDeque<>(); // guarded by itself
  private final List<PeerDialer> dialers = new ArrayList<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private SyncServer server;

  private Replicator(Store store, ReplicatorConfig config, SessionFactory sessions) {
    this.store = store;
    this.config = config;
    this.sessions = sessions;
    this.group =
        new MultiThreadIoEventLoopGroup(
            IO_THREADS, threads("pluresdb-sync-io"), NioIoHandler.newFactory());
    this.pool = SessionPool.create(threads("pluresdb-sync-session"));
    this.timer = Executors.newSingleThreadScheduledExecutor(threads("pluresdb-sync-timer"));
  }

  /**
   * Starts replicating {@code store}: binds the listener (if any), subscribes to the store's feeds
   * and starts dialing the peers. A listener on an address other than loopback needs a token.
   *
   * @throws IllegalArgumentException for a configuration that must not run
   * @throws java.io.UncheckedIOException (or another runtime exception) when the listener cannot
   *     bind
   */
  public static Replicator start(Store store, ReplicatorConfig config, SessionFactory sessions)
      throws InterruptedException {
    InetSocketAddress listen = config.listen();
    if (listen != null
        && !listen.getAddress().isLoopbackAddress()
        && (config.token() == null || config.token().isEmpty())) {
      throw new IllegalArgumentException(
          "listening on "
              + listen.getHostString()
              + ":"
              + listen.getPort()
              + " (not a loopback address) requires a token: set one, or listen on 127.0.0.1");
    }
    Replicator r = new Replicator(store, config, sessions);
    try {
      r.startParts();
    } catch (InterruptedException | RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  private void startParts() throws InterruptedException {
    subscriptions.add(store.changeFeed().subscribe(change -> FanOut.committed(links, change)));
    subscriptions.add(store.notifications().subscribe(n -> links.forEach(l -> l.notified(n))));
    long tick = config.tickInterval().toMillis();
    timer.scheduleAtFixedRate(
        () -> links.forEach(SessionLink::tick), tick, tick, TimeUnit.MILLISECONDS);
    if (config.listen() != null) {
      server =
          SyncServer.bind(
              group,
              config.listen(),
              config.tls(),
              config.limits(),
              config.admission(),
              new StatusRoute(config.token(), this::statusPage),
              routes,
              ch -> openLink(ch, Role.SERVER, String.valueOf(ch.remoteAddress())));
      LOG.info("node {} listening on {}", store.nodeId(), server.boundAddress());
    }
    for (var uri : config.peers()) {
      PeerDialer d = new PeerDialer(uri, this, timer);
      dialers.add(d);
      d.connect();
    }
  }

  /** The listener's bound address (its real port when port 0 was asked), or null. */
  public InetSocketAddress listenAddress() {
    return server == null ? null : server.boundAddress();
  }

  /** The plain HTTP routes served on the listener's port beside {@code /status}. */
  public HttpRoutes httpRoutes() {
    return routes;
  }

  /** Connections this node's listener holds open now (0 when it does not listen). */
  public int openConnections() {
    return server == null ? 0 : server.openConnections();
  }

  ReplicatorConfig config() {
    return config;
  }

  /** A connection attempt to a peer begins; returns its end (see {@link Store#dialing}). */
  Runnable dialing() {
    return store.dialing();
  }

  EventLoopGroup group() {
    return group;
  }

  /**
   * Opens the link of a connection whose handshake completed (event loop); null when the node is at
   * its session limit, and then the connection is refused before any session is made for it.
   */
  @Nullable SessionLink openLink(Channel channel, Role role, String address) {
    int limit = config.admission().maxSessions();
    if (role == Role.SERVER && serving.incrementAndGet() > limit) {
      serving.decrementAndGet();
      PeerRow refused = SessionLimit.refuse(channel, address, role, limit);
      channel.closeFuture().addListener(f -> keepClosed(refused));
      return null;
    }
    SessionLink link =
        new SessionLink(channel, sessions.open(role, memory), pool, config.limits(), address);
    links.add(link);
    channel
        .closeFuture()
        .addListener(
            f -> {
              // One step under the lock that peers() reads under: a reader never sees the link
              // both live and recently closed (two rows of one connection).
              synchronized (recentlyClosed) {
                links.remove(link);
                if (role == Role.SERVER) {
                  serving.decrementAndGet();
                  keepClosed(new PeerRow(address, link.closedStatus()));
                }
              }
            });
    return link;
  }

  private void keepClosed(PeerRow row) {
    synchronized (recentlyClosed) {
      recentlyClosed.addFirst(row);
      while (recentlyClosed.size() > CLOSED_KEPT) {
        recentlyClosed.removeLast();
      }
    }
  }

  /**
   * Every peer: the live connections, each configured peer that is not connected, and the last few
   * accepted connections that closed (so a refused peer shows why), each with what this node holds
   * parked from the peer's node; and a row for each other node with transactions parked here (one
   * that has not connected since this node started), so that no stall goes unseen.
   */
  public List<PeerRow> peers() {
    List<PeerRow> rows = new ArrayList<>();
    List<PeerRow> closed;
    synchronized (recentlyClosed) {
      for (SessionLink l : links) {
        rows.add(
            new PeerRow(
                l.address(), l.status(), Parked.NONE, l.bytesInFlight(), l.deliveriesPerSecond()));
      }
      closed = new ArrayList<>(recentlyClosed);
    }
    for (PeerDialer d : dialers) {
      if (d.link() == null) {
        rows.add(d.idleRow());
      }
    }
    rows.addAll(closed);
    ParkedSummary parked = store.parked();
    Set<String> shown = new HashSet<>();
    List<PeerRow> out = new ArrayList<>(rows.size());
    for (PeerRow r : rows) {
      String node = r.status().peerNode();
      shown.add(node);
      out.add(r.withParked(parked.of(node)));
    }
    parked.byOrigin().entrySet().stream()
        .filter(e -> !shown.contains(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(new PeerRow(null, absent(e.getKey()), e.getValue())));
    return out;
  }

  /** The status of a node that has no session here (null node: records with no origin). */
  private static PeerStatus absent(String node) {
    return new PeerStatus(
        node.isEmpty() ? null : node, null, PeerStatus.State.CLOSED, null, 0, 0, 0, 0, 0, null);
  }

  /** The status page served at {@code GET /status}. */
  public String statusPage() {
    InetSocketAddress a = listenAddress();
    return StatusJson.page(
        store.nodeId(),
        store.databaseId(),
        a == null ? null : a.getHostString() + ":" + a.getPort(),
        store.parked().total(),
        serving.get(),
        config.admission().maxSessions(),
        peers());
  }

  @Override
  public void close() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.warn("unsubscribing the replicator failed", e);
      }
    }
    subscriptions.clear();
    timer.shutdownNow();
    for (PeerDialer d : dialers) {
      d.close();
    }
    if (server != null) {
      server.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    // sessions finish what they were doing (their disconnect), then the threads end
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
