package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.sqlite.SQLiteConnection;

/**
 * What the store writes for the fixture's albums, read back from a database this driver wrote: the
 * physical DDL of the user's tables (with the row-clock column) and of the internal log and
 * version-vector tables, the size of a row's clock and of a transaction's log record. {@link
 * Target#SQLITE_BOOKKEPT} replays those writes with raw sqlite-jdbc, so the mirror follows the
 * store's format as it changes instead of copying it.
 *
 * <p>Probed once per JVM; thread-safe.
 */
final class StoreLayout {
  private static final String[] TABLES = {"artist", "album", "_pl_log", "_pl_vv"};
  private static StoreLayout probed;

  /** CREATE statements of the tables a benchmark writes, tables before their indexes. */
  final List<String> ddl;

  final int clockBytes;
  final int txBytes;
  private final int recordOfOne;
  private final double recordPerRow;

  private StoreLayout(List<String> ddl, int clockBytes, int txBytes, int one, int batch) {
    this.ddl = ddl;
    this.clockBytes = clockBytes;
    this.txBytes = txBytes;
    this.recordOfOne = one;
    this.recordPerRow = (batch - one) / (double) (Fixture.BATCH - 1);
  }

  static synchronized StoreLayout get() throws SQLException {
    if (probed == null) {
      probed = probe();
    }
    return probed;
  }

  /** The size of the log record of a transaction that inserted {@code rows} albums. */
  int recordBytes(int rows) {
    return (int) Math.round(recordOfOne + recordPerRow * (rows - 1));
  }

  /** The writes of one connection's album inserts, as the store makes them. */
  Bookkeeping replay(Connection c) throws SQLException {
    return new Replay(c);
  }

  private static StoreLayout probe() throws SQLException {
    Path dir = Fixture.tempDir("bench-layout");
    try {
      Path file = dir.resolve("layout.db");
      try (Connection c = Target.PLURESDB.open(file)) {
        Fixture.createSchema(Target.PLURESDB, c);
        Fixture.insertArtists(c);
        // a transaction of one album, then one of a full batch: the log records of both
        Fixture.insertAlbums(c, 0, 1);
        Fixture.insertAlbums(c, 1, Fixture.BATCH);
      }
      try (Connection raw = Target.SQLITE.open(file);
          Statement s = raw.createStatement()) {
        List<String> ddl = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ('"
                    + String.join("','", TABLES)
                    + "') ORDER BY type = 'index', rowid")) {
          while (rs.next()) {
            ddl.add(rs.getString(1));
          }
        }
        int clock = scalar(s, "SELECT max(length(_clk)) FROM album");
        int tx = scalar(s, "SELECT max(length(tx)) FROM _pl_log");
        int batch = scalar(s, "SELECT length(data) FROM _pl_log ORDER BY seq DESC LIMIT 1");
        int one = scalar(s, "SELECT length(data) FROM _pl_log ORDER BY seq DESC LIMIT 1 OFFSET 1");
        return new StoreLayout(List.copyOf(ddl), clock, tx, one, batch);
      }
    } finally {
      Fixture.deleteTree(dir);
    }
  }

  private static int scalar(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("the store wrote nothing for: " + sql);
      }
      return rs.getInt(1);
    }
  }

  /**
   * Per row: the clock column. Per commit: one log record, the version-vector upsert (the same
   * statements the store prepares). The change feed: SQLite's update hook collects each changed
   * row, handed on at commit, as the store queues its change set.
   */
  private final class Replay implements Bookkeeping {
    private final SplittableRandom random = new SplittableRandom(7);
    private final byte[] noise = new byte[recordBytes(4 * Fixture.BATCH)];
    private final List<Object[]> changes = new ArrayList<>();
    private final PreparedStatement log;
    private final PreparedStatement version;
    private long seq;
    private long clock;

    Replay(Connection c) throws SQLException {
      random.nextBytes(noise);
      log = c.prepareStatement("INSERT INTO _pl_log(seq, tx, node, data) VALUES (?,?,?,?)");
      version =
          c.prepareStatement(
              "INSERT INTO _pl_vv(node, last, tx) VALUES (?,?,?)"
                  + " ON CONFLICT(node) DO UPDATE SET last=excluded.last, tx=excluded.tx");
      c.unwrap(SQLiteConnection.class)
          .addUpdateListener((type, db, table, rowId) -> changes.add(new Object[] {table, rowId}));
    }

    @Override
    public String albumInsert() {
      return "INSERT INTO \"album\" (\"id\",\"name\",\"year\",\"artist_id\",\"_clk\")"
          + " VALUES (?,?,?,?,?)";
    }

    @Override
    public void bindRow(PreparedStatement insert) throws SQLException {
      insert.setBytes(5, stamp(clockBytes));
    }

    @Override
    public void beforeCommit(Connection c, int rows) throws SQLException {
      byte[] tx = stamp(txBytes);
      log.setLong(1, ++seq);
      log.setBytes(2, tx);
      log.setLong(3, 1);
      log.setBytes(4, Arrays.copyOf(noise, Math.min(noise.length, recordBytes(rows))));
      log.executeUpdate();
      version.setLong(1, 1);
      version.setBytes(2, stamp(txBytes));
      version.setBytes(3, tx);
      version.executeUpdate();
      changes.clear();
    }

    /** A distinct value of {@code size} bytes, as each clock is. */
    private byte[] stamp(int size) {
      byte[] b = new byte[size];
      long v = ++clock;
      for (int i = 0; i < Math.min(size, Long.BYTES); i++) {
        b[i] = (byte) (v >>> (8 * i));
      }
      return b;
    }
  }
}
