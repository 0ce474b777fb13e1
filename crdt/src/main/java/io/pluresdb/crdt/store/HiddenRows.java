package io.pluresdb.crdt.store;

import io.pluresdb.crdt.feed.EntityChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows again the live entities that a UNIQUE conflict hid (see {@link UniqueConflicts}) once the
 * values they collided on are free, oldest first, so every node ends up showing the same ones
 * whatever order it saw the deletes and updates in.
 *
 * <p>Not thread-safe: used by the holder of the writer permit.
 */
final class HiddenRows {
  private final Writer w;
  private final LiveRows live;
  private final Tombs tombs;
  private final RowWriter rows;
  private final UniqueConflicts conflicts;

  /** Set while restoring, so that a restore never starts another one for the same write. */
  private boolean restoring;

  HiddenRows(Writer w, LiveRows live, Tombs tombs, RowWriter rows, UniqueConflicts conflicts) {
    this.w = w;
    this.live = live;
    this.tombs = tombs;
    this.rows = rows;
    this.conflicts = conflicts;
  }

  /**
   * Shows again, oldest first, the hidden entities of a table whose unique values became free
   * (after a row was deleted or changed); returns what subscribers see change.
   */
  List<EntityChange> restore(String table) throws SQLException {
    TableSql t = w.table(table);
    if (t == null || !w.hiddenTables.contains(table) || restoring) {
      return List.of();
    }
    restoring = true;
    try {
      List<Object[]> keys = new ArrayList<>();
      List<EntityState> states = new ArrayList<>();
      PreparedStatement ps = w.prepare("SELECT key, state FROM _pl_tomb WHERE tbl=? AND hidden=1");
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(Keys.decode(rs.getBytes(1)));
          states.add(EntityState.decode(rs.getBytes(2)));
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        order.add(i);
      }
      order.sort((x, y) -> states.get(x).existence.compareTo(states.get(y).existence));
      List<EntityChange> out = new ArrayList<>();
      conflicts.clearEvicted();
      for (int i : order) {
        Object[] key = keys.get(i);
        EntityState s = states.get(i);
        if (live.state(t, key) == null && rows.insert(t, key, s, s.existence)) {
          tombs.delete(table, Keys.bytes(key));
          out.add(new EntityChange(table, key, EntityChange.Kind.INSERT, StateColumns.row(t, s)));
        }
      }
      conflicts.drainEvicted(out);
      return out;
    } finally {
      restoring = false;
    }
  }
}
