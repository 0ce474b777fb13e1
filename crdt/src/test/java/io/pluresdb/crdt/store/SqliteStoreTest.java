package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static io.pluresdb.crdt.store.Fixtures.dump;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class SqliteStoreTest {
  @TempDir Path dir;
  Store store;

  @BeforeEach
  void open() throws SQLException {
    store = Store.open(StoreConfig.file(dir.resolve("app.db")));
    Fixtures.createAlbum(store);
  }

  @AfterEach
  void close() throws SQLException {
    store.close();
  }

  private void insert(Object... row) throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      tx.insert("album", row, OnConflict.ERROR);
      tx.commit();
    }
  }

  private List<String> albums() throws SQLException {
    return dump(store, "SELECT id, name, year, released FROM album");
  }

  @Test
  void insertUpdateDeleteReachTheMaterializedTable() throws SQLException {
    insert(1L, "Abbey Road", 1969L, LocalDate.of(1969, 9, 26));
    insert(2L, "Help!", 1965L, null);
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      assertThat(tx.update("album", new Object[] {2L}, new int[] {2}, new Object[] {1966L}))
          .isTrue();
      assertThat(tx.delete("album", new Object[] {1L})).isTrue();
      assertThat(tx.delete("album", new Object[] {9L})).isFalse();
      tx.commit();
    }
    assertThat(albums()).containsExactly("[2, Help!, 1966, null]");
  }

  @Test
  void everyCommitIsOneLogRecordOfOperations() throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      for (long i = 0; i < 3; i++) {
        tx.insert("album", new Object[] {i, "a" + i, 2000L, null}, OnConflict.ERROR);
      }
      tx.update("album", new Object[] {1L}, new int[] {1}, new Object[] {"b"});
      tx.commit();
    }
    List<Transaction> log = store.log();
    assertThat(log).hasSize(2);
    Transaction data = log.get(1);
    assertThat(data.prev()).isEqualTo(log.get(0).id());
    assertThat(data.ops())
        .extracting(op -> op.kind())
        .containsExactly(OpKind.INSERT, OpKind.INSERT, OpKind.INSERT, OpKind.UPDATE);
    assertThat(data.ops().get(3).precursors()).containsExactly(data.ops().get(1).id());
  }

  @Test
  void constraintViolationsCarryTheirSqlState() throws SQLException {
    insert(1L, "Abbey Road", 1969L, null);
    assertThatThrownBy(() -> insert(1L, "Other", 1970L, null))
        .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
        .hasMessageContaining("album")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("23505");
    assertThatThrownBy(() -> insert(2L, "Abbey Road", 1970L, null))
        .hasMessageContaining("album.name")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("23505");
    assertThatThrownBy(() -> insert(3L, null, 1970L, null))
        .hasMessageContaining("album.name")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("23502");
    assertThatThrownBy(() -> insert(4L, "Old", 1800L, null))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("23514");
    assertThat(albums()).containsExactly("[1, Abbey Road, 1969, null]");
  }

  @Test
  void onConflictIgnoreSkipsTheRow() throws SQLException {
    insert(1L, "Abbey Road", 1969L, null);
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      assertThat(tx.insert("album", new Object[] {1L, "X", null, null}, OnConflict.IGNORE))
          .isFalse();
      assertThat(tx.isEmpty()).isTrue();
      tx.commit();
    }
    assertThat(albums()).containsExactly("[1, Abbey Road, 1969, null]");
  }

  @Test
  void rollbackToMarkUndoesOnlyTheStatement() throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      tx.insert("album", new Object[] {1L, "A", null, null}, OnConflict.ERROR);
      int m = tx.mark();
      tx.insert("album", new Object[] {2L, "B", null, null}, OnConflict.ERROR);
      tx.rollbackTo(m);
      tx.release(m);
      tx.insert("album", new Object[] {3L, "C", null, null}, OnConflict.ERROR);
      tx.commit();
    }
    assertThat(albums()).containsExactly("[1, A, null, null]", "[3, C, null, null]");
    assertThat(store.log().get(1).ops()).hasSize(2);
  }

  @Test
  void rollbackDiscardsEverything() throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      tx.insert("album", new Object[] {1L, "A", null, null}, OnConflict.ERROR);
      tx.schema(
          new SchemaChange.CreateTable(
              new TableDef(
                  "t",
                  List.of(ColumnDef.of("a", ColumnType.INTEGER)),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of())));
      tx.rollback();
    }
    assertThat(albums()).isEmpty();
    assertThat(store.catalog().table("t")).isNull();
    assertThat(store.log()).hasSize(1);
  }

  @Test
  void dataAndSchemaSurviveReopening() throws SQLException {
    insert(1L, "Abbey Road", 1969L, LocalDate.of(1969, 9, 26));
    String node = store.nodeId();
    long version = store.catalog().version();
    store.close();
    store = Store.open(StoreConfig.file(dir.resolve("app.db")));
    assertThat(store.nodeId()).isEqualTo(node);
    assertThat(store.catalog().version()).isEqualTo(version);
    assertThat(store.catalog().table("album")).isEqualTo(Fixtures.album());
    assertThat(albums()).containsExactly("[1, Abbey Road, 1969, 1969-09-26]");
    insert(2L, "Help!", null, null);
    assertThat(store.log().get(2).prev()).isEqualTo(store.log().get(1).id());
    assertThat(store.log().get(2).id()).isGreaterThan(store.log().get(1).lastId());
  }

  @Test
  void rebuildRecreatesTheSameTables() throws SQLException {
    insert(1L, "A", 1969L, null);
    insert(2L, "B", 1970L, null);
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      tx.update("album", new Object[] {1L}, new int[] {2}, new Object[] {1999L});
      tx.delete("album", new Object[] {2L});
      tx.insert("album", new Object[] {2L, "B2", null, null}, OnConflict.ERROR);
      tx.schema(new SchemaChange.AddColumn("album", ColumnDef.of("genre", ColumnType.VARCHAR)));
      tx.schema(
          new SchemaChange.CreateIndex(
              new IndexDef("album_year", "album", List.of("year"), false, "btree", Map.of())));
      tx.commit();
    }
    String all = "SELECT * FROM album";
    List<String> before = dump(store, all);
    store.rebuild();
    assertThat(dump(store, all)).isEqualTo(before);
    assertThat(
            dump(
                store,
                "SELECT name FROM sqlite_master WHERE type='index'" + " AND name='album_year'"))
        .hasSize(1);
  }

  @Test
  void secondOpenOfTheSameFileFailsClearly() {
    assertThatThrownBy(() -> Store.open(StoreConfig.file(dir.resolve("app.db"))))
        .hasMessageContaining("app.db")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("55006");
  }

  @Test
  void changeFeedPublishesAfterCommitOnly() throws Exception {
    List<ChangeSet> seen = new CopyOnWriteArrayList<>();
    try (AutoCloseable sub = store.changeFeed().subscribe(seen::add)) {
      try (WriteTxn tx = store.beginWrite(WAIT)) {
        tx.insert("album", new Object[] {1L, "A", null, null}, OnConflict.ERROR);
        assertThat(seen).isEmpty();
        tx.commit();
      }
      try (WriteTxn tx = store.beginWrite(WAIT)) {
        tx.insert("album", new Object[] {2L, "B", null, null}, OnConflict.ERROR);
        tx.rollback();
      }
    }
    assertThat(seen).hasSize(1);
    ChangeSet cs = seen.get(0);
    assertThat(cs.local()).isTrue();
    assertThat(cs.node()).isEqualTo(store.nodeId());
    assertThat(cs.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(EntityChange.Kind.INSERT);
              assertThat(c.key()).containsExactly(1L);
              assertThat(c.row()).containsExactly(1L, "A", null, null);
            });
  }

  @Test
  void aBusyWriterTimesOutWith55P03() throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      assertThatThrownBy(() -> store.beginWrite(java.time.Duration.ofMillis(10)))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("55P03");
    }
  }

  @Test
  void unknownTableIs42P01() throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      assertThatThrownBy(() -> tx.insert("nope", new Object[] {1L}, OnConflict.ERROR))
          .hasMessageContaining("'nope'")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P01");
      assertThatThrownBy(() -> tx.schema(new SchemaChange.CreateTable(Fixtures.album())))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P07");
    }
  }

  @Test
  void tablesWithoutPrimaryKeyGetHiddenIds() throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      tx.schema(
          new SchemaChange.CreateTable(
              new TableDef(
                  "note",
                  List.of(ColumnDef.of("text", ColumnType.VARCHAR)),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of())));
      tx.insert("note", new Object[] {"x"}, OnConflict.ERROR);
      tx.insert("note", new Object[] {"x"}, OnConflict.ERROR);
      tx.commit();
    }
    assertThat(dump(store, "SELECT text, length(_id) FROM note"))
        .containsExactly("[x, 16]", "[x, 16]");
  }

  @Test
  void foreignKeysAreEnforcedLocallyWith23503() throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      tx.schema(
          new SchemaChange.CreateTable(
              new TableDef(
                  "track",
                  List.of(
                      new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
                      ColumnDef.of("album_id", ColumnType.BIGINT)),
                  List.of("id"),
                  List.of(),
                  List.of(),
                  List.of(
                      new io.pluresdb.crdt.schema.ForeignKeyDef(
                          "track_album", List.of("album_id"), "album", List.of("id"))))));
      tx.commit();
    }
    insert(1L, "A", null, null);
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      assertThat(tx.insert("track", new Object[] {1L, 1L}, OnConflict.ERROR)).isTrue();
      assertThatThrownBy(() -> tx.insert("track", new Object[] {2L, 9L}, OnConflict.ERROR))
          .hasMessageContaining("track")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23503");
      tx.commit();
    }
    assertThat(dump(store, "SELECT id, album_id FROM track")).containsExactly("[1, 1]");
  }
}
