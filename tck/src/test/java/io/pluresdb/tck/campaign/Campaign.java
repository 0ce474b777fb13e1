package io.pluresdb.tck.campaign;

import static org.awaitility.Awaitility.await;

import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.tck.sync.Forger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs one {@link Schedule} over real nodes: a hub and its clients, each its own JVM, each client
 * reaching the hub through its own {@link LinkProxy}. Then heals every link, restarts every dead
 * node, waits until the nodes agree and checks what they hold ({@link Verdict}).
 *
 * <p>Not thread-safe: one test thread runs it.
 */
final class Campaign implements AutoCloseable {
  /** The bound on convergence after healing: generous, since the wait ends when the nodes agree. */
  static final Duration CONVERGE = Duration.ofSeconds(180);

  static final String TOKEN = "s3cret";

  private final Path dir;
  private final Schedule schedule;
  private final NodeProcess[] nodes;
  private final LinkProxy[] links;
  private final Set<String> acknowledged = new TreeSet<>();
  private final Set<String> refused = new TreeSet<>();
  private final String[] nodeIds;
  private int hubPort;
  private int forgeries;
  private int skippedForgeries;

  Campaign(Path dir, Schedule schedule) {
    this.dir = dir;
    this.schedule = schedule;
    this.nodes = new NodeProcess[schedule.nodes()];
    this.links = new LinkProxy[schedule.nodes()];
    this.nodeIds = new String[schedule.nodes()];
  }

  /** Runs the schedule and checks the end state; returns a one-line summary. */
  String run() throws Exception {
    Files.createDirectories(dir);
    nodes[0] = start(0);
    hubPort = nodes[0].port();
    for (int i = 1; i < nodes.length; i++) {
      links[i] = new LinkProxy(hubPort);
      nodes[i] = start(i);
    }
    for (String ddl : Schedule.SETUP) {
      write(new Step.Write(0, "", List.of(ddl), Step.Expect.COMMITS));
    }
    awaitNodes("the shared tables reach every node", s -> s.tables().containsKey("audit"));
    for (Step step : schedule.steps()) {
      perform(step);
    }
    for (int i = 0; i < nodes.length; i++) {
      if (links[i] != null) {
        links[i].heal();
      }
      if (nodes[i] == null) {
        nodes[i] = start(i);
      }
    }
    List<Snapshot> end = awaitConvergence();
    new Verdict(schedule, acknowledged, refused).check(end);
    return acknowledged.size()
        + " acknowledged, "
        + refused.size()
        + " refused writes, "
        + forgeries
        + " forgeries refused ("
        + skippedForgeries
        + " skipped: victim unknown to the hub)";
  }

  private void perform(Step step) throws Exception {
    if (step instanceof Step.Write w) {
      write(w);
    } else if (step instanceof Step.Cut c) {
      links[c.node()].cut();
    } else if (step instanceof Step.Heal h) {
      links[h.node()].heal();
    } else if (step instanceof Step.Forge f) {
      forge(f.node());
    } else if (step instanceof Step.Kill k) {
      nodes[k.node()].kill();
      nodes[k.node()] = null;
    } else if (step instanceof Step.Restart r) {
      nodes[r.node()] = start(r.node());
    }
  }

  /** One forgery in {@code victim}'s name, stamped a minute ahead (inside the drift allowance). */
  private void forge(int victim) throws Exception {
    long node = Long.parseLong(nodeIds[victim], 16);
    try (Forger forger = Forger.connect(hubPort)) {
      if (forger.welcome().versionVector().lastOf(node) == null) {
        // the hub has no record of the victim yet, so no key of it is pinned: an unsigned record
        // in an unknown node's name is accepted by design (a database of the previous version may
        // join), so there is nothing to forge against
        skippedForgeries++;
        return;
      }
      Transaction tx = forger.forge(node, 60_000, "forged", ++forgeries, "forged");
      forger.sendBatch(TxCodec.encode(tx));
      Forger.Closed closed = forger.closed();
      if (closed.status() == 1000 || !closed.reason().startsWith("transaction " + tx.id())) {
        throw new AssertionError("the hub did not refuse a forged transaction: " + closed);
      }
    }
  }

  private void write(Step.Write w) throws Exception {
    NodeProcess.Answer a = nodes[w.node()].send(NodeProtocol.tx(w.sql()));
    if (a.ok()) {
      if (!w.token().isEmpty()) {
        acknowledged.add(w.token());
      }
    } else if (w.expect() != Step.Expect.COMMITS && a.sqlState().equals("23505")
        || w.expect() == Step.Expect.MAY_CLASH && a.sqlState().startsWith("42")) {
      if (!w.token().isEmpty()) {
        refused.add(w.token());
      }
    } else {
      throw new AssertionError("step " + w + " answered " + a.status());
    }
  }

  private NodeProcess start(int node) throws IOException, InterruptedException {
    String name = "n" + node;
    StringBuilder url = new StringBuilder("jdbc:pluresdb:");
    url.append(dir.resolve(name + ".db")).append("?node=").append(name);
    url.append("&token=").append(TOKEN);
    url.append(ClockSkew.property(schedule.clockOffsetsMillis().get(node)));
    if (node == 0) {
      url.append("&listen=127.0.0.1:").append(hubPort);
    } else {
      url.append("&peers=ws://127.0.0.1:").append(links[node].port());
    }
    NodeProcess p = NodeProcess.start(name, url.toString(), dir.resolve(name + ".log"));
    nodeIds[node] = p.nodeId();
    return p;
  }

  /**
   * Waits until every node holds the same schema and rows and reports each of its peers live with
   * nothing behind, and returns what they hold.
   */
  private List<Snapshot> awaitConvergence() throws Exception {
    List<Snapshot> last = new ArrayList<>();
    try {
      await()
          .atMost(CONVERGE)
          .pollInSameThread()
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                last.clear();
                for (NodeProcess n : nodes) {
                  last.add(Snapshot.of(n));
                }
                return converged(last);
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no convergence in " + CONVERGE.toSeconds() + " s: " + why(last), e);
    }
    return List.copyOf(last);
  }

  private boolean converged(List<Snapshot> s) {
    for (int i = 0; i < s.size(); i++) {
      if (!s.get(i).sameData(s.get(0)) || s.get(i).liveButBehind() > 0) {
        return false;
      }
      long expectedLive = i == 0 ? nodes.length - 1 : 1;
      if (s.get(i).liveAndCaughtUp() < expectedLive) {
        return false;
      }
    }
    return true;
  }

  private static String why(List<Snapshot> s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.size(); i++) {
      b.append("\n  n").append(i).append(" peers ").append(s.get(i).peers());
      String diff = s.get(i).differenceFrom(s.get(0));
      if (diff != null) {
        b.append("\n  n").append(i).append(" differs from n0: ").append(diff);
      }
    }
    return b.toString();
  }

  /** Awaits a condition on every node's snapshot (bounded by {@link #CONVERGE}). */
  private void awaitNodes(String what, java.util.function.Predicate<Snapshot> condition) {
    await(what)
        .atMost(CONVERGE)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              for (NodeProcess n : nodes) {
                if (!condition.test(Snapshot.of(n))) {
                  return false;
                }
              }
              return true;
            });
  }

  @Override
  public void close() throws Exception {
    for (int i = nodes.length - 1; i >= 0; i--) {
      if (nodes[i] != null) {
        nodes[i].quit();
      }
      if (links[i] != null) {
        links[i].close();
      }
    }
  }
}
