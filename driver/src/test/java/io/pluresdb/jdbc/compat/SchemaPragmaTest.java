package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQLite's schema PRAGMAs and its {@code sqlite_schema} table show the user's tables as SQLite
 * shows the same schema, and nothing of the store's own tables and hidden columns.
 */
class SchemaPragmaTest {
  private static final String[] SCHEMA = {
    "CREATE TABLE artist (id INTEGER PRIMARY KEY, name VARCHAR(120) NOT NULL, born DATE)",
    "CREATE TABLE album (id INTEGER NOT NULL, artist_id INTEGER NOT NULL, title VARCHAR(160),"
        + " PRIMARY KEY (id), FOREIGN KEY (artist_id) REFERENCES artist (id))",
    "CREATE INDEX album_artist ON album (artist_id)",
    "CREATE UNIQUE INDEX album_title ON album (title, artist_id)",
    "CREATE TABLE tag (name VARCHAR(20), weight INTEGER DEFAULT 1)",
    "CREATE VIEW artist_names AS SELECT name FROM artist"
  };

  private Connection ours;
  private Connection sqlite;

  @BeforeEach
  void open() throws SQLException {
    ours = DriverManager.getConnection("jdbc:pluresdb:mem:pragma-" + System.nanoTime());
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    for (String ddl : SCHEMA) {
      ours.createStatement().execute(ddl);
      sqlite.createStatement().execute(ddl);
    }
  }

  @AfterEach
  void close() throws SQLException {
    ours.close();
    sqlite.close();
  }

  @Test
  void tableInfoListsDeclaredColumnsLikeSqlite() throws SQLException {
    for (String table : List.of("artist", "album", "tag", "ARTIST")) {
      String sql = "PRAGMA table_info(" + table + ")";
      assertThat(rows(ours, sql, 2, 6)).as(sql).isEqualTo(rows(sqlite, sql, 2, 6));
      assertThat(rows(ours, sql, 3)).as(sql).hasSameSizeAs(rows(sqlite, sql, 3));
      // notnull of key columns: SQLite reports what was written (an INTEGER PRIMARY KEY without
      // NOT NULL says 0); the catalog keeps only that a key is never null, so it says 1
      assertThat(nonKeyNotNull(ours, sql)).as(sql).isEqualTo(nonKeyNotNull(sqlite, sql));
    }
    assertThat(rows(ours, "PRAGMA table_info('nothing')", 2)).isEmpty();
    assertThat(labels(ours, "PRAGMA table_info(artist)"))
        .isEqualTo(labels(sqlite, "PRAGMA table_info(artist)"));
  }

  @Test
  void indexAndForeignKeyPragmasAnswerLikeSqlite() throws SQLException {
    assertThat(rows(ours, "PRAGMA index_list(album)", 2, 3))
        .isEqualTo(rows(sqlite, "PRAGMA index_list(album)", 2, 3));
    assertThat(rows(ours, "PRAGMA index_info(album_title)", 1, 2, 3))
        .isEqualTo(rows(sqlite, "PRAGMA index_info(album_title)", 1, 2, 3));
    assertThat(rows(ours, "PRAGMA foreign_key_list(album)", 3, 4, 5))
        .isEqualTo(rows(sqlite, "PRAGMA foreign_key_list(album)", 3, 4, 5));
    assertThat(labels(ours, "PRAGMA foreign_key_list(album)"))
        .isEqualTo(labels(sqlite, "PRAGMA foreign_key_list(album)"));
  }

  @Test
  void sqliteSchemaListsTheUsersObjectsOnly() throws SQLException {
    String sql = "SELECT type, name, tbl_name FROM sqlite_schema ORDER BY type, name";
    List<List<String>> expected = rows(sqlite, sql, 1, 2, 3);
    expected.removeIf(r -> r.get(1).startsWith("sqlite_autoindex"));
    assertThat(rows(ours, sql, 1, 2, 3)).isEqualTo(expected);
    assertThat(rows(ours, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1", 1))
        .isEqualTo(
            rows(sqlite, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1", 1));
    String text =
        rows(ours, "SELECT \"sql\" FROM sqlite_schema WHERE name = 'album'", 1).get(0).get(0);
    assertThat(text).startsWith("CREATE TABLE \"album\"").doesNotContain("_clk");
    // the text is a statement SQLite accepts for the same table
    sqlite.createStatement().execute(text.replace("\"album\"", "\"album_copy\""));
  }

  @Test
  void settingsReadWhatTheStoreDoesAndTuningIsAccepted() throws SQLException {
    assertThat(rows(ours, "PRAGMA foreign_keys", 1)).containsExactly(List.of("1"));
    assertThat(rows(ours, "PRAGMA journal_mode", 1)).containsExactly(List.of("wal"));
    try (Statement s = ours.createStatement()) {
      assertThat(s.execute("PRAGMA foreign_keys = ON")).isFalse();
      assertThat(s.execute("PRAGMA main.cache_size = -4000")).isFalse();
      assertThat(s.execute("PRAGMA no_such_pragma")).isFalse();
    }
    assertThat(rows(ours, "PRAGMA journal_mode = DELETE", 1)).containsExactly(List.of("wal"));
    assertThat(rows(ours, "PRAGMA integrity_check", 1)).containsExactly(List.of("ok"));
    // user_version is kept (in the replicated catalog), as migrations keyed on it need
    assertThat(rows(ours, "PRAGMA user_version", 1)).containsExactly(List.of("0"));
    ours.createStatement().execute("PRAGMA user_version = 3");
    assertThat(rows(ours, "PRAGMA user_version", 1)).containsExactly(List.of("3"));
  }

  private static List<List<String>> nonKeyNotNull(Connection c, String sql) throws SQLException {
    List<List<String>> rows = rows(c, sql, 2, 4, 6);
    rows.removeIf(r -> !r.get(2).equals("0"));
    return rows;
  }

  private static List<String> labels(Connection c, String sql) throws SQLException {
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        out.add(r.getMetaData().getColumnLabel(i));
      }
      return out;
    }
  }

  /**
   * A pragma function answering more rows than SQLite's 500 terms of one compound SELECT: one
   * column per row of {@code pragma_table_info} on a table of 600, and one row per table and column
   * when the argument comes from the row around it.
   */
  @Test
  void pragmaFunctionsAnswerMoreRowsThanACompoundSelectHoldsLikeSqlite() throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE TABLE wide (c0 INTEGER");
    for (int i = 1; i < 600; i++) {
      ddl.append(", c").append(i).append(i % 2 == 0 ? " INTEGER" : " TEXT");
    }
    String create = ddl.append(')').toString();
    ours.createStatement().execute(create);
    sqlite.createStatement().execute(create);
    for (String sql :
        List.of(
            "SELECT count(*), sum(cid), max(name) FROM pragma_table_info('wide')",
            "SELECT type, count(*) FROM pragma_table_info('wide') GROUP BY type ORDER BY type",
            "SELECT m.name, (SELECT count(*) FROM pragma_table_info(m.name) AS p)"
                + " FROM sqlite_schema m WHERE m.type = 'table' ORDER BY m.name")) {
      assertThat(rows(ours, sql, 1, 2)).as(sql).isEqualTo(rows(sqlite, sql, 1, 2));
    }
  }

  private static List<List<String>> rows(Connection c, String sql, int... columns)
      throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int col : columns) {
          row.add(r.getString(col));
        }
        out.add(row);
      }
    }
    return out;
  }
}
