package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.RowState;
import java.util.Map;

/**
 * Converts between an entity's stored merge state ({@link EntityState}, fields by name) and the
 * {@link RowState} that carries it between nodes.
 *
 * <p>Stateless.
 */
final class RowStateForm {
  private RowStateForm() {}

  static RowState of(String table, Object[] key, EntityState s) {
    int n = s.fields.size();
    String[] cols = new String[n];
    OpId[] clocks = new OpId[n];
    Object[] values = new Object[n];
    int i = 0;
    for (Map.Entry<String, EntityState.Field> e : s.fields.entrySet()) {
      cols[i] = e.getKey();
      clocks[i] = e.getValue().clock();
      values[i++] = e.getValue().value();
    }
    return new RowState(table, key, s.existence, s.inserted, cols, clocks, values);
  }

  static EntityState state(RowState r) {
    EntityState s = new EntityState();
    s.existence = r.existence();
    s.inserted = r.existence() != null && r.live();
    for (int i = 0; i < r.columns().length; i++) {
      s.fields.put(r.columns()[i], new EntityState.Field(r.clocks()[i], r.values()[i]));
    }
    return s;
  }
}
