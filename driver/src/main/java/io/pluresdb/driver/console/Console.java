package io.pluresdb.driver.console;

import io.pluresdb.sync.http.HttpRoutes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
 * The web console of a node, mounted at {@code /console/} on its replication port. It owns two
 * kinds of threads, both closed by {@link #close}: a small pool that answers the console's requests
 * (each on a connection of its own) and one that samples the peers every {@link #SAMPLE_EVERY}.
 *
 * <p>Thread-safe: built once; {@link #close} is idempotent.
 */
public final class Console implements AutoCloseable {
  /** How often the peers' lag is sampled for the chart. */
  public static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(Console.class);
  private static final int THREADS = 4;

  private final ExecutorService executor;
  private final ScheduledExecutorService sampler;
  private final Set<LiveView> liveViews = ConcurrentHashMap.newKeySet();
  private final PeerHistory history = new PeerHistory(Clock.systemUTC());
  private final Connections connections;
  private @Nullable Connection samplingConnection; // sampler thread only, then close()
  private @Nullable AutoCloseable mount;

  private Console(Connections connections) {
    this.connections = connections;
    this.executor = Executors.newFixedThreadPool(THREADS, threads("pluresdb-console"));
    this.sampler = Executors.newSingleThreadScheduledExecutor(threads("pluresdb-console-sampler"));
  }

  /**
   * Mounts the console on {@code routes}, admitting whoever presents {@code token} (everyone when
   * it is null), and starts sampling the peers through a connection from {@code connections}.
   */
  public static Console start(HttpRoutes routes, @Nullable String token, Connections connections) {
    Console c = new Console(connections);
    ConsoleRoute route =
        new ConsoleRoute(
            new ConsoleAuth(token), Assets.load(), c.history, connections, c.executor, c.liveViews);
    c.sampler.scheduleWithFixedDelay(c::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    c.mount = routes.mount(route);
    return c;
  }

  private void sample() {
    try {
      Connection c = samplingConnection;
      if (c == null) {
        c = connections.open();
        samplingConnection = c;
      }
      history.sample(c);
    } catch (SQLException | RuntimeException e) {
      // the next sample tries again; a node shutting down ends here too
      LOG.debug("sampling the peers failed", e);
    }
  }

  @Override
  public void close() throws Exception {
    AutoCloseable m = mount;
    mount = null;
    if (m != null) {
      m.close();
    }
    sampler.shutdownNow();
    for (LiveView v : liveViews) {
      v.close(); // here, not on a network thread: see LiveView
    }
    executor.shutdown();
    if (!sampler.awaitTermination(30, TimeUnit.SECONDS)
        || !executor.awaitTermination(30, TimeUnit.SECONDS)) {
      executor.shutdownNow();
      LOG.warn("console threads still running after 30 s");
    }
    Connection c = samplingConnection;
    samplingConnection = null;
    if (c != null) {
      c.close();
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
