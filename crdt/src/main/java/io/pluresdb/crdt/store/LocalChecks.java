package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The checks and value rules of local writes that SQLite cannot apply itself: the row's arity, the
 * primary key's NOT NULL (SQLite allows null in a non-integer primary key, but an entity needs a
 * key), and COUNTER columns, which are stored as values but travel as increments so that concurrent
 * increments add up on merge.
 *
 * <p>Stateless.
 */
final class LocalChecks {
  private LocalChecks() {}

  /** The table of the working catalog; UNDEFINED_TABLE when there is none. */
  static TableSql table(Writer w, String name) throws SQLException {
    TableSql t = w.table(name);
    if (t == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + name + "' does not exist");
    }
    return t;
  }

  /** INVALID_PARAMETER_NUMBER unless the row has a value for each column. */
  static void checkArity(TableSql t, String table, Object[] row) throws SQLException {
    int n = t.names.length;
    if (row.length != n) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_NUMBER,
          "table '" + table + "' has " + n + " columns, got " + row.length + " values");
    }
  }

  /**
   * The key of an inserted row: its key columns' values, or the insert's op id for a table without
   * a declared key; NOT_NULL_VIOLATION when a key value is null.
   */
  static Object[] key(TableSql t, String table, Object[] row, OpId id) throws SQLException {
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
    return key;
  }

  /**
   * COUNTER columns travel as increments: an inserted value counts from what a deleted entity of
   * the same key held (or 0), a null counter is 0.
   */
  static void counterDeltas(TableSql t, Object[] row, Object[] opValues, EntityState tomb) {
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

  /**
   * The values an insert stores, when the table has COUNTER, TEXT MERGEABLE or JSON MERGEABLE
   * columns: a copy of {@code row} with a NULL over text of a deleted entity of the same key
   * emptied (see {@link TextColumns}) and JSON as its document's merged text, and the counters'
   * increments and the JSON edits put into {@code opValues}.
   */
  static Object[] stored(
      Writer w,
      TableSql t,
      Object[] key,
      Object[] row,
      Object[] opValues,
      @Nullable EntityState tomb,
      OpId id)
      throws SQLException {
    Object[] stored = row.clone();
    counterDeltas(t, stored, opValues, tomb);
    if (!t.jsons.isEmpty()) {
      w.jsons().prepare(t, key, stored, opValues, id);
    }
    return t.texts.isEmpty() ? stored : w.texts().nullsOverText(t, key, stored);
  }

  /** After an insert's row is written: its texts' edits and its JSON documents are kept. */
  static void edits(Writer w, TableSql t, Object[] key, Object[] row, Object[] opValues)
      throws SQLException {
    if (!t.texts.isEmpty()) {
      w.texts().edits(t, key, row, opValues);
    }
    if (!t.jsons.isEmpty()) {
      w.jsons().keep();
    }
  }

  /**
   * An update of a TEXT MERGEABLE or JSON MERGEABLE field: its edit goes into {@code opValues[i]};
   * returns the value the row stores (the merged text).
   */
  static @Nullable Object mergedWrite(
      Writer w,
      TableSql t,
      Object[] key,
      String col,
      OpId id,
      @Nullable Object v,
      Object[] opValues,
      int i)
      throws SQLException {
    if (t.jsons.contains(col)) {
      Object[] text = new Object[1];
      opValues[i] = w.jsons().write(t, key, col, id, v, text);
      return text[0];
    }
    opValues[i] = w.texts().write(t, key, col, v);
    return v == null ? w.texts().value(t, key, col) : v;
  }

  /** An updated COUNTER's increment: an absolute value (6 after 5) travels as +1. */
  static long counterDelta(Object after, Object before) {
    return (after == null ? 0 : (Long) after) - (before == null ? 0 : (Long) before);
  }

  /** Whether an update sets a key column, which makes it a new entity. */
  static boolean touchesKey(TableSql t, int[] columns) {
    for (int c : columns) {
      for (int k : t.keyPositions) {
        if (c == k) {
          return true;
        }
      }
    }
    return false;
  }
}
