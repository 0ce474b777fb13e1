package io.pluresdb.boot.autoconfigure;

import io.pluresdb.jdbc.PluresConnection;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code pluresdb} health: up when a connection opens and answers {@code sys_peers}, with this
 * node's and database's ids, the listening port, and the peers (how many, how many live, how far
 * behind, how many of their transactions are parked); down with the error otherwise.
 */
public class PluresHealthIndicator extends AbstractHealthIndicator {
  static final String PRODUCT = "PluresDB";

  private final DataSource dataSource;

  public PluresHealthIndicator(DataSource dataSource) {
    super("PluresDB health check failed");
    this.dataSource = dataSource;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      PluresConnection plures = c.unwrap(PluresConnection.class);
      PeerSummary peers = PeerSummary.read(c);
      builder
          .up()
          .withDetail("database", PRODUCT)
          .withDetail("node", plures.nodeId())
          .withDetail("databaseId", plures.databaseId())
          .withDetail("listenPort", plures.listenPort())
          .withDetail("peers", peers.peers())
          .withDetail("livePeers", peers.live())
          .withDetail("behind", peers.behind())
          .withDetail("parked", peers.parked());
    }
  }
}
