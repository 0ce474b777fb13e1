package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.VersionVector;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The store API replication and indexes build on: log positions, version vectors, identity. */
@Timeout(120)
class ReplicationApiTest {
  @TempDir Path dir;

  private static void insert(Store s, long id) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.insert("album", new Object[] {id, "a" + id, 2000L, null}, OnConflict.ERROR);
      tx.commit();
    }
  }

  /** What a peer holding {@code vv} lacks, read from {@code s}'s log in order. */
  private static List<ReceivedTx> lacking(Store s, VersionVector vv) throws SQLException {
    List<ReceivedTx> out = new ArrayList<>();
    long after = 0;
    List<LogEntry> batch;
    while (!(batch = s.readLog(after, 2)).isEmpty()) {
      for (LogEntry e : batch) {
        if (!vv.covers(e.txId())) {
          out.add(e.received());
        }
        after = e.seq();
      }
    }
    return out;
  }

  @Test
  void aPeerCatchesUpWithExactlyWhatItLacksFromTheVersionVector() throws SQLException {
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      Fixtures.createAlbum(a);
      insert(a, 1);
      b.applyRemote(lacking(a, b.versionVector())).orThrow();
      insert(a, 2);
      insert(a, 3);

      List<ReceivedTx> missing = lacking(a, b.versionVector());
      assertThat(missing).hasSize(2);
      assertThat(b.applyRemote(missing).orThrow().applied()).isEqualTo(2);
      assertThat(lacking(a, b.versionVector())).isEmpty();
      assertThat(b.versionVector()).isEqualTo(a.versionVector());
      assertThat(b.lastSeq()).isEqualTo(4);
      assertThat(Fixtures.dump(b, "SELECT id FROM album ORDER BY id"))
          .containsExactly("[1]", "[2]", "[3]");
    }
  }

  @Test
  void changeSetsCarryTheirLogEntryAndPositionsSurviveRestart() throws Exception {
    Path file = dir.resolve("a.db");
    List<ChangeSet> seen = new CopyOnWriteArrayList<>();
    try (Store a = Store.open(StoreConfig.file(file))) {
      Fixtures.createAlbum(a);
      try (AutoCloseable sub = a.changeFeed().subscribe(seen::add)) {
        insert(a, 1);
      }
      assertThat(seen).hasSize(1);
      LogEntry entry = seen.get(0).entry();
      assertThat(entry.seq()).isEqualTo(a.lastSeq()).isEqualTo(2);
      assertThat(entry.transaction().id().toString()).isEqualTo(seen.get(0).txId());
    }
    try (Store a = Store.open(StoreConfig.file(file))) {
      assertThat(a.lastSeq()).isEqualTo(2);
      insert(a, 2);
      assertThat(a.readLog(2, 10)).extracting(LogEntry::seq).containsExactly(3L);
    }
  }

  @Test
  void aFreshNodeAdoptsTheFirstDatabaseItJoinsAndThenRefusesOthers() throws SQLException {
    Path file = dir.resolve("c.db");
    try (Store c = Store.open(StoreConfig.file(file))) {
      assertThat(c.joinDatabase("db-one")).isTrue();
      assertThat(c.databaseId()).isEqualTo("db-one");
      assertThat(c.joinDatabase("db-two")).isFalse();
    }
    try (Store c = Store.open(StoreConfig.file(file))) {
      assertThat(c.databaseId()).isEqualTo("db-one");
      assertThat(c.joinDatabase("db-two")).isFalse();
    }
    try (Store hub = Store.open(StoreConfig.file(dir.resolve("hub.db")))) {
      String own = hub.databaseId();
      hub.sealDatabaseId();
      assertThat(hub.joinDatabase("db-three")).isFalse();
      assertThat(hub.databaseId()).isEqualTo(own);
    }
  }

  @Test
  void notificationsReachListenersWithUniqueIds() throws Exception {
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")))) {
      List<Notification> got = new CopyOnWriteArrayList<>();
      try (AutoCloseable sub = a.notifications().subscribe(got::add)) {
        a.notify("jobs", "one");
        a.notify("jobs", "two");
      }
      a.notify("jobs", "after close");
      assertThat(got).extracting(Notification::payload).containsExactly("one", "two");
      assertThat(got.get(0).id()).isLessThan(got.get(1).id());
      assertThat(got.get(0).node()).isEqualTo(a.nodeId());
      assertThat(got.get(0).local()).isTrue();
    }
  }
}
