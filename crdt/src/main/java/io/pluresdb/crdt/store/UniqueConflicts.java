package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.EntityChange;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the merge path does when a local constraint refuses a merged row. Replicas cannot refuse an
 * operation another node has committed, so the refusal is settled by a rule every node applies
 * alike: under a UNIQUE constraint the older entity (smaller existence id) is shown and the younger
 * hidden; any other refusal hides the merged entity. Each refusal is recorded in {@code
 * _pl_conflicts}, where users can query it.
 *
 * <p>Not thread-safe: used by the holder of the writer permit. The rows hidden while writing one
 * entity are collected here until the caller reports them to subscribers as deletes.
 */
final class UniqueConflicts {
  private final Writer w;
  private final LiveRows live;
  private final Tombs tombs;
  private final List<EntityChange> evicted = new ArrayList<>();

  UniqueConflicts(Writer w, LiveRows live, Tombs tombs) {
    this.w = w;
    this.live = live;
    this.tombs = tombs;
  }

  /**
   * Hides the rivals named by a UNIQUE violation's {@code detail} when every one is younger than
   * {@code s}; false when there is one not younger (or none can be found), leaving all as they are.
   */
  boolean evictYounger(TableSql t, EntityState s, String detail, OpId cause) throws SQLException {
    List<Rivals.Rival> rivals = Rivals.find(w, t, s, detail);
    if (rivals == null || rivals.isEmpty()) {
      return false;
    }
    for (Rivals.Rival r : rivals) {
      if (!r.existence().after(s.existence)) {
        return false;
      }
    }
    for (Rivals.Rival r : rivals) {
      EntityState rs = live.state(t, r.key());
      live.delete(t, r.key());
      tombs.save(t.def.name(), Keys.bytes(r.key()), rs);
      record(t, r.key(), cause, SqlState.UNIQUE_VIOLATION, detail);
      evicted.add(new EntityChange(t.def.name(), r.key(), EntityChange.Kind.DELETE, null));
    }
    return true;
  }

  /** Records that operation {@code op} on the entity was refused with {@code st}. */
  void record(TableSql t, Object[] key, OpId op, SqlState st, String detail) throws SQLException {
    ConflictLog.record(w, t.def.name(), Arrays.deepToString(key), op.toString(), st.name(), detail);
  }

  /** Forgets rows evicted before the write about to start. */
  void clearEvicted() {
    evicted.clear();
  }

  /**
   * Adds the rows evicted since {@link #clearEvicted} to {@code out}, as deletes, and forgets them.
   */
  void drainEvicted(List<EntityChange> out) {
    out.addAll(evicted);
    evicted.clear();
  }
}
