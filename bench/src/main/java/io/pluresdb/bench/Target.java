package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two drivers every benchmark measures side by side: this driver and raw sqlite-jdbc, the
 * baseline, configured as this driver configures its own SQLite file (WAL, synchronous=NORMAL).
 */
public enum Target {
  SQLITE("jdbc:sqlite:") {
    @Override
    Connection open(Path file) throws SQLException {
      Connection c = DriverManager.getConnection(prefix + file);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
      }
      return c;
    }
  },
  PLURESDB("jdbc:pluresdb:") {
    @Override
    Connection open(Path file) throws SQLException {
      return DriverManager.getConnection(prefix + file);
    }
  };

  final String prefix;

  Target(String prefix) {
    this.prefix = prefix;
  }

  /** Opens (creating if needed) the database file with this driver. */
  abstract Connection open(Path file) throws SQLException;

  /** The JMH parameter value naming this target. */
  static Target of(String param) {
    return valueOf(param.toUpperCase(java.util.Locale.ROOT));
  }
}
