package io.pluresdb.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.vector.VectorCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vector computed by {@code embed()} on the writing node reaches another node as a value: the
 * receiving node holds the same bytes without running the model, and searches them.
 */
class EmbeddingReplicationTest {
  private static final Duration CONVERGE = Duration.ofSeconds(120);

  @TempDir Path dir;

  private static List<String> rows(Connection c, String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        Object v = rs.getObject(2);
        out.add(rs.getString(1) + "|" + (v instanceof float[] f ? Arrays.toString(f) : v));
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return List.of(); // the table has not arrived yet
      }
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Test
  void theWritersVectorsReachThePeerAsValues() throws Exception {
    try (Connection a =
            DriverManager.getConnection(
                "jdbc:pluresdb:" + dir.resolve("a.db") + "?listen=127.0.0.1:0&token=t0ken");
        Connection b =
            DriverManager.getConnection(
                "jdbc:pluresdb:"
                    + dir.resolve("b.db")
                    + "?peers=ws://127.0.0.1:"
                    + a.unwrap(PluresConnection.class).listenPort()
                    + "&token=t0ken")) {
      try (Statement s = a.createStatement()) {
        s.execute(
            "CREATE TABLE note (id BIGINT PRIMARY KEY, title VARCHAR(200), body TEXT,"
                + " embedding VECTOR(384) GENERATED ALWAYS AS (embed(title || ' ' || body)))");
        s.execute("CREATE INDEX note_vec ON note USING hnsw (embedding)");
      }
      List<Sentences> some = Sentences.all().subList(0, 60);
      try (PreparedStatement p =
          a.prepareStatement("INSERT INTO note (id, title, body) VALUES (?, ?, ?)")) {
        for (int i = 0; i < some.size(); i++) {
          p.setLong(1, i + 1);
          p.setString(2, some.get(i).topic());
          p.setString(3, some.get(i).text());
          p.executeUpdate();
        }
      }
      long computed = MiniLmEmbedder.calls();
      String all = "SELECT id, embedding FROM note ORDER BY id";
      List<String> onA = rows(a, all);
      assertThat(onA).hasSize(60);
      await().atMost(CONVERGE).until(() -> rows(b, all).equals(onA));
      // b applied 60 rows with their vectors and computed none of them
      assertThat(MiniLmEmbedder.calls()).isEqualTo(computed);

      // b searches the received vectors with a vector a computed: no model needed for that
      float[] query;
      try (Statement s = a.createStatement();
          ResultSet rs = s.executeQuery("SELECT embed('a storm with strong wind and rain')")) {
        assertThat(rs.next()).isTrue();
        query = VectorCodec.fromBytes(rs.getBytes(1));
      }
      try (PreparedStatement p =
          b.prepareStatement(
              "SELECT title FROM note ORDER BY cosine_distance(embedding, ?) LIMIT 3")) {
        p.setObject(1, query);
        List<String> topics = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            topics.add(rs.getString(1));
          }
        }
        assertThat(topics).containsExactly("weather", "weather", "weather");
      }

      // an update on b recomputes there, once, and a receives b's vector
      long beforeUpdate = MiniLmEmbedder.calls();
      try (Statement s = b.createStatement()) {
        s.execute("UPDATE note SET body = 'The choir sang in the cathedral' WHERE id = 1");
      }
      assertThat(MiniLmEmbedder.calls()).isEqualTo(beforeUpdate + 1);
      List<String> onB = rows(b, all);
      await().atMost(CONVERGE).until(() -> rows(a, all).equals(onB));
      assertThat(MiniLmEmbedder.calls()).isEqualTo(beforeUpdate + 1);
    }
  }
}
