package io.pluresdb.crdt.store;

import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Carries out the ON DELETE and ON UPDATE actions of the foreign keys that refer to a row a local
 * write deletes or whose referenced columns it changes: CASCADE, SET NULL and SET DEFAULT become
 * deletes and updates of the child rows through the same {@link WriteTxn}, so they are operations
 * of the same transaction (they replicate as ordinary operations and live queries see them), as
 * SQLite's own actions would be rows changed by the same statement. RESTRICT and NO ACTION are left
 * to SQLite's check, which refuses the parent's delete or update with 23503.
 *
 * <p>Across nodes, actions are local: a cascade deletes the child rows its node holds when it runs.
 * A child row inserted concurrently on another node stays, referring to a missing parent, on every
 * node once both transactions are held (remote applies do not check foreign keys, so every node
 * ends with the same rows whatever the order); a later local write of that child is checked again.
 *
 * <p>Not thread-safe: used by the transaction's owner only.
 */
final class ForeignKeyActions {
  private final Writer w;
  private final LiveRows live;

  /** What fires the child rows' triggers, or null. */
  private @Nullable RowHook hook;

  /** Rows whose actions are running, so cycles of cascades end. */
  private final Set<String> running = new HashSet<>();

  ForeignKeyActions(Writer w, LiveRows live) {
    this.w = w;
    this.live = live;
  }

  /** Sets the hook that hears child rows; returns the one before. */
  @Nullable RowHook hook(@Nullable RowHook next) {
    RowHook before = hook;
    hook = next;
    return before;
  }

  /** One child row an action changes. */
  private record Child(TableSql table, ForeignKeyDef fk, Object[] key, String action) {}

  /** Runs the ON DELETE actions for the row {@code row} of {@code t}, before it is deleted. */
  void onDelete(WriteTxn txn, TableSql t, Object[] row) throws SQLException {
    String self = t.def.name() + Arrays.deepToString(row);
    if (!running.add(self)) {
      return;
    }
    try {
      for (Child c : children(t, row, null, true)) {
        apply(txn, c, null);
      }
    } finally {
      running.remove(self);
    }
  }

  /**
   * Runs the ON UPDATE actions for the row {@code before} of {@code t} becoming {@code after}: SET
   * NULL and SET DEFAULT before {@code write} changes the parent, CASCADE after it (with SQLite's
   * check deferred meanwhile, since children and parent change in two steps).
   */
  void onUpdate(WriteTxn txn, TableSql t, Object[] before, Object[] after, ParentWrite write)
      throws SQLException {
    List<Child> children = children(t, before, after, false);
    if (children.isEmpty()) {
      write.run();
      return;
    }
    boolean cascade = children.stream().anyMatch(c -> c.action().equals("CASCADE"));
    for (Child c : children) {
      if (!c.action().equals("CASCADE")) {
        apply(txn, c, null);
      }
    }
    if (cascade) {
      w.exec("PRAGMA defer_foreign_keys=ON");
    }
    try {
      write.run();
      for (Child c : children) {
        if (c.action().equals("CASCADE")) {
          apply(txn, c, referenced(t, c.fk(), after));
        }
      }
    } finally {
      if (cascade) {
        w.exec("PRAGMA defer_foreign_keys=OFF");
      }
    }
  }

  /** The parent's own change, run between the two halves of {@link #onUpdate}. */
  interface ParentWrite {
    void run() throws SQLException;
  }

  private void apply(WriteTxn txn, Child c, Object @Nullable [] values) throws SQLException {
    String table = c.table().def.name();
    RowHook h = hook;
    Object[] old = h == null ? null : live.load(c.table(), c.key(), new ClockVector[1]);
    if (c.action().equals("CASCADE") && values == null) {
      if (old != null && !h.fire(txn, "BEFORE", "DELETE", c.table().def, old, null, null)) {
        return;
      }
      if (txn.delete(table, c.key()) && old != null) {
        h.fire(txn, "AFTER", "DELETE", c.table().def, old, null, null);
      }
      return;
    }
    int[] positions = new int[c.fk().columns().size()];
    @Nullable Object[] set = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = c.table().def.columnIndex(c.fk().columns().get(i));
      set[i] =
          values != null
              ? values[i]
              : c.action().equals("SET DEFAULT") ? txn.defaultValue(table, positions[i]) : null;
    }
    Object[] after = null;
    if (old != null) {
      after = old.clone();
      for (int i = 0; i < positions.length; i++) {
        after[positions[i]] = set[i];
      }
      if (!h.fire(txn, "BEFORE", "UPDATE", c.table().def, old, after, positions)) {
        return;
      }
    }
    if (txn.update(table, c.key(), positions, set) && old != null) {
      h.fire(txn, "AFTER", "UPDATE", c.table().def, old, after, positions);
    }
  }

  /** The child rows referring to {@code row} whose action is to run (on delete, or on update). */
  private List<Child> children(TableSql t, Object[] row, Object @Nullable [] after, boolean delete)
      throws SQLException {
    List<Child> out = new ArrayList<>();
    for (TableDef child : w.catalog().tables().values()) {
      for (ForeignKeyDef fk : child.foreignKeys()) {
        String action = delete ? fk.onDelete() : fk.onUpdate();
        if (!Names.same(fk.refTable(), t.def.name())
            || action == null
            || action.equals("RESTRICT")) {
          continue;
        }
        Object[] values = referenced(t, fk, row);
        if (values == null || after != null && Arrays.equals(values, referenced(t, fk, after))) {
          continue;
        }
        TableSql ct = Objects.requireNonNull(w.table(child.name()));
        for (Object[] key : keys(ct, fk, values)) {
          out.add(new Child(ct, fk, key, action));
        }
      }
    }
    return out;
  }

  /** The values of {@code row} that {@code fk} refers to, or null when one is null. */
  private static Object @Nullable [] referenced(TableSql t, ForeignKeyDef fk, Object[] row) {
    List<String> cols = fk.refColumns().isEmpty() ? t.def.primaryKey() : fk.refColumns();
    @Nullable Object[] values = new Object[cols.size()];
    for (int i = 0; i < values.length; i++) {
      int p = t.def.columnIndex(cols.get(i));
      values[i] = p < 0 ? null : row[p];
      if (values[i] == null) {
        return null;
      }
    }
    return values;
  }

  private List<Object[]> keys(TableSql child, ForeignKeyDef fk, Object[] values)
      throws SQLException {
    List<String> keyCols = child.def.keyColumns();
    StringBuilder sql = new StringBuilder("SELECT ").append(TableSql.list(keyCols));
    sql.append(" FROM ").append(TableSql.quote(child.def.name())).append(" WHERE ");
    for (int i = 0; i < values.length; i++) {
      sql.append(i == 0 ? "" : " AND ").append(TableSql.quote(fk.columns().get(i))).append("=?");
    }
    PreparedStatement ps = w.prepare(sql.toString());
    for (int i = 0; i < values.length; i++) {
      int p = child.def.columnIndex(fk.columns().get(i));
      Values.bind(ps, i + 1, values[i], child.types[p]);
    }
    List<Object[]> keys = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Object[] key = new Object[keyCols.size()];
        for (int i = 0; i < key.length; i++) {
          key[i] = Values.read(rs, i + 1, child.keyTypes[i]);
        }
        keys.add(key);
      }
    }
    return keys;
  }
}
