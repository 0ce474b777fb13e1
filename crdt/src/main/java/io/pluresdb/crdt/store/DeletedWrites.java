package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import java.sql.SQLException;
import java.util.Map;

/**
 * The updates a concurrent delete discards: an update never touches the existence register, so a
 * delete its writer had not seen wins over it whichever arrives first. Either way the update's
 * values are recorded as lost to the delete ({@link LostWrites#race}), once on every node that
 * holds both: an update arriving at a deleted entity whose delete is not among its precursors, or a
 * delete arriving at a live entity with field values written by an update it had not seen.
 *
 * <p>Stateless; used by the writer only.
 */
final class DeletedWrites {
  private DeletedWrites() {}

  /**
   * {@code update} arrives at {@code s}: lost if {@code s} is deleted by a delete it had not seen.
   */
  static void updateLost(Writer w, TableSql t, EntityState s, Operation update)
      throws SQLException {
    OpId deleted = s.existence;
    if (deleted == null || s.inserted || update.precursors().contains(deleted)) {
      return;
    }
    String[] cols = update.columns();
    for (int i = 0; i < cols.length; i++) {
      if (!t.counters.contains(cols[i])) {
        LostWrites.race(
            w,
            t,
            update.key(),
            cols[i],
            update.id(),
            update.values()[i],
            deleted,
            null,
            OpKind.DELETE);
      }
    }
  }

  /**
   * {@code delete} arrives at {@code s}: the fields last written by an update it had not seen (not
   * the insert it deletes, nor anything among its precursors) are lost to it.
   */
  static void updatesLostTo(Writer w, TableSql t, EntityState s, Operation delete)
      throws SQLException {
    if (!s.live() || !delete.id().after(s.existence)) {
      return;
    }
    for (Map.Entry<String, EntityState.Field> e : s.fields.entrySet()) {
      OpId clock = e.getValue().clock();
      if (clock.equals(s.existence)
          || delete.precursors().contains(clock)
          || t.counters.contains(e.getKey())) {
        continue;
      }
      LostWrites.race(
          w,
          t,
          delete.key(),
          e.getKey(),
          clock,
          e.getValue().value(),
          delete.id(),
          null,
          OpKind.DELETE);
    }
  }
}
