package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.store.postgres.PgHub;
import io.pluresdb.store.postgres.PgLog;
import io.pluresdb.store.postgres.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The shared log in a real PostgreSQL: idempotent, refusing forgeries, never skipped by readers.
 */
class PgLogTest {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void appendsAreIdempotentAndKeepEachRecordByteForByte() throws Exception {
    try (Nodes nodes = new Nodes();
        PgHub hub = TestPostgres.freshHub()) {
      Store a = nodes.add(T0);
      Nodes.createTables(a);
      write(a, 1);
      write(a, 2);
      List<ReceivedTx> records = Nodes.received(a);
      PgLog log = hub.log();

      assertThat(log.append(records)).isEqualTo(new PgLog.Appended(3, 0, 3));
      assertThat(log.append(records)).isEqualTo(new PgLog.Appended(0, 3, 3));
      List<LogEntry> read = log.readAfter(0, 100);
      assertThat(read).extracting(LogEntry::seq).containsExactly(1L, 2L, 3L);
      for (int i = 0; i < records.size(); i++) {
        assertThat(read.get(i).txId()).isEqualTo(records.get(i).tx().id());
        assertThat(read.get(i).record()).isEqualTo(records.get(i).record());
      }
      assertThat(log.readAfter(1, 1)).extracting(LogEntry::seq).containsExactly(2L);
      assertThat(log.lastSeq()).isEqualTo(3);
      assertThat(log.versionVector()).isEqualTo(a.versionVector());
    }
  }

  @Test
  void theSameIdWithOtherContentRefusesTheWholeAppend() throws Exception {
    try (Nodes nodes = new Nodes();
        PgHub hub = TestPostgres.freshHub()) {
      Store a = nodes.add(T0);
      Nodes.createTables(a);
      write(a, 1);
      List<ReceivedTx> records = Nodes.received(a);
      PgLog log = hub.log();
      log.append(records.subList(0, 1));
      ReceivedTx held = records.get(0);
      byte[] other = held.record().clone();
      other[other.length - 1] ^= 1;
      ReceivedTx forged = new ReceivedTx(other, held.tx(), held.auth());

      assertThatThrownBy(() -> log.append(List.of(records.get(1), forged)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(held.tx().id().toString())
          .hasMessageContaining("other content")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23000");
      assertThat(log.lastSeq()).isEqualTo(1);
      assertThat(log.readAfter(0, 10).get(0).record()).isEqualTo(held.record());
    }
  }

  @Test
  void concurrentAppendersGivePositionsInCommitOrderSoAReaderNeverSkips() throws Exception {
    try (Nodes nodes = new Nodes();
        PgHub one = TestPostgres.freshHub();
        PgHub other = PgHub.open(one.target())) {
      Store a = nodes.add(T0);
      Store b = nodes.add(T0 + 3);
      Nodes.createTables(a);
      Nodes.sync(a, b);
      for (int i = 0; i < 60; i++) {
        write(a, i);
        write(b, 1000 + i);
      }
      List<ReceivedTx> fromA = Nodes.received(a);
      List<ReceivedTx> fromB = Nodes.received(b);
      AtomicBoolean done = new AtomicBoolean();
      List<LogEntry> seen = new ArrayList<>();
      CompletableFuture<Void> reader =
          CompletableFuture.runAsync(
              () -> {
                try {
                  long cursor = 0;
                  while (true) {
                    boolean last = done.get();
                    List<LogEntry> page = one.log().readAfter(cursor, 7);
                    for (LogEntry e : page) {
                      // positions are dense: a reader never sees n+1 before n
                      assertThat(e.seq()).isEqualTo(cursor + 1);
                      cursor = e.seq();
                      seen.add(e);
                    }
                    if (last && page.isEmpty()) {
                      return;
                    }
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      CompletableFuture<Void> appendA = appendOneByOne(one.log(), fromA);
      CompletableFuture<Void> appendB = appendOneByOne(other.log(), fromB);
      appendA.get(120, TimeUnit.SECONDS);
      appendB.get(120, TimeUnit.SECONDS);
      done.set(true);
      reader.get(120, TimeUnit.SECONDS);

      // the creating transaction came through both appenders and is held once
      assertThat(seen).hasSize(fromA.size() + fromB.size() - 1);
      assertThat(seen).extracting(LogEntry::txId).doesNotHaveDuplicates();
      assertThat(one.log().versionVector()).isEqualTo(a.versionVector().merge(b.versionVector()));
    }
  }

  private static CompletableFuture<Void> appendOneByOne(PgLog log, List<ReceivedTx> records) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            for (ReceivedTx r : records) {
              log.append(List.of(r));
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static void write(Store s, long k) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      tx.insert("kv", new Object[] {k, "v" + k, k, k / 2.0}, OnConflict.IGNORE);
      tx.commit();
    }
  }
}
