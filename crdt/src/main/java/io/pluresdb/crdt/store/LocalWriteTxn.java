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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A local write transaction: each call writes the materialized row and its clock through cached
 * statements on the writer connection and appends the encoded operation to a reusable buffer; the
 * commit adds one log record for the whole transaction. Because a local operation's id is greater
 * than every id the entity holds, the local path needs no merge: an insert writes a uniform clock,
 * an update stamps the columns it sets, a delete moves the row's state to the tombstones.
 *
 * <p>Not thread-safe: owned by one thread at a time while it holds the store's writer permit.
 */
final class LocalWriteTxn implements io.pluresdb.crdt.store.WriteTxn {
  private record Mark(int id, OpEncoder.Mark ops, int changes, int schema, Catalog catalog) {}

  private static final List<OpId> NONE = List.of();
  private static final Object[] NO_VALUES = new Object[0];
  private static final String[] NO_COLUMNS = new String[0];

  private final SqliteStore store;
  private final Writer w;
  private final OpEncoder encoder;
  private final Materializer merge;
  private final List<EntityChange> changes = new ArrayList<>();
  private final List<SchemaChange> schemaChanges = new ArrayList<>();
  private final Deque<Mark> marks = new ArrayDeque<>();
  private int markCounter;
  private boolean done;

  LocalWriteTxn(SqliteStore store, Writer w, OpEncoder encoder) {
    this.store = store;
    this.w = w;
    this.encoder = encoder;
    this.merge = new Materializer(w);
    // the transaction id is issued first, so every operation id of the transaction exceeds it
    encoder.begin(store.clock().next());
  }

  private void open() throws SQLException {
    if (done) {
      throw Errors.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "the write transaction has ended");
    }
  }

  private OpId nextOp() {
    return store.clock().next();
  }

  private TableSql table(String name) throws SQLException {
    TableSql t = w.table(name);
    if (t == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + name + "' does not exist");
    }
    return t;
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
  public boolean insert(String table, Object[] row, OnConflict onConflict) throws SQLException {
    open();
    TableSql t = table(table);
    int n = t.names.length;
    if (row.length != n) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_NUMBER,
          "table '" + table + "' has " + n + " columns, got " + row.length + " values");
    }
    OpId id = nextOp();
    Object[] key = new Object[t.keyPositions.length];
    for (int i = 0; i < key.length; i++) {
      if (t.hiddenId) {
        key[i] = id.toBytes();
      } else {
        key[i] = row[t.keyPositions[i]];
        if (key[i] == null) {
          throw Errors.of(
              SqlState.NOT_NULL_VIOLATION,
              "null value in column '"
                  + t.names[t.keyPositions[i]]
                  + "' of table '"
                  + table
                  + "' violates the primary key's NOT NULL");
        }
      }
    }
    EntityState tomb = t.hiddenId ? null : merge.loadTomb(table, key);
    Object[] opValues = row.clone();
    if (!t.counters.isEmpty()) {
      row = row.clone();
      counterDeltas(t, row, opValues, tomb);
    }
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
    List<OpId> precursors = NONE;
    if (tomb != null) {
      precursors = tomb.heads();
      merge.deleteTomb(table, Materializer.keyBytes(key));
    }
    encoder.add(id, OpKind.INSERT, table, key, t.names, opValues, precursors, null);
    changes.add(
        new EntityChange(
            table, key, EntityChange.Kind.INSERT, t.counters.isEmpty() ? opValues : row));
    return true;
  }

  /**
   * COUNTER columns travel as increments: an inserted value counts from what a deleted entity of
   * the same key held (or 0), a null counter is 0.
   */
  private static void counterDeltas(TableSql t, Object[] row, Object[] opValues, EntityState tomb) {
    for (int i = 0; i < row.length; i++) {
      if (t.counters.contains(t.names[i])) {
        long v = row[i] == null ? 0 : (Long) row[i];
        EntityState.Field before = tomb == null ? null : tomb.fields.get(t.names[i]);
        long base = before == null || before.value() == null ? 0 : (Long) before.value();
        row[i] = v;
        opValues[i] = v - base;
      }
    }
  }

  /** The row with this key and its clock, or null. */
  private Object[] load(TableSql t, Object[] key, ClockVector[] clock) throws SQLException {
    PreparedStatement ps = w.prepare(t.selectByKey);
    Materializer.bindKey(ps, 1, t, key);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      int n = t.names.length;
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = Values.read(rs, i + 1, t.types[i]);
      }
      clock[0] = ClockVector.decode(rs.getBytes(n + 1), n, w.node);
      return row;
    }
  }

  @Override
  public boolean update(String table, Object[] key, int[] columns, Object[] values)
      throws SQLException {
    open();
    TableSql t = table(table);
    ClockVector[] clock = new ClockVector[1];
    Object[] row = load(t, key, clock);
    if (row == null) {
      return false;
    }
    for (int c : columns) {
      for (int k : t.keyPositions) {
        if (c == k) {
          return updateKey(t, key, row, columns, values);
        }
      }
    }
    List<OpId> precursors = clock[0].distinct();
    OpId id = nextOp();
    String[] names = new String[columns.length];
    Object[] opValues = values.clone();
    PreparedStatement ps = w.prepare(t.update(columns));
    for (int i = 0; i < columns.length; i++) {
      int c = columns[i];
      Object v = values[i];
      if (t.counters.contains(t.names[c])) {
        // an absolute value (SET likes = likes + 1 arrives as 6) travels as the increment (+1)
        long after = v == null ? 0 : (Long) v;
        opValues[i] = after - (row[c] == null ? 0 : (Long) row[c]);
        v = after;
      }
      row[c] = v;
      clock[0].fields[c] = id;
      names[i] = t.names[c];
      Values.bind(ps, i + 1, v, t.types[c]);
    }
    ps.setBytes(columns.length + 1, clock[0].encode(w.node));
    Materializer.bindKey(ps, columns.length + 2, t, key);
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

  /** A key change is a new entity: delete the old one, insert the new one. */
  private boolean updateKey(TableSql t, Object[] key, Object[] row, int[] columns, Object[] values)
      throws SQLException {
    for (int i = 0; i < columns.length; i++) {
      row[columns[i]] = values[i];
    }
    delete(t.def.name(), key);
    return insert(t.def.name(), row, OnConflict.ERROR);
  }

  @Override
  public boolean delete(String table, Object[] key) throws SQLException {
    open();
    TableSql t = table(table);
    ClockVector[] clock = new ClockVector[1];
    Object[] row = load(t, key, clock);
    if (row == null) {
      return false;
    }
    List<OpId> precursors = clock[0].distinct();
    OpId id = nextOp();
    PreparedStatement ps = w.prepare(t.deleteByKey);
    Materializer.bindKey(ps, 1, t, key);
    try {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Constraints.translate(e, table);
    }
    EntityState s = new EntityState();
    s.existence = id;
    for (int i = 0; i < row.length; i++) {
      if (clock[0].fields[i] != null) {
        s.fields.put(t.names[i], new EntityState.Field(clock[0].fields[i], row[i]));
      }
    }
    merge.saveTomb(table, Materializer.keyBytes(key), s);
    encoder.add(id, OpKind.DELETE, table, key, NO_COLUMNS, NO_VALUES, precursors, null);
    changes.add(new EntityChange(table, key, EntityChange.Kind.DELETE, null));
    changes.addAll(merge.restoreHidden(table));
    return true;
  }

  @Override
  public void schema(SchemaChange change) throws SQLException {
    open();
    OpId id = nextOp();
    Catalog next = SchemaOps.apply(w.conn, w.node, w.catalog(), change, id);
    w.catalog(next);
    encoder.add(
        id, OpKind.SCHEMA, "", NO_VALUES, NO_COLUMNS, NO_VALUES, NONE, SchemaJson.write(change));
    schemaChanges.add(change);
  }

  @Override
  public long nextId() {
    return store.nextId();
  }

  @Override
  public long reserveIds(int count) throws SQLException {
    return store.reserveIds(count);
  }

  @Override
  public int mark() throws SQLException {
    open();
    int id = ++markCounter;
    w.exec("SAVEPOINT pl_m" + id);
    marks.push(new Mark(id, encoder.mark(), changes.size(), schemaChanges.size(), w.catalog()));
    return id;
  }

  private Mark find(int id) throws SQLException {
    for (Mark m : marks) {
      if (m.id() == id) {
        return m;
      }
    }
    throw Errors.of(SqlState.INVALID_TRANSACTION_STATE, "no savepoint mark " + id);
  }

  @Override
  public void rollbackTo(int mark) throws SQLException {
    open();
    Mark m = find(mark);
    w.exec("ROLLBACK TO pl_m" + mark);
    while (marks.peek() != m) {
      marks.pop();
    }
    encoder.reset(m.ops());
    changes.subList(m.changes(), changes.size()).clear();
    schemaChanges.subList(m.schema(), schemaChanges.size()).clear();
    w.catalog(m.catalog());
  }

  @Override
  public void release(int mark) throws SQLException {
    open();
    Mark m = find(mark);
    w.exec("RELEASE pl_m" + mark);
    while (marks.pop() != m) {
      // the marks set after this one are released with it
    }
  }

  @Override
  public boolean isEmpty() {
    return encoder.count() == 0;
  }

  @Override
  public void commit() throws SQLException {
    open();
    done = true;
    store.commitLocal(this, isEmpty() ? null : encoder, changes, schemaChanges);
  }

  @Override
  public void rollback() throws SQLException {
    if (!done) {
      done = true;
      store.rollbackLocal();
    }
  }

  @Override
  public void close() throws SQLException {
    rollback();
  }
}
