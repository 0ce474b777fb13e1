package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * The two drivers every benchmark measures side by side: this driver and raw sqlite-jdbc, the
 * baseline, configured as this driver configures its own SQLite file (WAL, synchronous=NORMAL,
 * foreign keys on, sqlite-jdbc's generated-key query off).
 */
public enum Target {
  /** Raw sqlite-jdbc running the user's DDL as written (the baseline the targets name). */
  SQLITE("jdbc:sqlite:") {
    @Override
    Connection open(Path file) throws SQLException {
      return openRaw(prefix, file);
    }
  },
  /**
   * Raw sqlite-jdbc on the physical layout the store creates for that DDL (integer columns declared
   * INTEGER, so a single-column integer key is SQLite's rowid): the stricter baseline, whose ratio
   * shows only what the driver and the CRDT bookkeeping add.
   */
  SQLITE_ROWID("jdbc:sqlite:") {
    @Override
    Connection open(Path file) throws SQLException {
      return openRaw(prefix, file);
    }
  },
  /**
   * Raw sqlite-jdbc on the store's layout writing everything the store writes beside a row (its
   * clock column, the transaction's log record and version-vector entry, a change feed), replayed
   * from what the store itself wrote (see {@link StoreLayout}); for inserts. Ours against it shows
   * what the Java side adds; it against {@link #SQLITE_ROWID}, what the bookkeeping costs SQLite.
   */
  SQLITE_BOOKKEPT("jdbc:sqlite:") {
    @Override
    Connection open(Path file) throws SQLException {
      return openRaw(prefix, file);
    }

    @Override
    Bookkeeping bookkeeping(Connection c) throws SQLException {
      return StoreLayout.get().replay(c);
    }
  },
  PLURESDB("jdbc:pluresdb:") {
    @Override
    Connection open(Path file) throws SQLException {
      return DriverManager.getConnection(prefix + file);
    }
  };

  final String prefix;

  // Tuned exactly as the store tunes its own SQLite connections, so that the ratio measures
  // what the driver adds, not a difference in pragmas or sqlite-jdbc settings.
  private static Connection openRaw(String prefix, Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(5_000);
    config.enforceForeignKeys(true);
    config.setGetGeneratedKeys(false);
    return DriverManager.getConnection(prefix + file, config.toProperties());
  }

  Target(String prefix) {
    this.prefix = prefix;
  }

  /** Opens (creating if needed) the database file with this driver. */
  abstract Connection open(Path file) throws SQLException;

  /** What this target writes beside each album row and each commit. */
  Bookkeeping bookkeeping(Connection c) throws SQLException {
    return Bookkeeping.NONE;
  }

  /** The JMH parameter value naming this target. */
  static Target of(String param) {
    return valueOf(param.toUpperCase(Locale.ROOT));
  }
}
