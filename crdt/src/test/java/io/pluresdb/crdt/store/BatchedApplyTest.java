package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One applyRemote call is one SQLite transaction, yet each remote transaction stays whole. */
@Timeout(120)
class BatchedApplyTest {
  @TempDir Path dir;

  private static void schema(Store s, SchemaChange change) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.schema(change);
      tx.commit();
    }
  }

  private static TableDef note() {
    return new TableDef(
        "note",
        List.of(new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false)),
        List.of("id"),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void aTransactionMissingAColumnIsRolledBackAloneAndAppliesWhenTheColumnArrives()
      throws Exception {
    try (Store c = Store.open(StoreConfig.file(dir.resolve("c.db")));
        Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      Fixtures.createAlbum(c);
      schema(c, new SchemaChange.CreateTable(note()));
      schema(c, new SchemaChange.AddColumn("album", ColumnDef.of("extra", ColumnType.VARCHAR)));
      List<ReceivedTx> fromC = Nodes.received(c);
      a.applyRemote(fromC).orThrow();
      try (WriteTxn tx = a.beginWrite(WAIT)) {
        tx.insert("note", new Object[] {1L}, OnConflict.ERROR);
        tx.insert("album", new Object[] {1L, "one", 2000L, null, "x"}, OnConflict.ERROR);
        tx.commit();
      }
      ReceivedTx fromA = Nodes.received(a).get(Nodes.received(a).size() - 1);
      try (WriteTxn tx = c.beginWrite(WAIT)) {
        tx.insert("note", new Object[] {2L}, OnConflict.ERROR);
        tx.commit();
      }
      ReceivedTx laterFromC = Nodes.received(c).get(Nodes.received(c).size() - 1);

      List<ChangeSet> seen = new CopyOnWriteArrayList<>();
      try (AutoCloseable sub = b.changeFeed().subscribe(seen::add)) {
        // C's tables, then A's transaction (which needs the column C added), then C's note 2
        ApplyResult.Applied first =
            b.applyRemote(List.of(fromC.get(0), fromC.get(1), fromA, laterFromC)).orThrow();
        assertThat(first.applied()).isEqualTo(2);
        assertThat(first.pending()).isEqualTo(2);
        assertThat(Fixtures.dump(b, "SELECT id FROM note")).isEmpty();
        assertThat(seen).hasSize(2);

        ApplyResult.Applied second = b.applyRemote(List.of(fromC.get(2))).orThrow();
        assertThat(second.applied()).isEqualTo(3);
        assertThat(second.pending()).isZero();
      }
      assertThat(Fixtures.dump(b, "SELECT id FROM note")).containsExactly("[1]", "[2]");
      assertThat(Fixtures.dump(b, "SELECT id, extra FROM album")).containsExactly("[1, x]");
      assertThat(b.versionVector()).isEqualTo(a.versionVector().merge(c.versionVector()));
      List<LogEntry> log = b.readLog(0, 100);
      assertThat(seen).extracting(cs -> cs.entry().seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(seen)
          .extracting(cs -> cs.entry().txId())
          .containsExactlyElementsOf(log.stream().map(LogEntry::txId).toList());
      assertThat(b.lastSeq()).isEqualTo(5);
    }
  }

  @Test
  void aCallOfManySmallTransactionsAppliesThemAllInLogOrder() throws Exception {
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      schema(a, new SchemaChange.CreateTable(note()));
      for (long i = 0; i < 300; i++) {
        try (WriteTxn tx = a.beginWrite(WAIT)) {
          tx.insert("note", new Object[] {i}, OnConflict.ERROR);
          tx.commit();
        }
      }
      List<ReceivedTx> all = Nodes.received(a);
      assertThat(b.applyRemote(all).orThrow().applied()).isEqualTo(301);
      assertThat(b.applyRemote(all).orThrow().duplicates()).isEqualTo(301);
      assertThat(b.versionVector()).isEqualTo(a.versionVector());
      assertThat(Fixtures.dump(b, "SELECT count(*) FROM note")).containsExactly("[300]");
      b.rebuild();
      assertThat(Fixtures.dump(b, "SELECT count(*) FROM note")).containsExactly("[300]");
    }
  }
}
