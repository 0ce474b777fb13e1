package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The key and values of a remote data operation as the table's columns hold them, decided by what
 * the value is and which types its column was ever declared with, so the same on every node:
 *
 * <ul>
 *   <li>a value that converts to the column's type is stored converted;
 *   <li>a value that does not, but converts to another type the column was declared with (see
 *       {@link Declarations}), is a loser's value: it stays in the log, the row holds NULL for it,
 *       and {@code _pl_conflicts} records it (kind {@code TYPE});
 *   <li>a key that does not fit the table's key but fits another key shape declared for the table
 *       (by the loser of a primary-key clash, or a dropped table of that name) is a loser's key:
 *       the operation stays in the log, is not materialized, and is recorded (kind {@code KEY});
 *   <li>a field of a column the table does not have, but that was declared for the table (by a
 *       dropped incarnation or a losing declaration), stays in the log only; a column never
 *       declared here is missing schema, waiting for its declaration;
 *   <li>anything else fits no declaration at all and is refused as {@link BadValue}: no node can
 *       commit it, so its sender is broken or hostile.
 * </ul>
 *
 * <p>The extra lookups happen only for values that do not convert, so well-typed operations cost
 * nothing more. Not thread-safe: used by the writer only.
 */
final class TypedValues {
  private final Writer w;

  /** table → its drop horizon, or empty; cached for one transaction (see {@link DropHorizon}). */
  private final Map<String, Optional<OpId>> horizons = new HashMap<>();

  TypedValues(Writer w) {
    this.w = w;
  }

  /** True when the operation is older than the newest drop of its table: kept in the log only. */
  boolean beforeDrop(Operation op) throws SQLException {
    Optional<OpId> h = horizons.get(op.table());
    if (h == null) {
      h = Optional.ofNullable(DropHorizon.of(w, op.table()));
      horizons.put(op.table(), h);
    }
    return h.isPresent() && op.id().compareTo(h.get()) < 0;
  }

  void forgetHorizons() {
    horizons.clear();
  }

  /** The operation's key in the table's key types, or null for a recorded loser's key. */
  private Object @Nullable [] key(TableSql t, Operation op) throws SQLException {
    Object[] key = op.key();
    if (key.length == t.keyTypes.length) {
      try {
        return Keys.canonical(t, key);
      } catch (SQLException | RuntimeException e) {
        // does not fit: decided below
      }
    }
    String table = t.def.name();
    String keyColumns = String.join(", ", t.def.keyColumns());
    String fits = declaredKey(table, key);
    if (fits == null) {
      throw BadValue.of(
          table,
          keyColumns,
          "the key " + Arrays.toString(t.keyTypes),
          Arrays.toString(key),
          op.id());
    }
    ConflictLog.record(
        w,
        table,
        Arrays.toString(key),
        op.id().toString(),
        "KEY",
        "key "
            + Arrays.toString(key)
            + " fits the key ("
            + fits
            + ") declared elsewhere, not ("
            + keyColumns
            + "); the operation is kept in the log only");
    return null;
  }

  /** A key shape ever declared for the table that {@code key} fits, or null. */
  private @Nullable String declaredKey(String table, Object[] key) throws SQLException {
    PreparedStatement ps =
        w.prepare("SELECT type FROM _pl_declared WHERE tbl=? AND col='" + Declarations.KEY + "'");
    ps.setString(1, table);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String[] types = rs.getString(1).split(",", -1);
        boolean fits = types.length == key.length;
        for (int i = 0; fits && i < types.length; i++) {
          fits = converts(key[i], ColumnType.valueOf(types[i]));
        }
        if (fits) {
          return rs.getString(1);
        }
      }
    }
    return null;
  }

  /**
   * The operation with its key and values in the table's types and without the fields of columns
   * the table no longer has (a column of a dropped incarnation, kept in the log); null for a
   * recorded loser's key. A column never declared here fails as missing schema: its declaration has
   * not arrived yet.
   */
  @Nullable Operation fit(TableSql t, Operation op)
      throws SQLException, Materializer.MissingSchema {
    String[] columns = op.columns();
    Object[] values = op.values();
    for (String c : op.columns()) {
      if (t.def.columnIndex(c) < 0) {
        if (!declared(t.def.name(), c)) {
          throw new Materializer.MissingSchema(
              "table '" + op.table() + "' has no column '" + c + "'");
        }
        List<String> kept = new ArrayList<>();
        List<Object> keptValues = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
          if (t.def.columnIndex(columns[i]) >= 0) {
            kept.add(columns[i]);
            keptValues.add(values[i]);
          }
        }
        columns = kept.toArray(String[]::new);
        values = keptValues.toArray();
        break;
      }
    }
    Object[] key = key(t, op);
    if (key == null) {
      return null;
    }
    values = values.clone();
    String[] written = columns;
    for (int i = 0; i < values.length; i++) {
      int at = t.def.columnIndex(columns[i]);
      if (!t.names[at].equals(columns[i])) {
        // named in another case than the column's: merged under its written name
        if (columns == written) {
          columns = columns.clone();
        }
        columns[i] = t.names[at];
      }
      ColumnType type = t.types[at];
      try {
        values[i] = Values.coerce(values[i], type);
      } catch (SQLException | RuntimeException e) {
        values[i] = loser(t.def.name(), columns[i], type, values[i], op.id());
      }
    }
    return new Operation(
        op.id(), op.kind(), op.table(), key, columns, values, op.precursors(), null);
  }

  private boolean declared(String table, String column) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT 1 FROM _pl_declared WHERE tbl=? AND col=? LIMIT 1");
    ps.setString(1, table);
    ps.setString(2, column);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private @Nullable Object loser(
      String table, String column, ColumnType type, Object value, OpId op) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT type FROM _pl_declared WHERE tbl=? AND col=?");
    ps.setString(1, table);
    ps.setString(2, column);
    String fits = null;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next() && fits == null) {
        ColumnType other = ColumnType.valueOf(rs.getString(1));
        if (other != type && converts(value, other)) {
          fits = other.name();
        }
      }
    }
    if (fits == null && AlteredTables.altered(w, table)) {
      // a renamed column's values were declared under its earlier names, which a rename into a
      // held name or a chain of renames may leave elsewhere: any declaration of the table counts
      fits = anyDeclared(table, type, value);
    }
    if (fits == null) {
      throw BadValue.of(table, column, type.name(), value, op);
    }
    ConflictLog.record(
        w,
        table,
        column,
        op.toString(),
        "TYPE",
        "value of column '"
            + column
            + "' declared "
            + fits
            + " elsewhere is kept in the log only;"
            + " the column is "
            + type);
    return null;
  }

  private @Nullable String anyDeclared(String table, ColumnType type, Object value)
      throws SQLException {
    PreparedStatement ps = w.prepare("SELECT type FROM _pl_declared WHERE tbl=? AND col<>''");
    ps.setString(1, table);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ColumnType other = ColumnType.valueOf(rs.getString(1));
        if (other != type && converts(value, other)) {
          return other.name();
        }
      }
    }
    return null;
  }

  private static boolean converts(Object value, ColumnType type) {
    try {
      Values.coerce(value, type);
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
