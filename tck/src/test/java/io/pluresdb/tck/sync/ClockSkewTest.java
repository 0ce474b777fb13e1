package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rowsOrNone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nodes whose clocks disagree ({@code clock_offset}): within the drift they converge, beyond it
 * they are refused.
 */
class ClockSkewTest extends ClusterTest {
  private static final String HUB = "listen=127.0.0.1:0&token=" + Cluster.TOKEN;

  private Connection skewed(String name, int hubPort, long offsetMillis) throws Exception {
    return cluster.node(
        name,
        "peers=ws://127.0.0.1:"
            + hubPort
            + "&token="
            + Cluster.TOKEN
            + "&clock_offset="
            + offsetMillis);
  }

  @Test
  void nodesSkewedWithinTheDriftConverge() throws Exception {
    Connection hub = cluster.node("hub", HUB + "&max_clock_drift=60000");
    Connection ahead = skewed("ahead", port(hub), 30_000);
    Connection behind = skewed("behind", port(hub), -30_000);
    exec(hub, "CREATE TABLE t (k INTEGER PRIMARY KEY, v VARCHAR(10))");
    awaitSame("SELECT COUNT(*) FROM t", hub, ahead, behind);
    exec(ahead, "INSERT INTO t VALUES (1, 'ahead')");
    // behind's clock is a minute late, yet its later write wins: the hybrid clock orders by
    // causality
    awaitSame("SELECT k, v FROM t", hub, ahead, behind);
    exec(behind, "UPDATE t SET v = 'behind' WHERE k = 1");
    assertThat(awaitSame("SELECT k, v FROM t", hub, ahead, behind))
        .containsExactly(List.of("1", "behind"));
  }

  @Test
  void aNodeSkewedBeyondTheDriftIsRefusedAndNothingIsWritten() throws Exception {
    Connection hub = cluster.node("hub", HUB + "&max_clock_drift=60000");
    exec(hub, "CREATE TABLE t (k INTEGER PRIMARY KEY)");
    Connection future = skewed("future", port(hub), 600_000);
    exec(future, "CREATE TABLE late (k INTEGER PRIMARY KEY)");
    exec(future, "INSERT INTO late VALUES (1)");

    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () ->
                rowsOrNone(hub, "SELECT close_reason FROM sys_peers").stream()
                    .anyMatch(r -> r.get(0).startsWith("CLOCK_DRIFT")));
    assertThat(rowsOrNone(hub, "SELECT k FROM late")).isEmpty();
  }
}
