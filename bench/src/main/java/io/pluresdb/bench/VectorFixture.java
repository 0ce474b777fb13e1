package io.pluresdb.bench;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import io.pluresdb.vector.SyntheticVectors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The vector benchmark's data, built once per JVM and shared by both targets: 100,000 clustered
 * 128-dimensional vectors (pure uniform random vectors are a worst case no real embedding has), 10%
 * of them tagged {@code en}; the same vectors in a PluresDB table with an HNSW index and in an
 * hnswlib-core index built directly with the same parameters; queries drawn from the same clusters
 * and their exact top-10s, unfiltered and filtered.
 *
 * <p>Thread-safe: built under the class lock, immutable afterwards.
 */
final class VectorFixture {
  /** 100,000 as the issue asks; {@code -Dpluresdb.bench.rows=n} for a quicker run. */
  static final int ROWS = Integer.getInteger("pluresdb.bench.rows", 100_000);

  static final int DIMS = 128;
  static final int CLUSTERS = 100;
  static final int QUERIES = 200;
  static final int K = 10;
  static final int M = 16;
  static final int EF_CONSTRUCTION = 200;
  static final int EF_SEARCH = Integer.getInteger("pluresdb.bench.ef", 64);
  static final String TOP_K =
      "SELECT id FROM vec ORDER BY cosine_distance(embedding, ?) LIMIT " + K;
  static final String FILTERED_TOP_K =
      "SELECT id FROM vec WHERE lang = 'en' ORDER BY cosine_distance(embedding, ?) LIMIT " + K;

  private static VectorFixture instance;

  final float[][] data;
  final float[][] queries;
  final long[][] truth;
  final long[][] filteredTruth;
  final Path dir;
  final Connection connection;
  final HnswIndex<Long, float[], Vec, Float> direct;
  final long buildMillisOurs;
  final long buildMillisDirect;

  /** One vector for hnswlib-core. */
  record Vec(Long id, float[] vector) implements Item<Long, float[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public int dimensions() {
      return vector.length;
    }
  }

  static synchronized VectorFixture get() throws Exception {
    if (instance == null) {
      instance = new VectorFixture();
    }
    return instance;
  }

  private VectorFixture() throws Exception {
    SyntheticVectors points = new SyntheticVectors(42, CLUSTERS, DIMS, 0.35f);
    data = points.next(ROWS);
    queries = points.next(QUERIES);
    truth = new long[QUERIES][];
    filteredTruth = new long[QUERIES][];
    for (int q = 0; q < QUERIES; q++) {
      truth[q] = exact(queries[q], false);
      filteredTruth[q] = exact(queries[q], true);
    }
    dir = Fixture.tempDir("bench-vector");
    long t0 = System.nanoTime();
    connection =
        DriverManager.getConnection(
            "jdbc:pluresdb:" + dir.resolve("vec.db") + "?ef_search=" + EF_SEARCH);
    load(connection);
    buildMillisOurs = (System.nanoTime() - t0) / 1_000_000;
    long t1 = System.nanoTime();
    direct =
        HnswIndex.<float[], Float>newBuilder(DIMS, DistanceFunctions.FLOAT_COSINE_DISTANCE, ROWS)
            .withM(M)
            .withEfConstruction(EF_CONSTRUCTION)
            .withEf(EF_SEARCH)
            .build();
    List<Vec> items = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      items.add(new Vec((long) i, data[i]));
    }
    direct.addAll(items, Runtime.getRuntime().availableProcessors(), (a, b) -> {}, ROWS);
    buildMillisDirect = (System.nanoTime() - t1) / 1_000_000;
  }

  static boolean english(long id) {
    return id % 10 == 3;
  }

  private long[] exact(float[] q, boolean filtered) {
    long[] best = new long[K];
    float[] bestD = new float[K];
    java.util.Arrays.fill(bestD, Float.MAX_VALUE);
    for (int i = 0; i < data.length; i++) {
      if (filtered && !english(i)) {
        continue;
      }
      float d = io.pluresdb.vector.Distances.cosineDistance(data[i], q);
      if (d < bestD[K - 1]) {
        int at = K - 1;
        while (at > 0 && bestD[at - 1] > d) {
          bestD[at] = bestD[at - 1];
          best[at] = best[at - 1];
          at--;
        }
        bestD[at] = d;
        best[at] = i;
      }
    }
    return best;
  }

  private void load(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE vec (id BIGINT PRIMARY KEY, lang VARCHAR(2), embedding VECTOR("
              + DIMS
              + "))");
    }
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO vec VALUES (?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        p.setLong(1, i);
        p.setString(2, english(i) ? "en" : "xx");
        p.setObject(3, data[i]);
        p.addBatch();
        if (i % 1000 == 999) {
          p.executeBatch();
          c.commit();
        }
      }
      p.executeBatch();
      c.commit();
    }
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      // returns once the index is built
      s.execute(
          "CREATE INDEX vec_emb ON vec USING hnsw (embedding) WITH (metric = 'cosine', m = "
              + M
              + ", ef_construction = "
              + EF_CONSTRUCTION
              + ")");
    }
  }

  /** The top-k ids through SQL. */
  static long[] sql(PreparedStatement p, float[] q) throws SQLException {
    p.setObject(1, q);
    long[] ids = new long[K];
    int n = 0;
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        ids[n++] = rs.getLong(1);
      }
    }
    return n == K ? ids : java.util.Arrays.copyOf(ids, n);
  }

  /** The top-k ids from hnswlib-core called directly. */
  long[] direct(float[] q) {
    List<SearchResult<Vec, Float>> found = direct.findNearest(q, K);
    long[] ids = new long[found.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = found.get(i).item().id();
    }
    return ids;
  }

  /** Mean recall@k of a search over the fixture's queries. */
  double recall(Search search, boolean filtered) throws SQLException {
    double sum = 0;
    for (int q = 0; q < QUERIES; q++) {
      long[] want = filtered ? filteredTruth[q] : truth[q];
      long[] got = search.top(queries[q]);
      int hits = 0;
      for (long g : got) {
        for (long w : want) {
          if (g == w) {
            hits++;
            break;
          }
        }
      }
      sum += hits / (double) K;
    }
    return sum / QUERIES;
  }

  /** One way to find the top k. */
  @FunctionalInterface
  interface Search {
    long[] top(float[] q) throws SQLException;
  }
}
