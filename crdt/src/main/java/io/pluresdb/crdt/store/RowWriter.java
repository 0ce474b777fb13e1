package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes a merged entity's state to its materialized row: the columns the state holds and the row's
 * clock. A write that a constraint refuses is settled by {@link UniqueConflicts} and reported as
 * not shown, so the caller keeps the state with the tombstones instead.
 *
 * <p>Not thread-safe: used by the holder of the writer permit.
 */
final class RowWriter {
  /**
   * How often younger rivals are evicted for one write before it counts as refused: each round
   * frees one UNIQUE constraint, so this bounds the constraints a row can collide on at once.
   */
  private static final int MAX_EVICTIONS = 8;

  /** Binds a row write's parameters; re-run before each attempt. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private final Writer w;
  private final UniqueConflicts conflicts;

  RowWriter(Writer w, UniqueConflicts conflicts) {
    this.w = w;
    this.conflicts = conflicts;
  }

  /** Updates the materialized row; false when a constraint refused the new state. */
  boolean update(TableSql t, Object[] key, EntityState s, OpId cause) throws SQLException {
    int[] pos = StateColumns.positions(t, s);
    String sql = t.update(pos);
    return write(
        sql,
        ps -> {
          int i = bindFields(ps, t, pos, s);
          ps.setBytes(i++, new ClockVector(s.existence, StateColumns.clocks(t, s)).encode(w.node));
          Keys.bind(ps, i, t, key);
        },
        t,
        key,
        s,
        cause);
  }

  /** Binds the state's values of the columns at {@code pos} from 1; returns the next index. */
  private static int bindFields(PreparedStatement ps, TableSql t, int[] pos, EntityState s)
      throws SQLException {
    int i = 1;
    for (int p : pos) {
      Values.bind(ps, i++, s.fields.get(t.names[p]).value(), t.types[p]);
    }
    return i;
  }

  /** Inserts the materialized row; false when a constraint refused it. */
  boolean insert(TableSql t, Object[] key, EntityState s, OpId cause) throws SQLException {
    int[] pos = StateColumns.positions(t, s);
    String sql = t.insert(pos);
    return write(
        sql,
        ps -> {
          int i = bindFields(ps, t, pos, s);
          if (t.hiddenId) {
            ps.setBytes(i++, (byte[]) key[0]);
          }
          ps.setBytes(i, new ClockVector(s.existence, StateColumns.clocks(t, s)).encode(w.node));
        },
        t,
        key,
        s,
        cause);
  }

  /**
   * Runs a row write. When a UNIQUE constraint refuses it and every rival row is younger (a greater
   * existence id), the rivals are hidden and the write retried; otherwise the refusal is recorded
   * as a conflict and false returned, so the caller hides this entity instead.
   */
  private boolean write(
      String sql, Binder binder, TableSql t, Object[] key, EntityState s, OpId cause)
      throws SQLException {
    for (int attempt = 0; ; attempt++) {
      PreparedStatement ps = w.prepare(sql);
      binder.bind(ps);
      try {
        ps.executeUpdate();
        return true;
      } catch (SQLException e) {
        SqlState st = Constraints.stateOf(e);
        if (st == null) {
          throw e;
        }
        String detail = Constraints.detail(e);
        if (st == SqlState.UNIQUE_VIOLATION
            && attempt < MAX_EVICTIONS
            && conflicts.evictYounger(t, s, detail, cause)) {
          continue;
        }
        conflicts.record(t, key, cause, st, detail);
        return false;
      }
    }
  }
}
