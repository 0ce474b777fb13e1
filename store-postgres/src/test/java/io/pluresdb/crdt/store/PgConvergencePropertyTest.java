package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.store.postgres.PgHub;
import io.pluresdb.store.postgres.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The convergence invariant of {@link ConvergencePropertyTest} through the shared log in
 * PostgreSQL: whatever three nodes write, their logs appended to it by several hubs, in any
 * interleaving and with any duplication, hold every transaction once, in an order from which a
 * fresh node reading page by page ends with the same tables and clocks as nodes synced directly.
 */
class PgConvergencePropertyTest {
  @Provide
  Arbitrary<List<ConvergencePropertyTest.Action>> actions() {
    return new ConvergencePropertyTest().actions();
  }

  @Property(tries = 15)
  void theLogThroughPostgresqlGivesTheSameTables(
      @ForAll("actions") List<ConvergencePropertyTest.Action> actions, @ForAll Random random)
      throws SQLException {
    try (Nodes nodes = Nodes.threeWithTables(1_700_000_000_000L, 7);
        PgHub hub = TestPostgres.freshHub()) {
      for (ConvergencePropertyTest.Action a : actions) {
        ConvergencePropertyTest.run(nodes, a);
      }
      // each node's log goes in, in its own order, in pages interleaved at random, some twice
      List<List<ReceivedTx>> logs = new ArrayList<>();
      VersionVector all = VersionVector.empty();
      for (Store s : nodes.stores) {
        logs.add(Nodes.received(s));
        all = all.merge(s.versionVector());
      }
      int[] at = new int[logs.size()];
      while (true) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
          if (at[i] < logs.get(i).size()) {
            open.add(i);
          }
        }
        if (open.isEmpty()) {
          break;
        }
        int i = open.get(random.nextInt(open.size()));
        int from = random.nextInt(3) == 0 ? Math.max(0, at[i] - 2) : at[i];
        int to = Math.min(logs.get(i).size(), at[i] + 1 + random.nextInt(4));
        hub.log().append(logs.get(i).subList(from, to));
        at[i] = to;
      }
      List<ReceivedTx> union = nodes.union();
      for (Store s : nodes.stores) {
        s.applyRemote(union).orThrow();
      }
      List<String> expected = Nodes.state(nodes.stores.get(0));

      assertThat(hub.log().lastSeq()).isEqualTo(union.size());
      assertThat(hub.log().versionVector()).isEqualTo(all);
      Store fresh = nodes.add(1_700_000_000_000L);
      long cursor = 0;
      List<LogEntry> page;
      while (!(page = hub.log().readAfter(cursor, 1 + random.nextInt(5))).isEmpty()) {
        fresh.applyRemote(page.stream().map(LogEntry::received).toList()).orThrow();
        cursor = page.get(page.size() - 1).seq();
      }
      assertThat(Nodes.state(fresh)).isEqualTo(expected);
      // causal order: nothing had to wait for a precursor
      assertThat(fresh.parked().total().count()).isZero();
    }
  }
}
