package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.OpEncoder;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.SchemaJson;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.value.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A local write transaction: each call writes the row and its clock through cached statements and
 * appends the encoded operation to a reusable buffer; the commit ({@link LocalCommit}) adds one log
 * record. A local operation's id exceeds every id the entity holds, so no merge is needed: an
 * insert writes a uniform clock, an update stamps the columns it sets, a delete moves the row's
 * state to the tombstones. Tables are named as their DDL wrote them, whatever case the caller used.
 * Checks and counters are in {@link LocalChecks}, savepoints in {@link SavepointMarks}.
 *
 * <p>Not thread-safe: owned by one thread at a time while it holds the store's writer permit.
 */
final class LocalWriteTxn implements WriteTxn {
  private static final List<OpId> NONE = List.of();
  private static final Object[] NO_VALUES = new Object[0];
  private static final String[] NO_COLUMNS = new String[0];

  private final SqliteStore store;
  private final LocalCommit end;
  private final Writer w;
  private final OpEncoder encoder;
  private final LiveRows live;
  private final Tombs tombs;
  private final Materializer merge;
  private final List<EntityChange> changes = new ArrayList<>();
  private final List<SchemaChange> schemaChanges = new ArrayList<>();
  private final SavepointMarks marks;
  private final ForeignKeyActions actions;
  private boolean done;

  LocalWriteTxn(SqliteStore store, LocalCommit end, Writer w, OpEncoder encoder) {
    this.store = store;
    this.end = end;
    this.w = w;
    this.encoder = encoder;
    this.live = new LiveRows(w);
    this.tombs = new Tombs(w);
    this.merge = new Materializer(w);
    this.marks = new SavepointMarks(w, encoder, changes, schemaChanges);
    this.actions = new ForeignKeyActions(w, live);
    // the transaction id is issued first, so every operation id of the transaction exceeds it
    encoder.begin(store.clock().next());
  }

  private void open() throws SQLException {
    if (done) {
      throw Errors.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "the write transaction has ended");
    }
  }

  @Override
  public Catalog catalog() {
    return w.catalog();
  }

  @Override
  public Connection connection() {
    return w.conn;
  }

  @Override
  public boolean insert(String named, Object[] row, OnConflict onConflict) throws SQLException {
    open();
    TableSql t = LocalChecks.table(w, named);
    String table = t.def.name();
    LocalChecks.checkArity(t, table, row);
    int n = t.names.length;
    OpId id = store.clock().next();
    Object[] key = LocalChecks.key(t, table, row, id);
    EntityState tomb = t.hiddenId ? null : tombs.load(table, key);
    Object[] opValues = row.clone();
    boolean plain = t.plain;
    row = plain ? row : LocalChecks.stored(w, t, key, row, opValues, tomb, id);
    PreparedStatement ps = w.prepare(t.insert);
    for (int i = 0; i < n; i++) {
      Values.bind(ps, i + 1, row[i], t.types[i]);
    }
    int next = n + 1;
    if (t.hiddenId) {
      ps.setBytes(next++, (byte[]) key[0]);
    }
    ps.setBytes(next, ClockVector.uniform(id, n, w.node));
    try {
      ps.executeUpdate();
    } catch (SQLException e) {
      if (onConflict == OnConflict.IGNORE && Constraints.stateOf(e) == SqlState.UNIQUE_VIOLATION) {
        return false;
      }
      throw Constraints.translate(e, table);
    }
    if (!plain) {
      LocalChecks.edits(w, t, key, row, opValues);
    }
    List<OpId> precursors = NONE;
    if (tomb != null) {
      // the new entity follows the deleted one of the same key, so it merges after it everywhere
      precursors = tomb.heads();
      tombs.delete(table, Keys.bytes(key));
    }
    encoder.add(id, OpKind.INSERT, table, key, t.names, opValues, precursors, null);
    changes.add(new EntityChange(table, key, EntityChange.Kind.INSERT, plain ? opValues : row));
    return true;
  }

  @Override
  public boolean update(String table, Object[] key, int[] columns, Object[] values)
      throws SQLException {
    open();
    TableSql t = LocalChecks.table(w, table);
    ClockVector[] clock = new ClockVector[1];
    Object[] row = live.load(t, key, clock);
    if (row == null) {
      return false;
    }
    Object[] after = row.clone();
    for (int i = 0; i < columns.length; i++) {
      after[columns[i]] = values[i];
    }
    boolean[] written = new boolean[1];
    actions.onUpdate(
        this,
        t,
        row,
        after,
        () ->
            written[0] =
                LocalChecks.touchesKey(t, columns)
                    ? updateKey(t, key, after)
                    : updateRow(t, key, row, clock, columns, values));
    return written[0];
  }

  private boolean updateRow(
      TableSql t, Object[] key, Object[] row, ClockVector[] clock, int[] columns, Object[] values)
      throws SQLException {
    String table = t.def.name();
    List<OpId> precursors = clock[0].distinct();
    OpId id = store.clock().next();
    String[] names = new String[columns.length];
    Object[] opValues = values.clone();
    PreparedStatement ps = w.prepare(t.update(columns));
    for (int i = 0; i < columns.length; i++) {
      int c = columns[i];
      Object v = values[i];
      if (t.counters.contains(t.names[c])) {
        opValues[i] = LocalChecks.counterDelta(v, row[c]);
        v = v == null ? 0L : (Long) v;
      } else if (t.merged.contains(t.names[c])) {
        v = LocalChecks.mergedWrite(w, t, key, t.names[c], id, v, opValues, i);
      }
      row[c] = v;
      clock[0].fields[c] = id;
      names[i] = t.names[c];
      Values.bind(ps, i + 1, v, t.types[c]);
    }
    ps.setBytes(columns.length + 1, clock[0].encode(w.node));
    Keys.bind(ps, columns.length + 2, t, key);
    try {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Constraints.translate(e, table);
    }
    encoder.add(id, OpKind.UPDATE, table, key, names, opValues, precursors, null);
    changes.add(new EntityChange(table, key, EntityChange.Kind.UPDATE, row));
    changes.addAll(merge.restoreHidden(table));
    return true;
  }

  /**
   * A key change is a new entity: delete the old one (its ON UPDATE actions are the caller's, not
   * ON DELETE's), insert the new one.
   */
  private boolean updateKey(TableSql t, Object[] key, Object[] after) throws SQLException {
    deleteRow(t.def.name(), key);
    return insert(t.def.name(), after, OnConflict.ERROR);
  }

  @Override
  public boolean delete(String table, Object[] key) throws SQLException {
    open();
    TableSql t = LocalChecks.table(w, table);
    Object[] row = live.load(t, key, new ClockVector[1]);
    if (row == null) {
      return false;
    }
    actions.onDelete(this, t, row);
    deleteRow(t.def.name(), key);
    return true;
  }

  /** Deletes the live row with this key, if any, without foreign-key actions. */
  private boolean deleteRow(String table, Object[] key) throws SQLException {
    TableSql t = LocalChecks.table(w, table);
    ClockVector[] clock = new ClockVector[1];
    Object[] row = live.load(t, key, clock);
    if (row == null) {
      return false;
    }
    List<OpId> precursors = clock[0].distinct();
    OpId id = store.clock().next();
    try {
      live.delete(t, key);
    } catch (SQLException e) {
      throw Constraints.translate(e, table);
    }
    tombs.save(table, Keys.bytes(key), StateColumns.deleted(t, row, clock[0], id));
    encoder.add(id, OpKind.DELETE, table, key, NO_COLUMNS, NO_VALUES, precursors, null);
    changes.add(new EntityChange(table, key, EntityChange.Kind.DELETE, null));
    changes.addAll(merge.restoreHidden(table));
    return true;
  }

  @Override
  public @Nullable RowHook rowHook(@Nullable RowHook hook) {
    return actions.hook(hook);
  }

  @Override
  public void schema(SchemaChange change) throws SQLException {
    open();
    OpId id = store.clock().next();
    Catalog next = SchemaOps.apply(w.conn, w.node, w.catalog(), change, id);
    w.catalog(next);
    encoder.add(
        id, OpKind.SCHEMA, "", NO_VALUES, NO_COLUMNS, NO_VALUES, NONE, SchemaJson.write(change));
    schemaChanges.add(change);
  }

  @Override
  public long nextKey(String table, int column) throws SQLException {
    open();
    return store.nextKey(LocalChecks.table(w, table).def, column);
  }

  @Override
  public long reserveIds(int count) throws SQLException {
    return store.reserveIds(count);
  }

  @Override
  public int mark() throws SQLException {
    open();
    return marks.mark();
  }

  @Override
  public void rollbackTo(int mark) throws SQLException {
    open();
    marks.rollbackTo(mark);
  }

  @Override
  public void release(int mark) throws SQLException {
    open();
    marks.release(mark);
  }

  @Override
  public boolean isEmpty() {
    return encoder.count() == 0;
  }

  @Override
  public void commit() throws SQLException {
    open();
    done = true;
    end.commit(isEmpty() ? null : encoder, changes, schemaChanges);
  }

  @Override
  public void rollback() throws SQLException {
    if (!done) {
      done = true;
      end.rollback();
    }
  }

  @Override
  public void close() throws SQLException {
    rollback();
  }
}
