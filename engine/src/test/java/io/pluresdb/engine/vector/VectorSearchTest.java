package io.pluresdb.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.support.Db;
import io.pluresdb.vector.SyntheticVectors;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Top-k queries through HNSW indexes, compared with exact search. */
@Timeout(600)
class VectorSearchTest {
  static final int DIMS = 16;
  static final String TOP10 = "SELECT id FROM doc ORDER BY cosine_distance(embedding, ?) LIMIT 10";

  @TempDir Path tmp;

  /** Points around 20 random centres: the shape real embeddings have. */
  static float[][] clustered(int n, long seed) {
    return new SyntheticVectors(seed, 20, DIMS, 0.3f).next(n);
  }

  static void load(Db db, float[][] data) throws SQLException {
    db.update(
        "CREATE TABLE doc (id BIGINT PRIMARY KEY, lang VARCHAR(5), embedding VECTOR("
            + DIMS
            + "))");
    db.session().setAutoCommit(false);
    for (int i = 0; i < data.length; i++) {
      db.update("INSERT INTO doc VALUES (?, ?, ?)", (long) i, i % 10 == 3 ? "en" : "fr", data[i]);
    }
    db.session().commit();
    db.session().setAutoCommit(true);
  }

  static List<String> exact(float[][] data, float[] q, int k, boolean enOnly) {
    return IntStream.range(0, data.length)
        .filter(i -> !enOnly || i % 10 == 3)
        .boxed()
        .sorted(
            Comparator.comparingDouble(
                i -> io.pluresdb.vector.Distances.cosineDistance(data[i], q)))
        .limit(k)
        .map(String::valueOf)
        .toList();
  }

  static double recall(List<String> found, List<String> truth) {
    return found.stream().filter(truth::contains).count() / (double) truth.size();
  }

  @Test
  void topKQueriesSearchTheIndexAndFindTheExactNeighbours() throws SQLException {
    float[][] data = clustered(2000, 1);
    try (Db db = Db.open(tmp)) {
      load(db, data);
      db.update(
          "CREATE INDEX doc_emb ON doc USING hnsw (embedding) WITH (metric = 'cosine', m = 16,"
              + " ef_construction = 100)");
      assertThat(db.indexes().graph("doc_emb").size()).isEqualTo(2000);
      double sum = 0;
      float[][] queries = clustered(30, 2);
      for (float[] q : queries) {
        sum += recall(db.rows(TOP10, q), exact(data, q, 10, false));
      }
      assertThat(sum / queries.length).isGreaterThanOrEqualTo(0.95);
      assertThat(db.indexes().searches()).isEqualTo(queries.length);
      assertThat(db.indexes().exactRuns()).isZero();
    }
  }

  @Test
  void aFilteredTopKWidensItsSearchUntilKRowsPass() throws SQLException {
    float[][] data = clustered(2000, 3);
    try (Db db = Db.open(tmp)) {
      load(db, data);
      db.update("CREATE INDEX doc_emb ON doc USING hnsw (embedding)");
      double sum = 0;
      float[][] queries = clustered(20, 4);
      for (float[] q : queries) {
        List<String> found =
            db.rows(
                "SELECT id FROM doc WHERE lang = 'en' ORDER BY cosine_distance(embedding, ?) LIMIT 10",
                q);
        assertThat(found).hasSize(10);
        sum += recall(found, exact(data, q, 10, true));
      }
      assertThat(sum / queries.length).isGreaterThanOrEqualTo(0.95);
      assertThat(db.indexes().searches()).isEqualTo(queries.length);
    }
  }

  @Test
  void withKLargeEnoughTheRowsEqualTheExactQuerys() throws SQLException {
    float[][] data = clustered(300, 5);
    try (Db db = Db.open(tmp)) {
      load(db, data);
      String exactSql =
          "SELECT id, lang, cosine_distance(embedding, ?) FROM doc ORDER BY cosine_distance(embedding, ?), id LIMIT 300";
      float[] q = clustered(1, 6)[0];
      List<String> exactRows = db.rows(exactSql, q, q);
      db.update("CREATE INDEX doc_emb ON doc USING hnsw (embedding)");
      List<String> viaIndex =
          db.rows(
              "SELECT id, lang, cosine_distance(embedding, ?) FROM doc ORDER BY cosine_distance(embedding, ?) LIMIT 300",
              q,
              q);
      assertThat(db.indexes().searches()).isEqualTo(1);
      assertThat(viaIndex).containsExactlyElementsOf(exactRows);
    }
  }

  @Test
  void filteredOffsetRowsWithTheirDistancesEqualTheExactQuerys() throws SQLException {
    float[][] data = clustered(400, 8);
    try (Db db = Db.open(tmp)) {
      load(db, data);
      String query =
          "SELECT id, cosine_distance(embedding, ?) AS d, vector_similarity(?, embedding) FROM doc"
              + " WHERE lang = 'en' ORDER BY cosine_distance(embedding, ?) LIMIT 7 OFFSET 3";
      float[] q = clustered(1, 9)[0];
      List<String> exactRows = db.rows(query, q, q, q);
      db.update("CREATE INDEX doc_emb ON doc USING hnsw (embedding) WITH (ef_construction = 200)");
      List<String> viaIndex = db.rows(query, q, q, q);
      assertThat(db.indexes().searches()).isEqualTo(1);
      assertThat(db.indexes().exactRuns()).isZero();
      assertThat(viaIndex).hasSize(7).containsExactlyElementsOf(exactRows);
    }
  }

  @Test
  void updatesAndDeletesAreReflected() throws SQLException {
    float[][] data = clustered(500, 7);
    try (Db db = Db.open(tmp)) {
      load(db, data);
      db.update("CREATE INDEX doc_emb ON doc USING hnsw (embedding)");
      float[] target = data[42];
      assertThat(db.rows(TOP10, target).get(0)).isEqualTo("42");
      db.update("UPDATE doc SET embedding = ? WHERE id = 7", (Object) target);
      assertThat(db.rows(TOP10, target).subList(0, 2)).containsExactlyInAnyOrder("42", "7");
      db.update("DELETE FROM doc WHERE id = 42");
      assertThat(db.rows(TOP10, target).get(0)).isEqualTo("7");
      assertThat(db.indexes().graph("doc_emb").contains(42)).isFalse();
      db.update("UPDATE doc SET embedding = NULL WHERE id = 7");
      assertThat(db.rows(TOP10, target)).doesNotContain("7", "42").hasSize(10);
      db.update("INSERT INTO doc VALUES (9999, 'en', ?)", (Object) target);
      assertThat(db.rows(TOP10, target).get(0)).isEqualTo("9999");
      assertThat(db.indexes().exactRuns()).isZero();
    }
  }
}
