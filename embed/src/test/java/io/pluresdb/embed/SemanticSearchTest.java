package io.pluresdb.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic search through {@code java.sql}: 275 sentences on eleven topics, embedded by a generated
 * column, found by the meaning of a query that shares few or no words with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticSearchTest {
  @TempDir static Path dir;
  private Connection c;

  @BeforeAll
  void load() throws Exception {
    c = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("notes.db"));
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE note (id BIGINT PRIMARY KEY, topic VARCHAR(20), title VARCHAR(200),"
              + " body TEXT, embedding VECTOR(384) GENERATED ALWAYS AS"
              + " (embed(title || ' ' || body)))");
      s.execute(
          "CREATE INDEX note_embedding ON note USING hnsw (embedding) WITH (metric = 'cosine')");
    }
    List<Sentences> all = Sentences.all();
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO note (id, topic, title, body) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < all.size(); i++) {
        p.setLong(1, i + 1);
        p.setString(2, all.get(i).topic());
        p.setString(3, "");
        p.setString(4, all.get(i).text());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @AfterAll
  void close() throws SQLException {
    c.close();
  }

  private List<String> nearestTopics(String query, int k) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT topic FROM note ORDER BY cosine_distance(embedding, embed(?)) LIMIT " + k)) {
      p.setString(1, query);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  @Test
  void everyRowHasA384DimensionalUnitVector() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), MIN(vector_dims(embedding)), MAX(vector_dims(embedding)),"
                    + " MAX(ABS(inner_product(embedding, embedding) - 1)) FROM note")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(275);
      assertThat(rs.getInt(2)).isEqualTo(384);
      assertThat(rs.getInt(3)).isEqualTo(384);
      assertThat(rs.getDouble(4)).isLessThan(1e-4);
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT embedding FROM note WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat((float[]) rs.getObject(1)).hasSize(384);
    }
  }

  @Test
  void queriesFindTheSentencesOfTheirTopic() throws SQLException {
    // few words in common with the sentences: the model must match meaning
    assertThat(nearestTopics("what should I make for dinner tonight", 5)).containsOnly("cooking");
    assertThat(nearestTopics("will I need an umbrella this week", 5)).containsOnly("weather");
    assertThat(nearestTopics("who won the game at the weekend", 5)).containsOnly("football");
    assertThat(nearestTopics("my software crashes with a bug", 5)).containsOnly("programming");
    assertThat(nearestTopics("planets and stars in the universe", 5)).containsOnly("space");
    assertThat(nearestTopics("saving money and investing in the stock market", 5))
        .containsOnly("finance");
    assertThat(nearestTopics("seeing a doctor about an illness", 5)).containsOnly("health");
    assertThat(nearestTopics("listening to a live band", 5)).containsOnly("music");
    assertThat(nearestTopics("going abroad on holiday by plane", 5)).containsOnly("travel");
    assertThat(nearestTopics("looking after my dog and cat", 5)).containsOnly("pets");
    assertThat(nearestTopics("growing flowers and vegetables in the back yard", 5))
        .containsOnly("gardening");
  }

  @Test
  void mostSentencesHaveANearestNeighbourOnTheirOwnTopic() throws SQLException {
    // the exact scan (no index: a join) over all pairs, each sentence's nearest other sentence
    int same = 0;
    int total = 0;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a.topic, (SELECT b.topic FROM note b WHERE b.id <> a.id"
                    + " ORDER BY cosine_distance(a.embedding, b.embedding) LIMIT 1) FROM note a")) {
      while (rs.next()) {
        total++;
        if (rs.getString(1).equals(rs.getString(2))) {
          same++;
        }
      }
    }
    assertThat(total).isEqualTo(275);
    assertThat(same).isGreaterThanOrEqualTo(total * 85 / 100);
  }

  @Test
  void theTopKQueryIsAnIndexSearch() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "EXPLAIN SELECT id FROM note"
                    + " ORDER BY cosine_distance(embedding, embed('weekly planning')) LIMIT 5")) {
      StringBuilder plan = new StringBuilder();
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
      assertThat(plan.toString()).contains("HnswSearch");
    }
  }

  @Test
  void aGeneratedColumnFollowsTheColumnsItReadsAndTakesNoValue() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO note (id, topic, title, body) VALUES (1000, 'x', 'a', 'b')");
      long before = MiniLmEmbedder.calls();
      s.execute("UPDATE note SET topic = 'y' WHERE id = 1000"); // the expression reads no topic
      assertThat(MiniLmEmbedder.calls()).isEqualTo(before);
      s.execute("UPDATE note SET title = 'The orchestra played Mahler' WHERE id = 1000");
      assertThat(MiniLmEmbedder.calls()).isEqualTo(before + 1);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT cosine_distance(embedding, embed('The orchestra played Mahler b'))"
                  + " FROM note WHERE id = 1000")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getDouble(1)).isLessThan(1e-5);
      }
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO note (id, topic, title, body, embedding)"
                          + " VALUES (1001, 'x', 'a', 'b', '[1,2]')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("embedding")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("428C9");
      assertThatThrownBy(() -> s.execute("UPDATE note SET embedding = NULL WHERE id = 1000"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("428C9");
      s.execute("DELETE FROM note WHERE id = 1000");
    }
  }
}
