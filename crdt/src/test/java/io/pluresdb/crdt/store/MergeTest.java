package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static io.pluresdb.crdt.store.Nodes.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class MergeTest {
  private static final long T0 = 1_700_000_000_000L;
  private final Nodes nodes = new Nodes();
  private Store a;
  private Store b;

  @BeforeEach
  void open() throws SQLException {
    a = nodes.add(T0);
    b = nodes.add(T0);
    Nodes.createTables(a);
    sync(a, b);
  }

  @AfterEach
  void close() throws SQLException {
    nodes.close();
  }

  private void at(Store s, long offset) {
    nodes.clocks.get(nodes.stores.indexOf(s)).set(T0 + offset);
  }

  private static void write(Store s, TxBody body) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      body.run(tx);
      tx.commit();
    }
  }

  interface TxBody {
    void run(WriteTxn tx) throws SQLException;
  }

  private static List<String> kv(Store s) throws SQLException {
    return Fixtures.dump(s, "SELECT k, a, b, c FROM kv");
  }

  private static void syncBoth(Store x, Store y) throws SQLException {
    sync(x, y);
    sync(y, x);
  }

  @Test
  void deleteBeatsAConcurrentLaterUpdate() throws SQLException {
    write(a, tx -> tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR));
    sync(a, b);
    at(a, 100);
    write(a, tx -> tx.delete("kv", new Object[] {1L}));
    at(b, 200);
    write(b, tx -> tx.update("kv", new Object[] {1L}, new int[] {1}, new Object[] {"late"}));
    syncBoth(a, b);
    assertThat(kv(a)).isEmpty();
    assertThat(kv(b)).isEmpty();
  }

  @Test
  void anInsertAfterTheDeleteBringsTheRowBack() throws SQLException {
    write(a, tx -> tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR));
    sync(a, b);
    at(a, 100);
    write(a, tx -> tx.delete("kv", new Object[] {1L}));
    sync(a, b);
    at(b, 200);
    write(b, tx -> tx.insert("kv", new Object[] {1L, "again", 2L, 2.0}, OnConflict.ERROR));
    assertThat(b.log().get(b.log().size() - 1).ops().get(0).precursors()).isNotEmpty();
    syncBoth(a, b);
    assertThat(kv(a)).containsExactly("[1, again, 2, 2.0]");
    assertThat(kv(b)).isEqualTo(kv(a));
  }

  @Test
  void concurrentInsertsOfOneKeyMergeFieldByField() throws SQLException {
    at(a, 100);
    write(a, tx -> tx.insert("kv", new Object[] {1L, "a1", 1L, 1.0}, OnConflict.ERROR));
    at(b, 200);
    write(b, tx -> tx.insert("kv", new Object[] {1L, "b1", 2L, 2.0}, OnConflict.ERROR));
    at(a, 300);
    write(a, tx -> tx.update("kv", new Object[] {1L}, new int[] {1}, new Object[] {"a2"}));
    syncBoth(a, b);
    // a: the update at 300 wins; b, c: the insert at 200 wins over the insert at 100
    assertThat(kv(a)).containsExactly("[1, a2, 2, 2.0]");
    assertThat(kv(b)).isEqualTo(kv(a));
  }

  @Test
  void transactionsWaitForTheirPrecursorsAndApplyOnce() throws SQLException {
    write(a, tx -> tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR));
    write(a, tx -> tx.update("kv", new Object[] {1L}, new int[] {2}, new Object[] {5L}));
    List<ReceivedTx> log = Nodes.received(a);
    Store c = nodes.add(T0);
    ApplyResult early = c.applyRemote(List.of(log.get(2), log.get(1)));
    assertThat(early).isEqualTo(new ApplyResult.Applied(0, 0, 2, 2));
    assertThat(((SqliteStore) c).count("_pl_pending")).isEqualTo(2);
    ApplyResult.Applied rest = c.applyRemote(List.of(log.get(0))).orThrow();
    assertThat(rest.applied()).isEqualTo(3);
    assertThat(kv(c)).containsExactly("[1, x, 5, 1.0]");
    assertThat(c.applyRemote(log)).isEqualTo(new ApplyResult.Applied(0, 3, 0, 0));
    assertThat(((SqliteStore) c).count("_pl_pending")).isZero();
    assertThat(c.log()).hasSize(3);
  }

  @Test
  void aTransactionIsAppliedAllOrNothing() throws SQLException {
    write(
        a,
        tx -> {
          tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR);
          tx.insert("kv", new Object[] {2L, "y", 2L, 2.0}, OnConflict.ERROR);
        });
    ReceivedTx t = Nodes.received(a).get(1);
    List<ChangeSet> seen = new CopyOnWriteArrayList<>();
    try (AutoCloseable sub = b.changeFeed().subscribe(seen::add)) {
      assertThat(b.applyRemote(List.of(t)).orThrow().applied()).isEqualTo(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(kv(b)).hasSize(2);
    assertThat(seen)
        .singleElement()
        .satisfies(
            cs -> {
              assertThat(cs.local()).isFalse();
              assertThat(cs.node()).isEqualTo(a.nodeId());
              assertThat(cs.txId()).isEqualTo(t.tx().id().toString());
              assertThat(cs.changes())
                  .extracting(EntityChange::kind)
                  .containsExactly(EntityChange.Kind.INSERT, EntityChange.Kind.INSERT);
            });
  }

  @Test
  void operationsFromTooFarInTheFutureAreRefused() throws SQLException {
    write(a, tx -> tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR));
    ReceivedTx t = Nodes.received(a).get(1);
    at(b, -java.time.Duration.ofMinutes(6).toMillis());
    ApplyResult refused = b.applyRemote(List.of(t));
    assertThat(refused)
        .isInstanceOfSatisfying(
            ApplyResult.ClockDrift.class,
            d -> {
              assertThat(d.op()).isEqualTo(t.tx().lastId());
              assertThat(d.message()).contains(a.nodeId());
            });
    assertThatThrownBy(refused::orThrow)
        .hasMessageContaining(a.nodeId())
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22008");
    assertThat(kv(b)).isEmpty();
    assertThat(b.log()).hasSize(1);
  }

  @Test
  void dataOfATableNotYetCreatedWaitsForTheSchema() throws SQLException {
    write(a, tx -> tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR));
    List<ReceivedTx> log = Nodes.received(a);
    Store c = nodes.add(T0);
    // a made-up transaction of another node refers to the table without a precursor
    OpId other = OpId.of(T0, 0, 0x77);
    Transaction foreign =
        new Transaction(
            other,
            null,
            List.of(
                new Operation(
                    OpId.of(T0, 1, 0x77),
                    io.pluresdb.crdt.op.OpKind.INSERT,
                    "kv",
                    new Object[] {2L},
                    new String[] {"k", "a"},
                    new Object[] {2L, "z"},
                    List.of(),
                    null)));
    assertThat(c.applyRemote(List.of(ReceivedTx.encode(foreign))).orThrow().pending()).isEqualTo(1);
    c.applyRemote(log).orThrow();
    assertThat(kv(c)).containsExactly("[1, x, 1, 1.0]", "[2, z, null, null]");
  }

  @Test
  void aUniqueValueWrittenConcurrentlyStaysWithTheOlderEntityOnEveryNode() throws SQLException {
    write(
        a, tx -> tx.schema(new io.pluresdb.crdt.schema.SchemaChange.CreateTable(Fixtures.album())));
    sync(a, b);
    at(a, 100);
    write(a, tx -> tx.insert("album", new Object[] {1L, "x", null, null}, OnConflict.ERROR));
    at(b, 200);
    write(b, tx -> tx.insert("album", new Object[] {2L, "x", null, null}, OnConflict.ERROR));
    Store c = nodes.add(T0);
    sync(b, c);
    sync(a, c);
    sync(a, b);
    sync(b, a);
    for (Store s : List.of(a, b, c)) {
      assertThat(Fixtures.dump(s, "SELECT id, name FROM album")).containsExactly("[1, x]");
      assertThat(Fixtures.dump(s, "SELECT tbl, entity, kind FROM _pl_conflicts"))
          .containsExactly("[album, [2], UNIQUE_VIOLATION]");
    }
    write(a, tx -> tx.delete("album", new Object[] {1L}));
    sync(a, b);
    sync(a, c);
    for (Store s : List.of(a, b, c)) {
      assertThat(Fixtures.dump(s, "SELECT id, name FROM album")).containsExactly("[2, x]");
    }
    b.rebuild();
    assertThat(Fixtures.dump(b, "SELECT id, name FROM album")).containsExactly("[2, x]");
  }

  @Test
  void columnsAddedConcurrentlyTakeTheSameOrderOnEveryNode() throws SQLException {
    write(a, tx -> tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR));
    sync(a, b);
    at(a, 100);
    write(
        a,
        tx ->
            tx.schema(
                new io.pluresdb.crdt.schema.SchemaChange.AddColumn(
                    "kv", io.pluresdb.crdt.schema.ColumnDef.of("early", ColumnType.BIGINT))));
    at(b, 200);
    write(
        b,
        tx -> {
          tx.schema(
              new io.pluresdb.crdt.schema.SchemaChange.AddColumn(
                  "kv", io.pluresdb.crdt.schema.ColumnDef.of("late", ColumnType.BIGINT)));
          tx.update("kv", new Object[] {1L}, new int[] {4}, new Object[] {7L});
        });
    at(a, 300);
    write(a, tx -> tx.update("kv", new Object[] {1L}, new int[] {4}, new Object[] {5L}));
    syncBoth(a, b);
    for (Store s : List.of(a, b)) {
      assertThat(s.catalog().table("kv").columns())
          .extracting(io.pluresdb.crdt.schema.ColumnDef::name)
          .containsExactly("k", "a", "b", "c", "early", "late");
    }
    assertThat(Nodes.state(a)).isEqualTo(Nodes.state(b));
    assertThat(Fixtures.dump(b, "SELECT early, late FROM kv")).containsExactly("[5, 7]");
    b.rebuild();
    assertThat(Nodes.state(b)).isEqualTo(Nodes.state(a));
  }

  @Test
  void theSameMigrationRunOnTwoNodesMergesQuietly() throws SQLException {
    Store c = nodes.add(T0);
    Store d = nodes.add(T0);
    Nodes.createTables(c);
    Nodes.createTables(d);
    write(c, tx -> tx.insert("kv", new Object[] {1L, "c", 1L, 1.0}, OnConflict.ERROR));
    write(d, tx -> tx.insert("kv", new Object[] {2L, "d", 2L, 2.0}, OnConflict.ERROR));
    syncBoth(c, d);
    for (Store s : List.of(c, d)) {
      assertThat(kv(s)).containsExactly("[1, c, 1, 1.0]", "[2, d, 2, 2.0]");
      assertThat(Fixtures.dump(s, "SELECT * FROM _pl_conflicts")).isEmpty();
    }
  }

  @Test
  void counterIncrementsOnTwoNodesAddUp() throws SQLException {
    write(
        a,
        tx ->
            tx.schema(
                new io.pluresdb.crdt.schema.SchemaChange.CreateTable(
                    new io.pluresdb.crdt.schema.TableDef(
                        "post",
                        List.of(
                            new io.pluresdb.crdt.schema.ColumnDef(
                                "id", ColumnType.BIGINT, 0, 0, false, null, false),
                            io.pluresdb.crdt.schema.ColumnDef.of("likes", ColumnType.COUNTER)),
                        List.of("id"),
                        List.of(),
                        List.of(),
                        List.of()))));
    write(a, tx -> tx.insert("post", new Object[] {1L, 5L}, OnConflict.ERROR));
    sync(a, b);
    // both nodes run SET likes = likes + 1: the planner computes 6 on each
    at(a, 100);
    write(a, tx -> tx.update("post", new Object[] {1L}, new int[] {1}, new Object[] {6L}));
    at(b, 100);
    write(b, tx -> tx.update("post", new Object[] {1L}, new int[] {1}, new Object[] {6L}));
    syncBoth(a, b);
    for (Store s : List.of(a, b)) {
      assertThat(Fixtures.dump(s, "SELECT id, likes FROM post")).containsExactly("[1, 7]");
    }
    write(
        a,
        tx -> {
          tx.delete("post", new Object[] {1L});
          tx.insert("post", new Object[] {1L, 0L}, OnConflict.ERROR);
        });
    sync(a, b);
    assertThat(Fixtures.dump(b, "SELECT id, likes FROM post")).containsExactly("[1, 0]");
    b.rebuild();
    assertThat(Nodes.state(b)).isEqualTo(Nodes.state(a));
    assertThat(Fixtures.dump(b, "SELECT id, likes FROM post")).containsExactly("[1, 0]");
  }

  @Test
  void aForeignKeyAddedOnOneNodeAppliesOnAnotherWhoseRowsWouldViolateIt() throws SQLException {
    write(b, tx -> tx.insert("kv", new Object[] {1L, "x", 99L, 0.0}, OnConflict.ERROR));
    ForeignKeyDef fk = new ForeignKeyDef("kv_b", List.of("b"), "kv", List.of("k"));
    write(a, tx -> tx.schema(new SchemaChange.AddForeignKey("kv", fk)));

    sync(a, b);

    assertThat(b.catalog().table("kv").foreignKeys()).containsExactly(fk);
    assertThat(kv(b)).containsExactly("[1, x, 99, 0.0]");
    assertThatThrownBy(
            () ->
                write(b, tx -> tx.insert("kv", new Object[] {2L, "y", 98L, 0.0}, OnConflict.ERROR)))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("23503");
  }
}
