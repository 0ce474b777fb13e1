package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static io.pluresdb.crdt.store.Nodes.sync;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Values that lose a last-writer-wins race are recorded once on every node, whatever the order. */
@Timeout(120)
class LostWritesTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final String RACES =
      "SELECT tbl, entity, json_extract(detail, '$.field'), json_extract(detail, '$.lost_value'),"
          + " json_extract(detail, '$.lost_node'), json_extract(detail, '$.won_value'),"
          + " json_extract(detail, '$.won_node') FROM _pl_conflicts WHERE kind = 'WRITE'";
  private final Nodes nodes = new Nodes();
  private Store a;
  private Store b;

  @BeforeEach
  void open() throws SQLException {
    a = nodes.add(T0);
    b = nodes.add(T0);
    Nodes.createTables(a);
    sync(a, b);
    write(a, tx -> tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR));
    sync(a, b);
  }

  @AfterEach
  void close() throws SQLException {
    nodes.close();
  }

  @Test
  void aConcurrentWriteOfOneFieldIsRecordedWithBothSidesOnEachNode() throws SQLException {
    at(a, 100);
    write(a, tx -> tx.update("kv", new Object[] {1L}, new int[] {1}, new Object[] {"from a"}));
    at(b, 200);
    write(b, tx -> tx.update("kv", new Object[] {1L}, new int[] {1}, new Object[] {"from b"}));
    Store c = nodes.add(T0);
    sync(b, c); // c sees the winner first, a the loser first
    sync(a, c);
    sync(a, b);
    sync(b, a);
    String race = "[kv, 1, a, from a, " + a.nodeId() + ", from b, " + b.nodeId() + "]";
    for (Store s : List.of(a, b, c)) {
      assertThat(Fixtures.dump(s, "SELECT a FROM kv")).containsExactly("[from b]");
      assertThat(Fixtures.dump(s, RACES)).containsExactly(race);
    }
    b.rebuild();
    assertThat(Fixtures.dump(b, RACES)).containsExactly(race);
  }

  @Test
  void writesThatSawEachOtherOrSetOtherFieldsAreNoRace() throws SQLException {
    at(a, 100);
    write(a, tx -> tx.update("kv", new Object[] {1L}, new int[] {1}, new Object[] {"from a"}));
    sync(a, b);
    at(b, 200);
    write(b, tx -> tx.update("kv", new Object[] {1L}, new int[] {1}, new Object[] {"from b"}));
    at(a, 300);
    write(a, tx -> tx.update("kv", new Object[] {1L}, new int[] {2}, new Object[] {9L}));
    sync(a, b);
    sync(b, a);
    for (Store s : List.of(a, b)) {
      assertThat(Fixtures.dump(s, "SELECT a, b FROM kv")).containsExactly("[from b, 9]");
      assertThat(Fixtures.dump(s, RACES)).isEmpty();
    }
  }

  @Test
  void anUpdateLostToAConcurrentDeleteIsRecordedOnEachNodeWhicheverArrivesFirst()
      throws SQLException {
    at(b, 50);
    write(b, tx -> tx.delete("kv", new Object[] {1L}));
    at(a, 100);
    write(a, tx -> tx.update("kv", new Object[] {1L}, new int[] {1}, new Object[] {"from a"}));
    Store c = nodes.add(T0);
    sync(b, c); // c sees the delete first, b the update after it, a the delete after the update
    sync(a, c);
    sync(a, b);
    sync(b, a);
    String race = "[kv, 1, a, from a, " + a.nodeId() + ", null, " + b.nodeId() + ", DELETE]";
    String sql = RACES + " AND json_extract(detail, '$.won_by') = 'DELETE'";
    String withKind =
        sql.replace(" FROM _pl_conflicts", ", json_extract(detail, '$.won_by') FROM _pl_conflicts");
    for (Store s : List.of(a, b, c)) {
      assertThat(Fixtures.dump(s, "SELECT a FROM kv")).isEmpty();
      assertThat(Fixtures.dump(s, withKind)).containsExactly(race);
      assertThat(Fixtures.dump(s, RACES)).hasSize(1);
    }
    a.rebuild();
    assertThat(Fixtures.dump(a, withKind)).containsExactly(race);
  }

  @Test
  void aDeleteThatSawTheUpdateLosesNothing() throws SQLException {
    at(a, 100);
    write(a, tx -> tx.update("kv", new Object[] {1L}, new int[] {1}, new Object[] {"from a"}));
    sync(a, b);
    at(b, 200);
    write(b, tx -> tx.delete("kv", new Object[] {1L}));
    sync(b, a);
    for (Store s : List.of(a, b)) {
      assertThat(Fixtures.dump(s, "SELECT a FROM kv")).isEmpty();
      assertThat(Fixtures.dump(s, RACES)).isEmpty();
    }
  }

  private void at(Store s, long offset) {
    nodes.clocks.get(nodes.stores.indexOf(s)).set(T0 + offset);
  }

  private static void write(Store s, MergeTest.TxBody body) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      body.run(tx);
      tx.commit();
    }
  }
}
