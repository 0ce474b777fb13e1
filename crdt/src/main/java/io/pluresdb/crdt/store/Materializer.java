package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ValueCodec;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The merge path: applies an operation to its entity's stored state by the merge rules of {@link
 * EntityState} and writes the result back to the materialized table (live entities) or the
 * tombstone table (deleted ones). Remote transactions and {@link Store#rebuild} both go through
 * here, so they cannot diverge; local writes take a shorter path that yields the same state because
 * a local operation's id is greater than every id the entity holds.
 *
 * <p>A merged row that a local UNIQUE constraint refuses is not materialized: its state is kept
 * with the tombstones (so later operations still merge into it) and the refusal is recorded in
 * {@code _pl_conflicts}.
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class Materializer {
  /** The operation needs a table or column this node does not have yet. */
  static final class MissingSchema extends Exception {
    private static final long serialVersionUID = 1L;

    MissingSchema(String what) {
      super(what, null, false, false);
    }
  }

  private final Writer w;

  /** Rows hidden while writing the current entity; reported to subscribers as deletes. */
  private final List<EntityChange> evicted = new ArrayList<>();

  private boolean restoring;

  Materializer(Writer w) {
    this.w = w;
  }

  /** Merges a data operation, adding what subscribers see change to {@code out}. */
  void apply(Operation op, List<EntityChange> out) throws SQLException, MissingSchema {
    TableSql t = w.table(op.table());
    if (t == null) {
      if (isDropped(op.table())) {
        return;
      }
      throw new MissingSchema("table " + op.table());
    }
    for (String c : op.columns()) {
      if (t.def.columnIndex(c) < 0) {
        throw new MissingSchema("column " + c + " of " + op.table());
      }
    }
    Object[] key = canonicalKey(t, op.key());
    Object[] values = op.values().clone();
    for (int i = 0; i < values.length; i++) {
      values[i] = Values.coerce(values[i], t.types[t.def.columnIndex(op.columns()[i])]);
    }
    Operation merged =
        new Operation(
            op.id(), op.kind(), op.table(), key, op.columns(), values, op.precursors(), null);
    EntityState s = loadLive(t, key);
    boolean wasLive = s != null;
    boolean hadTomb = false;
    if (s == null) {
      s = loadTomb(t.def.name(), key);
      hadTomb = s != null;
      if (s == null) {
        s = new EntityState();
      }
    }
    if (!s.apply(merged, t.counters)) {
      return;
    }
    evicted.clear();
    String table = t.def.name();
    byte[] keyBytes = keyBytes(key);
    boolean shown =
        s.live() && (wasLive ? updateRow(t, key, s, op.id()) : insertRow(t, key, s, op.id()));
    if (shown) {
      if (hadTomb) {
        deleteTomb(table, keyBytes);
      }
      out.add(
          new EntityChange(
              table,
              key,
              wasLive ? EntityChange.Kind.UPDATE : EntityChange.Kind.INSERT,
              row(t, s)));
    } else {
      if (wasLive) {
        deleteRow(t, key);
        out.add(new EntityChange(table, key, EntityChange.Kind.DELETE, null));
      }
      saveTomb(table, keyBytes, s);
    }
    out.addAll(evicted);
    evicted.clear();
    if (wasLive) {
      out.addAll(restoreHidden(table));
    }
  }

  private static Object[] canonicalKey(TableSql t, Object[] key) throws SQLException {
    Object[] k = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      k[i] = Values.coerce(key[i], t.keyTypes[i]);
    }
    return k;
  }

  static byte[] keyBytes(Object[] key) {
    ByteSink out = new ByteSink(32);
    for (Object k : key) {
      ValueCodec.write(out, k);
    }
    return out.toByteArray();
  }

  static void bindKey(PreparedStatement ps, int from, TableSql t, Object[] key)
      throws SQLException {
    for (int i = 0; i < key.length; i++) {
      Values.bind(ps, from + i, key[i], t.keyTypes[i]);
    }
  }

  private EntityState loadLive(TableSql t, Object[] key) throws SQLException {
    PreparedStatement ps = w.prepare(t.selectByKey);
    bindKey(ps, 1, t, key);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      int n = t.names.length;
      ClockVector cv = ClockVector.decode(rs.getBytes(n + 1), n, w.node);
      EntityState s = new EntityState();
      s.existence = cv.existence;
      s.inserted = true;
      for (int i = 0; i < n; i++) {
        if (cv.fields[i] != null) {
          s.fields.put(
              t.names[i], new EntityState.Field(cv.fields[i], Values.read(rs, i + 1, t.types[i])));
        }
      }
      return s;
    }
  }

  EntityState loadTomb(String table, Object[] key) throws SQLException {
    if (!w.tombTables.contains(table)) {
      return null;
    }
    PreparedStatement ps = w.prepare("SELECT state FROM _pl_tomb WHERE tbl=? AND key=?");
    ps.setString(1, table);
    ps.setBytes(2, keyBytes(key));
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? EntityState.decode(rs.getBytes(1)) : null;
    }
  }

  void saveTomb(String table, byte[] key, EntityState s) throws SQLException {
    PreparedStatement ps =
        w.prepare("INSERT OR REPLACE INTO _pl_tomb(tbl, key, state, hidden) VALUES (?,?,?,?)");
    ps.setString(1, table);
    ps.setBytes(2, key);
    ps.setBytes(3, s.encode());
    ps.setInt(4, s.live() ? 1 : 0);
    ps.executeUpdate();
    w.tombTables.add(table);
    if (s.live()) {
      w.hiddenTables.add(table);
    }
  }

  void deleteTomb(String table, byte[] key) throws SQLException {
    PreparedStatement ps = w.prepare("DELETE FROM _pl_tomb WHERE tbl=? AND key=?");
    ps.setString(1, table);
    ps.setBytes(2, key);
    ps.executeUpdate();
  }

  private void deleteRow(TableSql t, Object[] key) throws SQLException {
    PreparedStatement ps = w.prepare(t.deleteByKey);
    bindKey(ps, 1, t, key);
    ps.executeUpdate();
  }

  private static OpId[] clocks(TableSql t, EntityState s) {
    OpId[] f = new OpId[t.names.length];
    for (int i = 0; i < f.length; i++) {
      EntityState.Field x = s.fields.get(t.names[i]);
      f[i] = x == null ? null : x.clock();
    }
    return f;
  }

  private static Object[] row(TableSql t, EntityState s) {
    Object[] row = new Object[t.names.length];
    for (int i = 0; i < row.length; i++) {
      EntityState.Field x = s.fields.get(t.names[i]);
      row[i] = x == null ? null : x.value();
    }
    return row;
  }

  private static int[] statePositions(TableSql t, EntityState s) {
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < t.names.length; i++) {
      if (s.fields.containsKey(t.names[i])) {
        p.add(i);
      }
    }
    return p.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Binds a row write's parameters; re-run before each attempt. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private boolean updateRow(TableSql t, Object[] key, EntityState s, OpId cause)
      throws SQLException {
    int[] pos = statePositions(t, s);
    String sql = t.update(pos);
    return write(
        sql,
        ps -> {
          int i = 1;
          for (int p : pos) {
            Values.bind(ps, i++, s.fields.get(t.names[p]).value(), t.types[p]);
          }
          ps.setBytes(i++, new ClockVector(s.existence, clocks(t, s)).encode(w.node));
          bindKey(ps, i, t, key);
        },
        t,
        key,
        s,
        cause);
  }

  private boolean insertRow(TableSql t, Object[] key, EntityState s, OpId cause)
      throws SQLException {
    int[] pos = statePositions(t, s);
    String sql = t.insert(pos);
    return write(
        sql,
        ps -> {
          int i = 1;
          for (int p : pos) {
            Values.bind(ps, i++, s.fields.get(t.names[p]).value(), t.types[p]);
          }
          if (t.hiddenId) {
            ps.setBytes(i++, (byte[]) key[0]);
          }
          ps.setBytes(i, new ClockVector(s.existence, clocks(t, s)).encode(w.node));
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
        if (st == SqlState.UNIQUE_VIOLATION && attempt < 8 && evictYounger(t, s, detail, cause)) {
          continue;
        }
        recordConflict(t, key, cause, st, detail);
        return false;
      }
    }
  }

  private boolean evictYounger(TableSql t, EntityState s, String detail, OpId cause)
      throws SQLException {
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
      EntityState rs = loadLive(t, r.key());
      deleteRow(t, r.key());
      saveTomb(t.def.name(), keyBytes(r.key()), rs);
      recordConflict(t, r.key(), cause, SqlState.UNIQUE_VIOLATION, detail);
      evicted.add(new EntityChange(t.def.name(), r.key(), EntityChange.Kind.DELETE, null));
    }
    return true;
  }

  private void recordConflict(TableSql t, Object[] key, OpId op, SqlState st, String detail)
      throws SQLException {
    PreparedStatement c =
        w.prepare("INSERT INTO _pl_conflicts(tbl, entity, op, kind, detail) VALUES (?,?,?,?,?)");
    c.setString(1, t.def.name());
    c.setString(2, Arrays.deepToString(key));
    c.setString(3, op.toString());
    c.setString(4, st.name());
    c.setString(5, detail);
    c.executeUpdate();
  }

  /**
   * Shows again, oldest first, the hidden entities of a table whose unique values became free
   * (after a row was deleted or changed); returns what subscribers see change.
   */
  List<EntityChange> restoreHidden(String table) throws SQLException {
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
          keys.add(decodeKey(rs.getBytes(1)));
          states.add(EntityState.decode(rs.getBytes(2)));
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        order.add(i);
      }
      order.sort((x, y) -> states.get(x).existence.compareTo(states.get(y).existence));
      List<EntityChange> out = new ArrayList<>();
      evicted.clear();
      for (int i : order) {
        Object[] key = keys.get(i);
        EntityState s = states.get(i);
        if (loadLive(t, key) == null && insertRow(t, key, s, s.existence)) {
          deleteTomb(table, keyBytes(key));
          out.add(new EntityChange(table, key, EntityChange.Kind.INSERT, row(t, s)));
        }
      }
      out.addAll(evicted);
      evicted.clear();
      return out;
    } finally {
      restoring = false;
    }
  }

  private static Object[] decodeKey(byte[] bytes) {
    io.pluresdb.crdt.op.ByteSource in = new io.pluresdb.crdt.op.ByteSource(bytes);
    List<Object> key = new ArrayList<>();
    while (in.hasMore()) {
      key.add(ValueCodec.read(in));
    }
    return key.toArray();
  }

  private boolean isDropped(String table) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT 1 FROM _pl_dropped WHERE tbl=?");
    ps.setString(1, table);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}
