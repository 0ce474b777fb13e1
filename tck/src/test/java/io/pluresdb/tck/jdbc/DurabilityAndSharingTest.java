package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data outlives connections; connections to one database see one database. */
class DurabilityAndSharingTest {
  @TempDir Path dir;

  @Test
  void committedDataSurvivesCloseAndReopen() throws Exception {
    String url = Db.fileUrl(dir, "durable");
    try (Connection c = Db.open(url)) {
      Db.exec(
          c,
          "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
              + " released DATE)",
          "CREATE INDEX album_name ON album (name)",
          "INSERT INTO album VALUES (1, 'Blue', DATE '1971-06-22'), (2, 'Hejira', NULL)",
          "UPDATE album SET name = 'Court and Spark' WHERE id = 2");
    }
    try (Connection c = Db.open(url)) {
      assertThat(Db.count(c, "album")).isEqualTo(2);
      assertThat(Db.scalar(c, "SELECT name FROM album WHERE id = 2")).isEqualTo("Court and Spark");
      assertThat(Db.scalar(c, "SELECT released FROM album WHERE id = 1")).isNotNull();
      Db.exec(c, "INSERT INTO album VALUES (3, 'Ladies', NULL)");
    }
    try (Connection c = Db.open(url)) {
      assertThat(Db.count(c, "album")).isEqualTo(3);
    }
  }

  @Test
  void twoConnectionsToOneFileShareTablesAndRows() throws Exception {
    String url = Db.fileUrl(dir, "shared");
    try (Connection a = Db.open(url);
        Connection b = Db.open(url)) {
      Db.exec(a, "CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10))");
      Db.exec(b, "INSERT INTO t VALUES (1, 'from b')");
      assertThat(Db.scalar(a, "SELECT v FROM t")).isEqualTo("from b");
      a.close();
      assertThat(b.isValid(1)).as("closing one connection leaves the other working").isTrue();
      Db.exec(b, "INSERT INTO t VALUES (2, 'again')");
      assertThat(Db.count(b, "t")).isEqualTo(2);
    }
  }

  @Test
  void memoryDatabasesAreSharedByNameAndIsolatedAcrossNames() throws Exception {
    String url = Db.memUrl();
    try (Connection a = Db.open(url);
        Connection b = Db.open(url);
        Connection other = Db.open(Db.memUrl())) {
      Db.exec(a, "CREATE TABLE m (id INTEGER PRIMARY KEY)", "INSERT INTO m VALUES (1)");
      assertThat(Db.count(b, "m")).isEqualTo(1);
      assertThatThrownBy(() -> Db.count(other, "m")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void differentFilesAreDifferentDatabases() throws Exception {
    try (Connection a = Db.open(Db.fileUrl(dir, "one"));
        Connection b = Db.open(Db.fileUrl(dir, "two"))) {
      Db.exec(a, "CREATE TABLE only_in_one (id INTEGER PRIMARY KEY)");
      assertThatThrownBy(() -> Db.count(b, "only_in_one")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void schemaChangesSurviveReopen() throws Exception {
    String url = Db.fileUrl(dir, "schema");
    try (Connection c = Db.open(url)) {
      Db.exec(
          c,
          "CREATE TABLE t (id INTEGER PRIMARY KEY)",
          "ALTER TABLE t ADD COLUMN note VARCHAR(20)",
          "INSERT INTO t VALUES (1, 'kept')",
          "CREATE TABLE gone (id INTEGER PRIMARY KEY)",
          "DROP TABLE gone");
    }
    try (Connection c = Db.open(url)) {
      assertThat(Db.scalar(c, "SELECT note FROM t WHERE id = 1")).isEqualTo("kept");
      assertThatThrownBy(() -> Db.count(c, "gone")).isInstanceOf(SQLException.class);
    }
  }
}
