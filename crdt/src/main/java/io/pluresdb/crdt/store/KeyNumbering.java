package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.KeyRange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Generated keys, numbered as SQLite numbers rowids but inside this node's {@link KeyRange}: the
 * next key is one more than the largest key of the block in the table (the block's first id when it
 * holds none), so a single node gives 1, 2, 3 … and an explicit key inside the block moves the
 * numbering above it. A rowid alias ({@code INTEGER PRIMARY KEY}) may reuse a deleted largest key,
 * as SQLite's does; an identity or {@code AUTOINCREMENT} column never reuses one: its high-water
 * mark is kept in {@code _pl_meta} (key {@code seq:<table>.<column>}), like SQLite's {@code
 * sqlite_sequence}, in the same SQLite transaction as the row, so a rollback forgets it too. The
 * mark is local: only this node numbers inside its block.
 *
 * <p>Not thread-safe: called by the write transaction that holds the writer permit.
 */
final class KeyNumbering {
  private final Meta meta;

  KeyNumbering(Meta meta) {
    this.meta = meta;
  }

  /** The next key of column {@code column} of {@code table} for node number {@code node}. */
  long next(Writer w, TableDef table, int column, int node) throws SQLException {
    ColumnDef col = table.columns().get(column);
    KeyRange range = KeyRange.of(col.type(), node);
    if (range == null) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "column '"
              + col.name()
              + "' of table '"
              + table.name()
              + "' is "
              + col.type()
              + (node < 0
                  ? ": this node has no node number (it joined its database through a node that"
                      + " hands none out), so it cannot generate keys that fit; give the key, or"
                      + " declare the column BIGINT"
                  : ": it has no range of generated keys for node number "
                      + node
                      + " (declare it BIGINT)"));
    }
    long top = range.first() - 1;
    String name = TableSql.quote(col.name());
    // The writer caches the statement: a batch of generated keys prepares it once, not per row.
    PreparedStatement ps =
        w.prepare(
            "SELECT max("
                + name
                + ") FROM "
                + TableSql.quote(table.name())
                + " WHERE "
                + name
                + " BETWEEN ? AND ?");
    ps.setLong(1, range.first());
    ps.setLong(2, range.last());
    try (ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        long max = rs.getLong(1);
        top = rs.wasNull() ? top : Math.max(top, max);
      }
    }
    String mark = "seq:" + table.name() + "." + col.name();
    if (col.autoIncrement()) {
      String used = meta.get(mark);
      if (used != null) {
        top = Math.max(top, Long.parseLong(used));
      }
    }
    if (top >= range.last()) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "column '"
              + col.name()
              + "' of table '"
              + table.name()
              + "' has used every generated key of node number "
              + node
              + " ("
              + range.first()
              + " to "
              + range.last()
              + ")");
    }
    long next = top + 1;
    if (col.autoIncrement()) {
      meta.put(mark, Long.toString(next));
    }
    return next;
  }
}
