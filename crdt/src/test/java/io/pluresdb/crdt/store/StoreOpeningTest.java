package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.Function;

@Timeout(180)
class StoreOpeningTest {
  @TempDir Path dir;

  private static String pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void anotherProcessIsRefusedWhileTheStoreIsOpen() throws Exception {
    Path file = dir.resolve("app.db");
    try (Store s = Store.open(StoreConfig.file(file))) {
      Fixtures.createAlbum(s);
      assertThat(runElsewhere(file)).startsWith("55006").contains("app.db");
    }
    assertThat(runElsewhere(file)).isEqualTo("OPENED");
  }

  private static String runElsewhere(Path file) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OpenElsewhere.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String[] lines = out.split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void connectionsUseWalAndTheConfiguredSynchronousMode() throws SQLException {
    try (Store s = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Connection c = s.openReader()) {
      assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(c, "synchronous")).isEqualTo("1");
      assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
    }
    try (Store s = Store.open(StoreConfig.file(dir.resolve("b.db")).withSynchronousFull(true));
        Connection c = s.openReader()) {
      assertThat(pragma(c, "synchronous")).isEqualTo("2");
    }
  }

  @Test
  void theInitializerRunsOnTheWriterAndEveryReader() throws SQLException {
    AtomicInteger runs = new AtomicInteger();
    StoreConfig cfg =
        StoreConfig.file(dir.resolve("f.db"))
            .withConnectionInitializer(
                c -> {
                  runs.incrementAndGet();
                  Function.create(
                      c,
                      "twice",
                      new Function() {
                        @Override
                        protected void xFunc() throws SQLException {
                          result(value_long(0) * 2);
                        }
                      });
                });
    try (Store s = Store.open(cfg)) {
      Fixtures.createAlbum(s);
      try (WriteTxn tx = s.beginWrite(WAIT)) {
        tx.insert("album", new Object[] {21L, "x", null, null}, OnConflict.ERROR);
        try (Statement st = tx.connection().createStatement();
            ResultSet rs = st.executeQuery("SELECT twice(id) FROM album")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(42L);
        }
        tx.commit();
      }
      try (Connection c = s.openReader();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT twice(id) FROM album")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(42L);
      }
      assertThat(runs.get()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void memoryStoresAreSharedByNameAndGoneAfterClose() throws SQLException {
    try (Store s = Store.open(StoreConfig.memory("opening-test"))) {
      Fixtures.createAlbum(s);
      try (WriteTxn tx = s.beginWrite(WAIT)) {
        tx.insert("album", new Object[] {1L, "x", null, null}, OnConflict.ERROR);
        tx.commit();
      }
      assertThat(Fixtures.dump(s, "SELECT id FROM album")).containsExactly("[1]");
      assertThatThrownBy(() -> Store.open(StoreConfig.memory("opening-test")))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("55006");
    }
    try (Store s = Store.open(StoreConfig.memory("opening-test"))) {
      assertThat(s.catalog().tables()).isEmpty();
      assertThat(s.log()).isEmpty();
    }
  }

  @Test
  void aBatchOfInsertsIsOneLogRowAndNoOtherRows() throws SQLException {
    try (Store s = Store.open(StoreConfig.file(dir.resolve("c.db")))) {
      Fixtures.createAlbum(s);
      try (WriteTxn tx = s.beginWrite(WAIT)) {
        for (long i = 0; i < 1000; i++) {
          tx.insert("album", new Object[] {i, "n" + i, 2000L, null}, OnConflict.ERROR);
        }
        tx.commit();
      }
      SqliteStore store = (SqliteStore) s;
      assertThat(store.count("_pl_log")).isEqualTo(2);
      assertThat(store.count("_pl_tomb")).isZero();
      assertThat(store.count("_pl_vv")).isEqualTo(1);
      // the local form: tag, 6 bytes of milliseconds, a counter of 1 or 2 bytes, column count
      assertThat(
              Fixtures.dump(
                  s, "SELECT min(length(_clk)) >= 9, max(length(_clk)) <= 10" + " FROM album"))
          .containsExactly("[1, 1]");
    }
  }

  @Test
  void schemaChangesGrowTheCatalogVersionAndSurviveReopening() throws SQLException {
    Path file = dir.resolve("d.db");
    try (Store s = Store.open(StoreConfig.file(file))) {
      Fixtures.createAlbum(s);
      try (WriteTxn tx = s.beginWrite(WAIT)) {
        tx.schema(
            new SchemaChange.AddColumn(
                "album", new ColumnDef("genre", ColumnType.VARCHAR, 20, 0, true, "'rock'", false)));
        tx.schema(
            new SchemaChange.CreateIndex(
                new IndexDef(
                    "album_vec", "album", List.of("genre"), false, "hnsw", Map.of("m", "16"))));
        tx.schema(
            new SchemaChange.CreateView(
                new ViewDef("recent", "SELECT * FROM album WHERE year > 2000", List.of())));
        tx.insert(
            "album",
            new Object[] {1L, "x", null, null, tx.defaultValue("album", 4)},
            OnConflict.ERROR);
        tx.commit();
      }
      assertThat(s.catalog().version()).isEqualTo(4);
      assertThat(Fixtures.dump(s, "SELECT genre FROM album")).containsExactly("[rock]");
      assertThat(Fixtures.dump(s, "SELECT name FROM sqlite_master WHERE name='album_vec'"))
          .isEmpty();
    }
    try (Store s = Store.open(StoreConfig.file(file))) {
      assertThat(s.catalog().version()).isEqualTo(4);
      assertThat(s.catalog().views()).containsKey("recent");
      assertThat(s.catalog().indexesOf("album"))
          .extracting(IndexDef::method)
          .containsExactly("hnsw");
      try (WriteTxn tx = s.beginWrite(WAIT)) {
        assertThatThrownBy(() -> tx.schema(new SchemaChange.DropTable("nope")))
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42P01");
        assertThatThrownBy(
                () ->
                    tx.schema(
                        new SchemaChange.AddColumn(
                            "album", ColumnDef.of("name", ColumnType.VARCHAR))))
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42701");
        tx.schema(new SchemaChange.DropTable("album"));
        tx.schema(
            new SchemaChange.CreateTable(
                new TableDef(
                    "album",
                    List.of(ColumnDef.of("x", ColumnType.INTEGER)),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of())));
        tx.commit();
      }
      assertThat(s.catalog().table("album").columns()).hasSize(1);
      assertThat(s.catalog().indexesOf("album")).isEmpty();
    }
  }

  @Test
  void inMemoryReadersAndTheWriterDoNotBlockEachOther() throws SQLException {
    try (Store s = Store.open(StoreConfig.memory("concurrency-test"))) {
      Fixtures.createAlbum(s);
      try (WriteTxn tx = s.beginWrite(WAIT)) {
        tx.insert("album", new Object[] {1L, "x", null, null}, OnConflict.ERROR);
        tx.insert("album", new Object[] {2L, "y", null, null}, OnConflict.ERROR);
        tx.commit();
      }
      try (Connection reader = s.openReader();
          Statement st = reader.createStatement();
          ResultSet open = st.executeQuery("SELECT id FROM album ORDER BY id")) {
        assertThat(open.next()).isTrue();
        try (WriteTxn tx = s.beginWrite(WAIT)) {
          tx.insert("album", new Object[] {3L, "z", null, null}, OnConflict.ERROR);
          // a reader outside the write transaction sees the last committed state
          assertThat(Fixtures.dump(s, "SELECT count(*) FROM album")).containsExactly("[2]");
          tx.commit();
        }
        assertThat(open.next()).isTrue();
      }
      assertThat(Fixtures.dump(s, "SELECT count(*) FROM album")).containsExactly("[3]");
    }
  }
}
