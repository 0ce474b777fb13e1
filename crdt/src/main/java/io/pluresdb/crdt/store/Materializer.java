package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.RowState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The merge path: applies an operation to its entity's stored state by the merge rules of {@link
 * EntityState} and writes the result back to the materialized table (live entities, through {@link
 * RowWriter}) or the tombstone table (deleted ones, {@link Tombs}). Remote transactions and {@link
 * Store#rebuild} both go through here, so they cannot diverge; local writes take a shorter path
 * that yields the same state because a local operation's id is greater than every id the entity
 * holds.
 *
 * <p>A merged row that a local UNIQUE constraint refuses is not materialized: its state is kept
 * with the tombstones (so later operations still merge into it) and the refusal is recorded in
 * {@code _pl_conflicts} (see {@link UniqueConflicts}); {@link HiddenRows} shows it again when the
 * values it collided on are free.
 *
 * <p>A value that loses a last-writer-wins race to a concurrent write is recorded there too ({@link
 * LostWrites}).
 *
 * <p>Keys and values are converted to the column types by {@link TypedValues}: a value written
 * under the losing declaration of a schema clash is kept in the log and recorded; one that fits no
 * declaration fails as {@link BadValue}.
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class Materializer {
  /** The operation needs a table or column this node does not have yet (the message says which). */
  static final class MissingSchema extends Exception {
    private static final long serialVersionUID = 1L;

    MissingSchema(String what) {
      super(what, null, false, false);
    }
  }

  private final Writer w;
  private final LiveRows live;
  private final Tombs tombs;
  private final UniqueConflicts conflicts;
  private final RowWriter rows;
  private final HiddenRows hidden;
  private final TypedValues typed;
  private final AlteredTables altered;

  Materializer(Writer w) {
    this.w = w;
    this.typed = new TypedValues(w);
    this.altered = new AlteredTables(w);
    this.live = new LiveRows(w);
    this.tombs = new Tombs(w);
    this.conflicts = new UniqueConflicts(w, live, tombs);
    this.rows = new RowWriter(w, conflicts);
    this.hidden = new HiddenRows(w, live, tombs, rows, conflicts);
  }

  /** Merges a data operation, adding what subscribers see change to {@code out}. */
  void apply(Operation written, List<EntityChange> out) throws SQLException, MissingSchema {
    Operation op = written;
    TableSql t = w.table(op.table());
    if (t != null && !t.def.name().equals(op.table())) {
      // named in another case than the table's: merged and recorded under its written name
      op = op.onTable(t.def.name());
    } else if (t == null) {
      if (isDropped(op.table())) {
        return;
      }
      String renamed = TableRenames.follow(w, op.table());
      if (renamed == null) {
        throw new MissingSchema("no table '" + op.table() + "'");
      }
      // written under a name the table had before a rename its writer had not seen
      op = op.onTable(renamed);
      t = w.table(renamed);
    }
    if (typed.beforeDrop(op)) {
      return;
    }
    Operation resolved = altered.resolve(op);
    if (!t.texts.isEmpty()) {
      resolved = w.texts().merge(t, resolved, canonicalKey(t, resolved.key()));
    }
    if (!t.jsons.isEmpty()) {
      resolved = w.jsons().merge(t, resolved, canonicalKey(t, resolved.key()));
    }
    Operation merged = typed.fit(t, resolved);
    if (merged == null) {
      return;
    }
    TableSql table = t;
    settle(
        table,
        merged.key(),
        op.id(),
        s -> {
          LostWrites.record(w, table, s, merged);
          return s.apply(merged, table.counters, table.merged);
        },
        out);
  }

  /**
   * Merges a row state (see {@link EntityState#join}) as {@link #apply} merges an operation, adding
   * what subscribers see change to {@code out}; {@code superset} when the row state's snapshot
   * covers every transaction this node holds.
   */
  void merge(RowState r, boolean superset, List<EntityChange> out)
      throws SQLException, MissingSchema {
    TableSql t = w.table(r.table());
    if (t == null) {
      if (isDropped(r.table())) {
        return;
      }
      throw new MissingSchema("no table '" + r.table() + "'");
    }
    OpId cause = r.lastId();
    if (cause == null) {
      return;
    }
    Object[] key = Keys.canonical(t, r.key());
    EntityState incoming = RowStateForm.state(t.jsons.isEmpty() ? r : joinDocs(t, key, r));
    java.util.Set<String> whole = superset ? t.counters : java.util.Set.of();
    settle(t, key, cause, s -> s.join(incoming, t.jsons, whole), out);
  }

  /** The row state with its JSON fields' documents merged here and replaced by their texts. */
  private RowState joinDocs(TableSql t, Object[] key, RowState r) throws SQLException {
    Object[] values = r.values().clone();
    for (int i = 0; i < values.length; i++) {
      if (t.jsons.contains(r.columns()[i])) {
        values[i] = w.jsons().join(t.def.name(), key, r.columns()[i], r.clocks()[i], r.values()[i]);
      }
    }
    return new RowState(
        r.table(), r.key(), r.existence(), r.live(), r.columns(), r.clocks(), values);
  }

  /** Changes an entity's stored state by {@code change}, then writes it where it belongs. */
  private void settle(
      TableSql t, Object[] key, OpId cause, StateChange change, List<EntityChange> out)
      throws SQLException {
    EntityState s = live.state(t, key);
    boolean wasLive = s != null;
    boolean hadTomb = false;
    if (s == null) {
      s = tombs.load(t.def.name(), key);
      hadTomb = s != null;
      if (s == null) {
        s = new EntityState();
      }
    }
    if (!change.apply(s)) {
      return;
    }
    conflicts.clearEvicted();
    write(t, key, s, cause, wasLive, hadTomb, out);
    conflicts.drainEvicted(out);
    if (wasLive) {
      out.addAll(hidden.restore(t.def.name()));
    }
  }

  /** One change of a stored state; true when a register changed. */
  @FunctionalInterface
  private interface StateChange {
    boolean apply(EntityState s) throws SQLException;
  }

  /**
   * Writes the merged state where it belongs now: the table if live and allowed, else the tombs.
   */
  private void write(
      TableSql t,
      Object[] key,
      EntityState s,
      OpId cause,
      boolean wasLive,
      boolean hadTomb,
      List<EntityChange> out)
      throws SQLException {
    String table = t.def.name();
    byte[] keyBytes = Keys.bytes(key);
    boolean shown =
        s.live() && (wasLive ? rows.update(t, key, s, cause) : rows.insert(t, key, s, cause));
    if (shown) {
      if (hadTomb) {
        tombs.delete(table, keyBytes);
      }
      out.add(
          new EntityChange(
              table,
              key,
              wasLive ? EntityChange.Kind.UPDATE : EntityChange.Kind.INSERT,
              StateColumns.row(t, s)));
    } else {
      if (wasLive) {
        live.delete(t, key);
        out.add(new EntityChange(table, key, EntityChange.Kind.DELETE, null));
      }
      tombs.save(table, keyBytes, s);
    }
  }

  /** The key as the table's key types hold it, or as written when it does not fit them. */
  private static Object[] canonicalKey(TableSql t, Object[] key) {
    try {
      return Keys.canonical(t, key);
    } catch (SQLException | RuntimeException e) {
      return key;
    }
  }

  /** Forgets the cached drop horizons: a schema operation may have moved them. */
  void forgetHorizons() {
    typed.forgetHorizons();
  }

  /** Forgets which columns fields belong to: a schema operation may have renamed or dropped one. */
  void forgetNames() {
    altered.forget();
  }

  /**
   * Shows again the hidden entities of a table whose unique values became free; returns what
   * subscribers see change (see {@link HiddenRows}).
   */
  List<EntityChange> restoreHidden(String table) throws SQLException {
    return hidden.restore(table);
  }

  /** Operations on a table dropped here are dropped with it rather than kept pending. */
  private boolean isDropped(String table) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT 1 FROM _pl_dropped WHERE tbl=?");
    ps.setString(1, table);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}
