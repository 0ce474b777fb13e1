package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code JSON MERGEABLE} columns, which merge per path, on one node through {@code java.sql}. */
class JsonColumnTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void aJsonColumnHoldsItsDocumentMinifiedAndTheJsonFunctionsReadIt() throws SQLException {
    String url = Db.fileUrl(dir, "json.db");
    try (Connection c = Db.open(url)) {
      Db.exec(
          c,
          "CREATE TABLE note (id BIGINT PRIMARY KEY, meta JSON MERGEABLE)",
          "INSERT INTO note VALUES (1, '{ \"tags\": [\"work\"], \"n\": 1.50 }'), (2, NULL)",
          "UPDATE note SET meta = json_set(meta, '$.tags[#]', 'urgent') WHERE id = 1",
          "UPDATE note SET meta = json_set(meta, '$.owner', 'bo') WHERE id = 1",
          "UPDATE note SET meta = json_remove(meta, '$.n') WHERE id = 1");
      assertThat(Db.rows(c, "SELECT id, meta FROM note ORDER BY id"))
          .containsExactly("1|{\"tags\":[\"work\",\"urgent\"],\"owner\":\"bo\"}", "2|null");
      assertThat(
              Db.rows(
                  c,
                  "SELECT meta->>'owner', meta->>'$.tags[1]', json_array_length(meta, '$.tags'),"
                      + " meta->'$.tags' FROM note WHERE id = 1"))
          .containsExactly("bo|urgent|2|[\"work\",\"urgent\"]");
      assertThat(Db.rows(c, "SELECT id FROM note WHERE meta->>'owner' = 'bo'"))
          .containsExactly("1");
      assertThat(
              Db.rows(
                  c,
                  "SELECT j.value FROM note, json_each(note.meta, '$.tags') AS j"
                      + " WHERE note.id = 1 ORDER BY j.key"))
          .containsExactly("work", "urgent");
      assertThat(Db.rows(c, "SELECT type FROM pragma_table_info('note') WHERE name = 'meta'"))
          .containsExactly("JSON MERGEABLE");

      // NULL, a scalar, an array: any JSON value; a deleted key inserted again starts afresh
      Db.exec(
          c,
          "UPDATE note SET meta = '[1, 2]' WHERE id = 2",
          "DELETE FROM note WHERE id = 1",
          "INSERT INTO note VALUES (1, '{\"fresh\":true}')");
      assertThat(Db.rows(c, "SELECT id, meta FROM note ORDER BY id"))
          .containsExactly("1|{\"fresh\":true}", "2|[1,2]");
      Db.assertSqlState("22P02", () -> Db.exec(c, "UPDATE note SET meta = '{nope' WHERE id = 2"));
    }
    try (Connection c = Db.open(url)) {
      Db.exec(c, "UPDATE note SET meta = json_insert(meta, '$[#]', 3) WHERE id = 2");
      assertThat(Db.scalar(c, "SELECT meta FROM note WHERE id = 2")).isEqualTo("[1,2,3]");
      assertThat((String) Db.scalar(c, "SELECT sql FROM sqlite_schema WHERE name = 'note'"))
          .contains("\"meta\" JSON MERGEABLE");
      try (java.sql.ResultSet rs = c.getMetaData().getColumns(null, null, "note", "meta")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("TYPE_NAME")).isEqualTo("JSON MERGEABLE");
        assertThat(rs.getInt("DATA_TYPE")).isEqualTo(java.sql.Types.OTHER);
      }
    }
  }

  @Test
  void aPlainJsonColumnKeepsItsTextAsWrittenAndTheLastWriteReplacesIt() throws SQLException {
    String url = Db.fileUrl(dir, "plain.db");
    try (Connection c = Db.open(url)) {
      Db.exec(
          c,
          "CREATE TABLE note (id BIGINT PRIMARY KEY, meta JSON)",
          "INSERT INTO note VALUES (1, '{ \"tags\": [\"work\"], \"n\": 1.50 }')");
      assertThat(Db.scalar(c, "SELECT meta FROM note WHERE id = 1"))
          .isEqualTo("{ \"tags\": [\"work\"], \"n\": 1.50 }");
      Db.exec(c, "UPDATE note SET meta = json_set(meta, '$.owner', 'bo') WHERE id = 1");
      assertThat(Db.scalar(c, "SELECT meta->>'owner' FROM note WHERE id = 1")).isEqualTo("bo");
      Db.exec(c, "UPDATE note SET meta = '[1,  2]' WHERE id = 1");
      assertThat(Db.scalar(c, "SELECT meta FROM note WHERE id = 1")).isEqualTo("[1,  2]");
      assertThat(Db.rows(c, "SELECT type FROM pragma_table_info('note') WHERE name = 'meta'"))
          .containsExactly("JSON");
    }
  }
}
