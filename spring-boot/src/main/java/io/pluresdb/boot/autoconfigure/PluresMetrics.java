package io.pluresdb.boot.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters of the node's replication, read from {@code sys_peers} when the registry asks:
 * gauges {@code pluresdb.peers} (tag {@code state}: all or live), {@code pluresdb.peers.behind}
 * (transactions the peers are behind: the lag) and {@code pluresdb.parked}, and counters {@code
 * pluresdb.transactions.sent} and {@code .received} (committed transactions exchanged).
 */
public class PluresMetrics implements MeterBinder {
  private static final Logger LOG = LoggerFactory.getLogger(PluresMetrics.class);

  private final DataSource dataSource;

  public PluresMetrics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "pluresdb.peers", "all", "peers this node has or dials", s -> s.peers());
    gauge(registry, "pluresdb.peers", "live", "peers in a live session", s -> s.live());
    Gauge.builder("pluresdb.peers.behind", this, m -> m.read().behind())
        .description("transactions this node holds that its peers are not yet known to hold")
        .register(registry);
    Gauge.builder("pluresdb.parked", this, m -> m.read().parked())
        .description("received transactions waiting for a precursor")
        .register(registry);
    FunctionCounter.builder("pluresdb.transactions.sent", this, m -> m.read().sent())
        .description("committed transactions sent to peers")
        .register(registry);
    FunctionCounter.builder("pluresdb.transactions.received", this, m -> m.read().received())
        .description("committed transactions received from peers")
        .register(registry);
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String state,
      String description,
      ToDoubleFunction<PeerSummary> value) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.read()))
        .tag("state", state)
        .description(description)
        .register(registry);
  }

  /** The current summary; an unreadable database reads as no peers, logged at debug. */
  PeerSummary read() {
    try {
      return PeerSummary.read(dataSource);
    } catch (SQLException e) {
      LOG.debug("cannot read sys_peers for metrics", e);
      return PeerSummary.NONE;
    }
  }
}
