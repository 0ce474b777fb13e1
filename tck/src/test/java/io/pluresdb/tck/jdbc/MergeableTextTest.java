package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code TEXT MERGEABLE} columns on one node, through {@code java.sql}. */
class MergeableTextTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void aMergeableTextColumnReadsAndWritesAsText() throws SQLException {
    try (Connection c = Db.open(Db.fileUrl(dir, "text.db"))) {
      Db.exec(
          c,
          "CREATE TABLE note (id BIGINT PRIMARY KEY, body TEXT MERGEABLE)",
          "INSERT INTO note VALUES (1, 'hello world'), (2, NULL)",
          "UPDATE note SET body = 'hello brave world' WHERE id = 1",
          "UPDATE note SET body = text_splice(body, 17, 0, '!') WHERE id = 1");
      assertThat(Db.rows(c, "SELECT id, body, length(body) FROM note ORDER BY id"))
          .containsExactly("1|hello brave world!|18", "2|null|null");
      assertThat(Db.rows(c, "SELECT type FROM pragma_table_info('note') WHERE name = 'body'"))
          .containsExactly("TEXT MERGEABLE");
      assertThat(Db.rows(c, "SELECT id FROM note WHERE body LIKE '%brave%'")).containsExactly("1");

      // NULL written over text empties it; text written to a never-written field starts it
      Db.exec(
          c,
          "UPDATE note SET body = NULL WHERE id = 1",
          "UPDATE note SET body = 'second' WHERE id = 2");
      assertThat(Db.rows(c, "SELECT id, body FROM note ORDER BY id"))
          .containsExactly("1|", "2|second");

      // a deleted note's key inserted again starts from the old text, as counters do
      Db.exec(c, "DELETE FROM note WHERE id = 2", "INSERT INTO note VALUES (2, 'third')");
      assertThat(Db.scalar(c, "SELECT body FROM note WHERE id = 2")).isEqualTo("third");

      Db.assertSqlState(
          "22003", () -> Db.exec(c, "UPDATE note SET body = text_splice(body, 9, 0, 'x')"));
    }
  }

  @Test
  void aColumnAddedLaterMergesAndTheTextSurvivesReopening() throws SQLException {
    String url = Db.fileUrl(dir, "added.db");
    try (Connection c = Db.open(url)) {
      Db.exec(
          c,
          "CREATE TABLE doc (id INTEGER PRIMARY KEY, title VARCHAR(20))",
          "INSERT INTO doc VALUES (1, 'one')",
          "ALTER TABLE doc ADD COLUMN body TEXT MERGEABLE",
          "UPDATE doc SET body = 'draft' WHERE id = 1",
          "UPDATE doc SET body = text_splice(body, 5, 0, ' two') WHERE id = 1");
    }
    try (Connection c = Db.open(url)) {
      Db.exec(c, "UPDATE doc SET body = 'a draft two' WHERE id = 1");
      assertThat(Db.rows(c, "SELECT id, title, body FROM doc"))
          .containsExactly("1|one|a draft two");
      assertThat(Db.rows(c, "SELECT count(*) FROM doc WHERE body = 'a draft two'"))
          .isEqualTo(List.of("1"));
    }
  }
}
