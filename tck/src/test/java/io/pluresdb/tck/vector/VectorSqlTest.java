package io.pluresdb.tck.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The user story and the VECTOR type, through the JDBC API only. */
@Timeout(600)
class VectorSqlTest {
  static final int DIMS = 8;
  static final String STORY =
      "SELECT id, title, vector_similarity(embedding, ?) AS score FROM doc WHERE lang = 'en'"
          + " ORDER BY cosine_distance(embedding, ?) LIMIT 10";

  @TempDir Path tmp;

  private static float[] vector(Random r) {
    float[] v = new float[DIMS];
    for (int i = 0; i < DIMS; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static void createDocs(Connection c, int n) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE doc (id BIGINT PRIMARY KEY, title VARCHAR(200), lang VARCHAR(5),"
              + " embedding VECTOR("
              + DIMS
              + "))");
    }
    c.setAutoCommit(false);
    Random r = new Random(7);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO doc VALUES (?, ?, ?, ?)")) {
      for (int i = 1; i <= n; i++) {
        p.setLong(1, i);
        p.setString(2, "doc " + i);
        p.setString(3, i % 2 == 0 ? "en" : "fr");
        p.setObject(4, vector(r));
        p.addBatch();
      }
      p.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }

  private static List<Long> ids(PreparedStatement p) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** The ids the user story's query returns for {@code q}, at most {@code maxRows} (0: all). */
  private static List<Long> storyIds(Connection c, float[] q, int maxRows) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(STORY)) {
      p.setMaxRows(maxRows);
      p.setObject(1, q);
      p.setObject(2, q);
      return ids(p);
    }
  }

  @Test
  void theUserStoryRunsWithAndWithoutTheIndexAndAgrees() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + tmp.resolve("v.db"))) {
      createDocs(c, 200);
      float[] q = vector(new Random(99));
      List<Long> exact = storyIds(c, q, 0);
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE INDEX doc_emb ON doc USING hnsw (embedding)"
                + " WITH (metric = 'cosine', m = 16, ef_construction = 200)");
        s.execute("SET ef_search = 200");
      }
      try (PreparedStatement p = c.prepareStatement(STORY)) {
        p.setObject(1, q);
        p.setString(2, java.util.Arrays.toString(q));
        assertThat(ids(p)).hasSize(10).containsExactlyElementsOf(exact);
        p.setObject(1, q);
        p.setObject(2, q);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getDouble("score")).isBetween(0.0, 1.0);
          assertThat(rs.getString("title")).startsWith("doc ");
        }
      }
      try (Statement s = c.createStatement();
          ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR " + STORY)) {
        List<String> lines = new ArrayList<>();
        while (plan.next()) {
          lines.add(plan.getString(1));
        }
        assertThat(lines).anyMatch(l -> l.startsWith("HnswSearch(index=[doc_emb]"));
      }
    }
  }

  @Test
  void maxRowsKeepsTheNearestRowsOfAnIndexSearch() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + tmp.resolve("m.db"))) {
      createDocs(c, 300);
      float[] q = vector(new Random(5));
      List<Long> exact = storyIds(c, q, 0);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE INDEX doc_emb ON doc USING hnsw (embedding)");
        s.execute("SET ef_search = 300");
      }
      assertThat(storyIds(c, q, 3)).containsExactlyElementsOf(exact.subList(0, 3));
    }
  }

  @Test
  void vectorsBindAsFloatArraysOrTextAndReadBackAsBoth() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:mem:vector_types")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, e VECTOR(3))");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
        p.setInt(1, 1);
        p.setObject(2, new float[] {1f, 2.5f, -3f});
        p.executeUpdate();
        p.setInt(1, 2);
        p.setString(2, "[0, 1, 0]");
        p.executeUpdate();
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT e, vector_dims(e) FROM v ORDER BY id")) {
        assertThat(rs.next()).isTrue();
        assertThat((float[]) rs.getObject(1)).containsExactly(1f, 2.5f, -3f);
        assertThat(rs.getObject(1, float[].class)).containsExactly(1f, 2.5f, -3f);
        assertThat(rs.getString(1)).isEqualTo("[1.0,2.5,-3.0]");
        assertThat(rs.getInt(2)).isEqualTo(3);
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnTypeName(1)).isEqualTo("VECTOR");
        assertThat(md.getColumnType(1)).isEqualTo(Types.OTHER);
        assertThat(md.getPrecision(1)).isEqualTo(3);
        assertThat(md.getColumnClassName(1)).isEqualTo(float[].class.getName());
        assertThat(rs.next()).isTrue();
        assertThat((float[]) rs.getObject(1)).containsExactly(0f, 1f, 0f);
      }
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet cols = meta.getColumns(null, null, "v", "e")) {
        assertThat(cols.next()).isTrue();
        assertThat(cols.getString("TYPE_NAME")).isEqualTo("VECTOR");
        assertThat(cols.getInt("DATA_TYPE")).isEqualTo(Types.OTHER);
        assertThat(cols.getInt("COLUMN_SIZE")).isEqualTo(3);
      }
      try (ResultSet types = meta.getTypeInfo()) {
        boolean found = false;
        while (types.next()) {
          found |= "VECTOR".equals(types.getString("TYPE_NAME"));
        }
        assertThat(found).isTrue();
      }
    }
  }

  @Test
  void badVectorsFailWithDataExceptions() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:mem:vector_errors")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, e VECTOR(3))");
        s.execute("INSERT INTO v VALUES (1, '[1, 0, 0]')");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO v VALUES (2, ?)")) {
        p.setObject(1, new float[] {1f, 2f});
        SQLException e = catchThrowableOfType(SQLException.class, p::executeUpdate);
        assertThat(e.getSQLState()).isEqualTo("22000");
        assertThat(e.getMessage()).contains("'e'", "'v'", "VECTOR(3)", "2 dimensions");
      }
      try (PreparedStatement p =
          c.prepareStatement("SELECT id FROM v ORDER BY l2_distance(e, ?) LIMIT 1")) {
        p.setString(1, "[1, 2]");
        SQLException e = catchThrowableOfType(SQLException.class, () -> ids(p));
        assertThat(e.getSQLState()).isEqualTo("22000");
        p.setString(1, "[1, two, 3]");
        e = catchThrowableOfType(SQLException.class, () -> ids(p));
        assertThat(e.getSQLState()).isEqualTo("22P02");
      }
    }
  }

  @Test
  void efSearchIsAConnectionProperty() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:mem:vector_ef?ef_search=0")) {
      assertThat(c).isNull();
    } catch (SQLException e) {
      assertThat(e.getSQLState()).isEqualTo("08001");
      assertThat(e.getMessage()).contains("ef_search");
    }
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:mem:vector_ef?ef_search=64")) {
      assertThat(c.isValid(1)).isTrue();
    }
  }
}
