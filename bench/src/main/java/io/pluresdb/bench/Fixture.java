package io.pluresdb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The schema and data every benchmark uses, written the same way through either driver: the {@code
 * album}/{@code artist} tables of the project's user story.
 */
final class Fixture {
  static final int ARTISTS = 500;
  static final int BATCH = 1_000;

  private Fixture() {}

  /**
   * The user story's schema, as the user writes it; {@link Target#SQLITE_ROWID} gets the physical
   * layout the store itself creates for it (see there).
   */
  static void createSchema(Target target, Connection c) throws SQLException {
    if (target == Target.SQLITE_BOOKKEPT) {
      try (Statement s = c.createStatement()) {
        for (String ddl : StoreLayout.get().ddl) {
          s.execute(ddl);
        }
      }
      return;
    }
    boolean rowid = target == Target.SQLITE_ROWID;
    String id = rowid ? "id INTEGER PRIMARY KEY" : "id BIGINT PRIMARY KEY";
    String bigint = rowid ? "INTEGER" : "BIGINT";
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE artist (" + id + ", name VARCHAR(100) NOT NULL)");
      s.execute(
          "CREATE TABLE album ("
              + id
              + ", name VARCHAR(100) NOT NULL,"
              + " year INTEGER, artist_id "
              + bigint
              + ")");
    }
  }

  /**
   * Inserts {@code rows} albums (ids from {@code firstId}) in batches of {@link #BATCH}, one commit
   * per batch.
   */
  static void insertAlbums(Connection c, long firstId, int rows) throws SQLException {
    insertAlbums(c, firstId, rows, true, Bookkeeping.NONE);
  }

  /**
   * Inserts {@code rows} albums (ids from {@code firstId}) in batches of {@link #BATCH}, committing
   * after each batch or only after the last, with what {@code book} writes beside them.
   */
  static void insertAlbums(
      Connection c, long firstId, int rows, boolean commitEachBatch, Bookkeeping book)
      throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement(book.albumInsert())) {
      int uncommitted = 0;
      for (int i = 0; i < rows; i++) {
        long id = firstId + i;
        p.setLong(1, id);
        p.setString(2, "album " + id);
        p.setInt(3, 1960 + (int) (id % 60));
        p.setLong(4, id % ARTISTS);
        book.bindRow(p);
        p.addBatch();
        uncommitted++;
        boolean last = i == rows - 1;
        if ((i + 1) % BATCH == 0 || last) {
          p.executeBatch();
          if (commitEachBatch || last) {
            book.beforeCommit(c, uncommitted);
            c.commit();
            uncommitted = 0;
          }
        }
      }
    } finally {
      c.setAutoCommit(auto);
    }
  }

  static void insertArtists(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO artist (id, name) VALUES (?, ?)")) {
      for (int i = 0; i < ARTISTS; i++) {
        p.setLong(1, i);
        p.setString(2, "artist " + (i % 50));
        p.addBatch();
      }
      p.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** A database with the schema, the artists and {@code albums} albums. */
  static void seed(Target target, Path file, int albums) throws SQLException {
    try (Connection c = target.open(file)) {
      createSchema(target, c);
      insertArtists(c);
      insertAlbums(c, 0, albums);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
