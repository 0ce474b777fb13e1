package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keeps which operation declared each column of a table ({@code _pl_added}: CREATE TABLE for its
 * columns, ADD COLUMN for the others) and places added columns in operation-id order, whatever
 * order the ADD COLUMN operations arrive in, so that every node lists a table's columns alike. Each
 * added column's operation id is kept in {@code _pl_added}; a column whose operation is older than
 * columns already added goes before them, and the rows' clocks, which refer to columns by position,
 * are rewritten to match.
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class AddedColumns {
  private AddedColumns() {}

  /** The position the column added by {@code id} takes among the table's current columns. */
  static int position(Connection conn, String table, List<String> columns, OpId id)
      throws SQLException {
    int pos = columns.size();
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT col, op FROM _pl_added WHERE tbl=?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int p = columns.indexOf(rs.getString(1));
          if (p >= 0 && OpId.fromBytes(rs.getBytes(2)).compareTo(id) > 0) {
            pos = Math.min(pos, p);
          }
        }
      }
    }
    return pos;
  }

  /**
   * The least operation id that declared a column of the table, or null when none is recorded (a
   * table created before ids were kept for created columns).
   */
  static @Nullable OpId oldest(Connection conn, String table) throws SQLException {
    OpId found = null;
    try (PreparedStatement ps = conn.prepareStatement("SELECT op FROM _pl_added WHERE tbl=?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OpId id = OpId.fromBytes(rs.getBytes(1));
          if (found == null || id.compareTo(found) < 0) {
            found = id;
          }
        }
      }
    }
    return found;
  }

  static void record(Connection conn, String table, String column, OpId id) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT OR REPLACE INTO _pl_added(tbl, col, op) VALUES (?,?,?)")) {
      ps.setString(1, table);
      ps.setString(2, column);
      ps.setBytes(3, id.toBytes());
      ps.executeUpdate();
    }
  }

  /** True when the column's recorded declaring operation is newer than {@code id}. */
  static boolean firstAfter(Connection conn, String table, String column, OpId id)
      throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT 1 FROM _pl_added WHERE tbl=? AND col=? AND op>?")) {
      ps.setString(1, table);
      ps.setString(2, column);
      ps.setBytes(3, id.toBytes());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void forget(Connection conn, String table) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM _pl_added WHERE tbl=?")) {
      ps.setString(1, table);
      ps.executeUpdate();
    }
  }

  /** Shifts every row's field clocks to make room for a column inserted at {@code pos}. */
  static void shiftClocks(Connection conn, long node, String table, int oldCount, int pos)
      throws SQLException {
    int[] to = new int[oldCount];
    for (int i = 0; i < oldCount; i++) {
      to[i] = i < pos ? i : i + 1;
    }
    remapClocks(conn, node, table, oldCount + 1, to);
  }

  /** Removes the field clock of the column dropped at {@code pos} from every row's clock. */
  static void removeClock(Connection conn, long node, String table, int oldCount, int pos)
      throws SQLException {
    int[] to = new int[oldCount];
    for (int i = 0; i < oldCount; i++) {
      to[i] = i < pos ? i : i == pos ? -1 : i - 1;
    }
    remapClocks(conn, node, table, oldCount - 1, to);
  }

  /** Rewrites every row's clock: field {@code i} moves to {@code to[i]} (-1: dropped). */
  private static void remapClocks(Connection conn, long node, String table, int newCount, int[] to)
      throws SQLException {
    String t = TableSql.quote(table);
    List<Object[]> rewrites = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT rowid, _clk FROM " + t);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ClockVector old = ClockVector.decode(rs.getBytes(2), to.length, node);
        OpId[] fields = new OpId[newCount];
        for (int i = 0; i < to.length; i++) {
          if (to[i] >= 0) {
            fields[to[i]] = old.fields[i];
          }
        }
        rewrites.add(
            new Object[] {rs.getLong(1), new ClockVector(old.existence, fields).encode(node)});
      }
    }
    try (PreparedStatement ps =
        conn.prepareStatement("UPDATE " + t + " SET _clk=? WHERE rowid=?")) {
      for (Object[] r : rewrites) {
        ps.setBytes(1, (byte[]) r[1]);
        ps.setLong(2, (Long) r[0]);
        ps.executeUpdate();
      }
    }
  }

  /** The column {@code from}'s declaring operation now declares {@code to} (a rename). */
  static void rename(Connection conn, String table, String from, String to) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("UPDATE _pl_added SET col=? WHERE tbl=? AND col=?")) {
      ps.setString(1, to);
      ps.setString(2, table);
      ps.setString(3, from);
      ps.executeUpdate();
    }
  }

  static void forget(Connection conn, String table, String column) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("DELETE FROM _pl_added WHERE tbl=? AND col=?")) {
      ps.setString(1, table);
      ps.setString(2, column);
      ps.executeUpdate();
    }
  }
}
