package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an {@link EntityState}, whose fields are keyed by column name, onto a table's column
 * positions: the row's values, their clocks, and which columns the state holds at all (a column
 * added after the entity's last write holds nothing and keeps its default).
 *
 * <p>Stateless.
 */
final class StateColumns {
  private StateColumns() {}

  /** Each column's clock, null where the state holds no field. */
  static OpId[] clocks(TableSql t, EntityState s) {
    OpId[] f = new OpId[t.names.length];
    for (int i = 0; i < f.length; i++) {
      EntityState.Field x = s.fields.get(t.names[i]);
      f[i] = x == null ? null : x.clock();
    }
    return f;
  }

  /** Each column's value, null where the state holds no field. */
  static Object[] row(TableSql t, EntityState s) {
    Object[] row = new Object[t.names.length];
    for (int i = 0; i < row.length; i++) {
      EntityState.Field x = s.fields.get(t.names[i]);
      row[i] = x == null ? null : x.value();
    }
    return row;
  }

  /** The positions of the columns the state holds a field for, in column order. */
  static int[] positions(TableSql t, EntityState s) {
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < t.names.length; i++) {
      if (s.fields.containsKey(t.names[i])) {
        p.add(i);
      }
    }
    return p.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The merge state of a row deleted by operation {@code id}: its fields with their clocks, kept so
   * that a concurrent update elsewhere still merges into it.
   */
  static EntityState deleted(TableSql t, Object[] row, ClockVector clock, OpId id) {
    EntityState s = new EntityState();
    s.existence = id;
    for (int i = 0; i < row.length; i++) {
      if (clock.fields[i] != null) {
        s.fields.put(t.names[i], new EntityState.Field(clock.fields[i], row[i]));
      }
    }
    return s;
  }
}
