package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The user story, end to end through {@code java.sql}. */
@Timeout(180)
class UserStoryTest {
  @TempDir Path dir;

  private static final String QUERY =
      "SELECT r.name, COUNT(*) FROM album a JOIN artist r ON a.artist_id = r.id"
          + " WHERE a.year > 2000 GROUP BY r.name ORDER BY 2 DESC LIMIT 10";

  @Test
  void batchedInsertsInATransactionRollBackAndCommitThenJoinAndAggregate() throws Exception {
    try (Connection c = Db.connect("jdbc:pluresdb:" + dir.resolve("data/app.db"))) {
      Db.createAlbums(c);
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO artist VALUES (?, ?)")) {
        p.setLong(1, 1);
        p.setString(2, "Radiohead");
        p.addBatch();
        p.setLong(1, 2);
        p.setString(2, "Björk");
        p.addBatch();
        assertThat(p.executeBatch()).containsExactly(1, 1);
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO album VALUES (?, ?, ?, ?, ?)")) {
        Object[][] albums = {
          {10, "Kid A", 2000, LocalDate.of(2000, 10, 2), 1},
          {11, "Amnesiac", 2001, LocalDate.of(2001, 6, 5), 1},
          {12, "In Rainbows", 2007, LocalDate.of(2007, 10, 10), 1},
          {13, "Vespertine", 2001, LocalDate.of(2001, 8, 27), 2},
          {14, "Volta", 2007, null, 2},
        };
        for (Object[] a : albums) {
          p.setInt(1, (Integer) a[0]);
          p.setString(2, (String) a[1]);
          p.setInt(3, (Integer) a[2]);
          p.setObject(4, a[3]);
          p.setInt(5, (Integer) a[4]);
          p.addBatch();
        }
        assertThat(p.executeBatch()).containsExactly(1, 1, 1, 1, 1);
      }
      c.commit();

      Db.exec(c, "INSERT INTO album VALUES (15, 'Hail to the Thief', 2003, NULL, 1)");
      assertThat(Db.rows(c, "SELECT COUNT(*) FROM album")).containsExactly("6");
      c.rollback();
      assertThat(Db.rows(c, "SELECT COUNT(*) FROM album")).containsExactly("5");

      c.setAutoCommit(true);
      assertThat(Db.rows(c, QUERY)).containsExactly("Radiohead|2", "Björk|2");
    }
  }

  @Test
  void dataSurvivesClosingAndReopening() throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("keep.db");
    try (Connection c = Db.connect(url)) {
      Db.createAlbums(c);
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO album (id, name, released) VALUES (?, ?, ?)")) {
        p.setLong(1, 1);
        p.setString(2, "Kind of Blue");
        p.setDate(3, Date.valueOf("1959-08-17"));
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
    }
    try (Connection c = Db.connect(url);
        ResultSet rs = c.createStatement().executeQuery("SELECT name, released FROM album")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("name")).isEqualTo("Kind of Blue");
      assertThat(rs.getObject("released", LocalDate.class)).isEqualTo(LocalDate.of(1959, 8, 17));
      assertThat(rs.next()).isFalse();
    }
  }
}
