package io.pluresdb.engine.vector;

import static io.pluresdb.engine.vector.VectorSearchTest.TOP10;
import static io.pluresdb.engine.vector.VectorSearchTest.clustered;
import static io.pluresdb.engine.vector.VectorSearchTest.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.engine.support.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HNSW indexes follow the log: across restarts, from other nodes, and through schema changes. */
@Timeout(600)
class IndexMaintenanceTest {
  static final String CREATE_INDEX =
      "CREATE INDEX doc_emb ON doc USING hnsw (embedding) WITH (metric = 'cosine')";

  @TempDir Path tmp;

  private static void awaitCurrent(Db db) throws InterruptedException {
    assertThat(db.indexes().awaitCurrent(db.store().lastSeq(), 300_000)).isTrue();
  }

  private static float[] far(float x) {
    float[] v = new float[VectorSearchTest.DIMS];
    v[0] = x;
    v[1] = -x;
    return v;
  }

  @Test
  void aRestartLoadsTheSavedIndexAndCatchesUpFromTheLog() throws Exception {
    Path indexFile = HnswIndexes.directoryFor(tmp.resolve("test.db")).resolve("doc_emb.bin");
    float[][] data = clustered(400, 11);
    try (Db db = Db.open(tmp)) {
      load(db, data);
      db.update(CREATE_INDEX);
      assertThat(db.indexes().builds()).isEqualTo(1);
    }
    assertThat(indexFile).exists();
    // writes made while no index service runs reach the index only through the log
    try (Db db = Db.open(tmp, false)) {
      db.update("INSERT INTO doc VALUES (5000, 'en', ?)", (Object) far(50));
      db.update("DELETE FROM doc WHERE id = 1");
      db.update("UPDATE doc SET embedding = ? WHERE id = 2", (Object) far(-50));
    }
    try (Db db = Db.open(tmp)) {
      awaitCurrent(db);
      assertThat(db.indexes().loads()).isEqualTo(1);
      assertThat(db.indexes().builds()).isZero();
      assertThat(db.indexes().graph("doc_emb").size()).isEqualTo(400);
      assertThat(db.indexes().graph("doc_emb").contains(1)).isFalse();
      assertThat(db.rows(TOP10, far(50)).get(0)).isEqualTo("5000");
      assertThat(db.rows(TOP10, far(-50)).get(0)).isEqualTo("2");
      assertThat(db.indexes().searches()).isEqualTo(2);
    }
  }

  @Test
  void aTornIndexFileIsRebuiltFromTheTable() throws Exception {
    Path indexFile = HnswIndexes.directoryFor(tmp.resolve("test.db")).resolve("doc_emb.bin");
    try (Db db = Db.open(tmp)) {
      load(db, clustered(300, 12));
      db.update(CREATE_INDEX);
    }
    byte[] bytes = Files.readAllBytes(indexFile);
    Files.write(indexFile, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    try (Db db = Db.open(tmp)) {
      awaitCurrent(db);
      assertThat(db.indexes().loads()).isZero();
      assertThat(db.indexes().builds()).isEqualTo(1);
      assertThat(db.indexes().graph("doc_emb").size()).isEqualTo(300);
    }
  }

  @Test
  void replicatedWritesAndIndexesReachTheOtherNode() throws Exception {
    try (Db a = Db.open(Files.createDirectories(tmp.resolve("a")));
        Db b = Db.open(Files.createDirectories(tmp.resolve("b")))) {
      load(b, clustered(300, 13));
      b.update(CREATE_INDEX);
      a.store().applyRemote(b.store().logRecords());
      awaitCurrent(a);
      // the index was created on b; a built it when the schema change arrived
      assertThat(a.indexes().graph("doc_emb").size()).isEqualTo(300);

      long seen = b.store().lastSeq();
      b.update("INSERT INTO doc VALUES (7000, 'en', ?)", (Object) far(80));
      b.update("DELETE FROM doc WHERE id = 5");
      a.store().applyRemote(b.store().readLog(seen, 100).stream().map(e -> e.received()).toList());
      awaitCurrent(a);
      assertThat(a.indexes().graph("doc_emb").contains(7000)).isTrue();
      assertThat(a.indexes().graph("doc_emb").contains(5)).isFalse();
      assertThat(a.rows(TOP10, far(80)).get(0)).isEqualTo("7000");
      assertThat(a.indexes().searches()).isEqualTo(1);

      b.update("DROP INDEX doc_emb");
      a.store().applyRemote(b.store().logRecords());
      awaitCurrent(a);
      assertThat(a.indexes().graph("doc_emb")).isNull();
    }
  }

  @Test
  void tablesKeyedByTextAreIndexedThroughTheirRowids() throws Exception {
    try (Db db = Db.open(tmp)) {
      db.update("CREATE TABLE note (slug VARCHAR(20) PRIMARY KEY, v VECTOR(2))");
      db.update("CREATE INDEX note_v ON note USING hnsw (v) WITH (metric = 'l2')");
      db.update("INSERT INTO note VALUES ('a', '[0,0]'), ('b', '[10,10]'), ('c', '[5,5]')");
      String nearest = "SELECT slug FROM note ORDER BY v <-> ? LIMIT 1";
      assertThat(db.rows(nearest, "[9,9]")).containsExactly("b");
      db.update("DELETE FROM note WHERE slug = 'b'");
      awaitCurrent(db);
      assertThat(db.indexes().graph("note_v").size()).isEqualTo(2);
      assertThat(db.rows(nearest, "[9,9]")).containsExactly("c");
      db.update("INSERT INTO note VALUES ('b', '[9,9]')");
      assertThat(db.rows(nearest, new float[] {9, 9})).containsExactly("b");
      assertThat(db.indexes().searches()).isEqualTo(3);
    }
  }

  @Test
  void explainShowsTheIndexSearch() throws SQLException {
    try (Db db = Db.open(tmp)) {
      load(db, clustered(50, 14));
      String query =
          "SELECT id FROM doc WHERE lang = 'en' ORDER BY cosine_distance(embedding, ?) LIMIT 5";
      assertThat(db.rows("EXPLAIN PLAN FOR " + query)).noneMatch(l -> l.startsWith("HnswSearch"));
      db.update(CREATE_INDEX);
      List<String> plan = db.rows("EXPLAIN PLAN FOR " + query);
      assertThat(plan.get(plan.size() - 2))
          .isEqualTo(
              "HnswSearch(index=[doc_emb], table=[doc], metric=[cosine],"
                  + " candidates=[max(ef_search, k), doubled until k rows pass, else exact])");
      assertThat(plan.get(plan.size() - 1))
          .isEqualTo(
              "SQLite: SELECT \"doc\".\"id\", \"doc\".\"rowid\" FROM \"main\".\"doc\" AS \"doc\""
                  + " WHERE \"doc\".\"lang\" = CAST('en' AS TEXT) AND \"doc\".\"rowid\" IN (?)");
      // another metric, DESC distance or no LIMIT: no index search
      assertThat(
              db.rows(
                  "EXPLAIN PLAN FOR SELECT id FROM doc ORDER BY l2_distance(embedding, ?) LIMIT 5"))
          .noneMatch(l -> l.startsWith("HnswSearch"));
      assertThat(
              db.rows(
                  "EXPLAIN PLAN FOR SELECT id FROM doc ORDER BY cosine_distance(embedding, ?) DESC LIMIT 5"))
          .noneMatch(l -> l.startsWith("HnswSearch"));
    }
  }

  @Test
  void efSearchIsASessionSetting() throws SQLException {
    try (Db db = Db.open(tmp)) {
      db.update("SET ef_search = 123");
      assertThat(db.session().efSearch()).isEqualTo(123);
      assertThatThrownBy(() -> db.update("SET ef_search = 0"))
          .isInstanceOf(SQLException.class)
          .hasFieldOrPropertyWithValue("SQLState", "22023");
      assertThatThrownBy(() -> db.update("SET search_path = 'x'"))
          .isInstanceOf(SQLException.class)
          .hasFieldOrPropertyWithValue("SQLState", "0A000");
    }
  }

  @Test
  void badIndexDefinitionsAreRefused() throws SQLException, IOException {
    try (Db db = Db.open(tmp)) {
      db.update("CREATE TABLE doc (id BIGINT PRIMARY KEY, title VARCHAR(10), embedding VECTOR(3))");
      assertThatThrownBy(
              () ->
                  db.update(
                      "CREATE INDEX x ON doc USING hnsw (embedding) WITH (metric = 'hamming')"))
          .hasFieldOrPropertyWithValue("SQLState", "22023")
          .hasMessageContaining("metric 'hamming'");
      assertThatThrownBy(
              () -> db.update("CREATE INDEX x ON doc USING hnsw (embedding) WITH (m = 'lots')"))
          .hasFieldOrPropertyWithValue("SQLState", "22023")
          .hasMessageContaining("m = 'lots'");
      assertThatThrownBy(() -> db.update("CREATE INDEX x ON doc USING hnsw (title)"))
          .hasFieldOrPropertyWithValue("SQLState", "42809")
          .hasMessageContaining("column 'title' of table 'doc' is VARCHAR");
      assertThat(db.store().catalog().indexes()).isEmpty();
    }
  }
}
