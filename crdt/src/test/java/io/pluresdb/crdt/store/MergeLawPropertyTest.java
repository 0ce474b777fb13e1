package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Nodes.sync;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The merge rules, one at a time, over random clock readings of two nodes. */
class MergeLawPropertyTest {
  private static final long T0 = 1_700_000_000_000L;

  @Property(tries = 30)
  void aRowExistsIffItsLatestInsertIsLaterThanItsLatestDelete(
      @ForAll @LongRange(min = 1, max = 50) long deleteAt,
      @ForAll @LongRange(min = 1, max = 50) long reinsertAt)
      throws SQLException {
    try (Nodes nodes = new Nodes()) {
      Store a = nodes.add(T0);
      Store b = nodes.add(T0);
      Nodes.createTables(a);
      write(a, tx -> tx.insert("kv", new Object[] {1L, "first", 1L, 1.0}, OnConflict.ERROR));
      sync(a, b);
      nodes.clocks.get(0).set(T0 + deleteAt);
      write(a, tx -> tx.delete("kv", new Object[] {1L}));
      OpId delete = last(a).ops().get(0).id();
      nodes.clocks.get(1).set(T0 + reinsertAt);
      write(
          b,
          tx -> {
            tx.delete("kv", new Object[] {1L});
            tx.insert("kv", new Object[] {1L, "again", 2L, 2.0}, OnConflict.ERROR);
          });
      OpId reinsert = last(b).ops().get(1).id();
      sync(a, b);
      sync(b, a);
      List<String> expected =
          reinsert.compareTo(delete) > 0 ? List.of("[1, again, 2, 2.0]") : List.of();
      assertThat(Fixtures.dump(a, "SELECT k, a, b, c FROM kv")).isEqualTo(expected);
      assertThat(Fixtures.dump(b, "SELECT k, a, b, c FROM kv")).isEqualTo(expected);
    }
  }

  @Property(tries = 30)
  void concurrentWritesOfOneKeyMergeFieldByField(
      @ForAll @Size(min = 2, max = 8) List<@IntRange(min = 0, max = 31) Integer> writes)
      throws SQLException {
    try (Nodes nodes = new Nodes()) {
      Store a = nodes.add(T0);
      Store b = nodes.add(T0);
      Nodes.createTables(a);
      sync(a, b);
      // each write: bit 0 picks the node, bits 1-3 the columns updated, bit 4 a clock step
      for (int i = 0; i < writes.size(); i++) {
        int w = writes.get(i);
        int node = w & 1;
        Store s = nodes.stores.get(node);
        nodes.clocks.get(node).set(nodes.clocks.get(node).millis() + (w >> 4) * 3 + 1);
        long v = i;
        int mask = (w >> 1 & 7) == 0 ? 1 : w >> 1 & 7;
        write(
            s,
            tx -> {
              if (!tx.insert("kv", new Object[] {1L, "i" + v, v, (double) v}, OnConflict.IGNORE)) {
                List<Integer> cols = new ArrayList<>();
                List<Object> vals = new ArrayList<>();
                Object[] all = {"u" + v, v, (double) v};
                for (int c = 0; c < 3; c++) {
                  if ((mask & 1 << c) != 0) {
                    cols.add(c + 1);
                    vals.add(all[c]);
                  }
                }
                tx.update(
                    "kv",
                    new Object[] {1L},
                    cols.stream().mapToInt(Integer::intValue).toArray(),
                    vals.toArray());
              }
            });
      }
      sync(a, b);
      sync(b, a);
      // expected: per field, the value of the operation with the greatest id that set it
      Map<String, Operation> winner = new HashMap<>();
      for (Store s : List.of(a, b)) {
        for (Transaction tx : s.log()) {
          for (Operation op : tx.ops()) {
            if (op.kind() == OpKind.SCHEMA) {
              continue;
            }
            for (String c : op.columns()) {
              Operation w = winner.get(c);
              if (w == null || op.id().compareTo(w.id()) > 0) {
                winner.put(c, op);
              }
            }
          }
        }
      }
      List<Object> row = new ArrayList<>();
      for (String c : List.of("k", "a", "b", "c")) {
        Operation op = winner.get(c);
        row.add(op.values()[List.of(op.columns()).indexOf(c)]);
      }
      String expected = row.toString();
      assertThat(Fixtures.dump(a, "SELECT k, a, b, c FROM kv")).containsExactly(expected);
      assertThat(Fixtures.dump(b, "SELECT k, a, b, c FROM kv")).containsExactly(expected);
    }
  }

  interface Body {
    void run(WriteTxn tx) throws SQLException;
  }

  private static void write(Store s, Body body) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      body.run(tx);
      tx.commit();
    }
  }

  private static Transaction last(Store s) throws SQLException {
    List<Transaction> log = s.log();
    return log.get(log.size() - 1);
  }
}
