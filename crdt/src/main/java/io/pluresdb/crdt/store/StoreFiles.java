package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConfig;

/**
 * Where a store lives and the guard that keeps it to one owner: a file database holds an exclusive
 * OS lock on {@code <file>.lock} while open, so a second process (or a second store in this JVM)
 * gets SQLState 55006 instead of a second writer.
 *
 * <p>An in-memory database is reserved by name within the JVM and kept in a private temporary WAL
 * file (synchronous=OFF) that is deleted on close. SQLite's {@code memdb} VFS and shared-cache
 * memory databases were the obvious choices, but both serialize readers against the writer: an open
 * result set blocks every commit, and a write transaction blocks every reader, which JDBC users of
 * one database through several connections do not expect. WAL gives in-memory databases the same
 * concurrency as file databases, and the OS page cache keeps them in memory.
 *
 * <p>A second process may still open the file as a follower ({@link #follow}): it takes no lock and
 * only reads, since WAL lets readers run beside the one writer; the owner names where it takes
 * forwarded writes in the lock file ({@link #advertise}), which is made readable by its user alone
 * because the note holds a secret.
 *
 * <p>Thread-safe: immutable after {@link #acquire}, except {@link #close}, which the store calls
 * once, and {@link #advertise}, which the owner calls under this object's monitor.
 */
final class StoreFiles implements AutoCloseable {
  private static final Set<String> OPEN_MEMORY = ConcurrentHashMap.newKeySet();
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private final StoreConfig config;
  private final String url;
  private final String description;
  private final FileChannel channel;
  private final FileLock lock;

  /** The temporary directory of an in-memory database, deleted on close; null for files. */
  private final Path temporary;

  private StoreFiles(
      StoreConfig config,
      String url,
      String description,
      FileChannel channel,
      FileLock lock,
      Path temporary) {
    this.config = config;
    this.url = url;
    this.description = description;
    this.channel = channel;
    this.lock = lock;
    this.temporary = temporary;
  }

  static StoreFiles acquire(StoreConfig config) throws SQLException {
    if (config.path() == null) {
      String name = config.memoryName() == null ? "default" : config.memoryName();
      if (!OPEN_MEMORY.add(name)) {
        throw Errors.of(
            SqlState.OBJECT_IN_USE,
            "in-memory database '" + name + "' is already open in this JVM");
      }
      try {
        Path tmp = Files.createTempDirectory("pluresdb-mem-");
        tmp.toFile().deleteOnExit();
        Path file = tmp.resolve("memory.db");
        return new StoreFiles(
            config, "jdbc:sqlite:" + file, "in-memory database '" + name + "'", null, null, tmp);
      } catch (IOException e) {
        OPEN_MEMORY.remove(name);
        throw Errors.of(
            SqlState.IO_ERROR, "cannot create in-memory database '" + name + "': " + e, e);
      }
    }
    Path file = config.path().toAbsolutePath();
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel ch = null;
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l == null) {
        throw inUse(file, null);
      }
      ownerOnly(lockFile);
      // a note left by an owner that died names a socket nobody listens on any more
      ch.truncate(0);
      return new StoreFiles(
          config, "jdbc:sqlite:" + file, "database file '" + file + "'", ch, l, null);
    } catch (OverlappingFileLockException e) {
      closeQuietly(ch);
      throw inUse(file, e);
    } catch (IOException e) {
      closeQuietly(ch);
      throw Errors.of(SqlState.IO_ERROR, "cannot open database file '" + file + "': " + e, e);
    } catch (SQLException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /**
   * The files of a database another process owns, opened without its lock: the store reads them and
   * never writes (its writes are forwarded to the owner).
   */
  static StoreFiles follow(StoreConfig config) throws SQLException {
    if (config.path() == null) {
      throw Errors.of(
          SqlState.FEATURE_NOT_SUPPORTED, "an in-memory database cannot be shared by processes");
    }
    Path file = config.path().toAbsolutePath();
    if (!Files.exists(file)) {
      throw Errors.of(SqlState.CLIENT_UNABLE_TO_CONNECT, "database file '" + file + "' is missing");
    }
    return new StoreFiles(
        config,
        "jdbc:sqlite:" + file,
        "database file '" + file + "' (owned by another process)",
        null,
        null,
        null);
  }

  /** Replaces what the lock file says (the owner's forwarding address and secret). */
  synchronized void advertise(String note) throws SQLException {
    if (channel == null || lock == null) {
      throw Errors.of(
          SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, description + " holds no lock to write in");
    }
    try {
      channel.truncate(0);
      channel.write(java.nio.ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      throw Errors.of(SqlState.IO_ERROR, "cannot write the lock file of " + description, e);
    }
  }

  /** Makes the lock file readable and writable by its owner only, where the file system can. */
  private static void ownerOnly(Path lockFile) {
    try {
      Files.setPosixFilePermissions(lockFile, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system, or a lock file another user made: the note is still written,
      // and the secret is only as private as the directory the database lives in
    }
  }

  private static SQLException inUse(Path file, Throwable cause) {
    return Errors.of(
        SqlState.OBJECT_IN_USE,
        "database file '"
            + file
            + "' is in use by another process or store (lock file "
            + file
            + ".lock)",
        cause);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // the original failure is what the caller needs to see
      }
    }
  }

  String description() {
    return description;
  }

  /** A new connection with the store's pragmas and the configured initializer. */
  Connection connect() throws SQLException {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
    cfg.enforceForeignKeys(true);
    // sqlite-jdbc would otherwise prepare "SELECT last_insert_rowid()" after every insert;
    // generated keys come from the store's own id generator, never from SQLite
    cfg.setGetGeneratedKeys(false);
    cfg.setSynchronous(
        temporary != null
            ? SQLiteConfig.SynchronousMode.OFF
            : config.synchronousFull()
                ? SQLiteConfig.SynchronousMode.FULL
                : SQLiteConfig.SynchronousMode.NORMAL);
    cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    Connection c = DriverManager.getConnection(url, cfg.toProperties());
    try {
      config.connectionInitializer().initialize(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  public void close() {
    if (channel == null && temporary == null) {
      return; // a follower holds nothing
    }
    if (channel == null) {
      try (var files = Files.list(temporary)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(f);
        }
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // a leftover temporary file is harmless; deleteOnExit retries the directory
      } finally {
        OPEN_MEMORY.remove(config.memoryName() == null ? "default" : config.memoryName());
      }
      return;
    }
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases the lock as well
    }
    closeQuietly(channel);
  }
}
