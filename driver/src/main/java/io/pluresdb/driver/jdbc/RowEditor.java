package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.driver.value.ParameterValues;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The updating half of an updatable result set ({@code CONCUR_UPDATABLE}): the changes made with
 * {@code updateXxx}, and {@code updateRow}, {@code deleteRow} and {@code insertRow} run as ordinary
 * UPDATE, DELETE and INSERT statements by the table's key on the statement's session (so they
 * commit as any statement of the connection does). A row updated is read back, so the result set
 * shows its stored values; a row deleted stays visible with {@link #rowDeleted} true; inserted rows
 * are not added to the result set.
 *
 * <p>Not thread-safe: owned by one result set.
 */
final class RowEditor {
  private final Session session;
  private final MaterializedRows rows;
  private final String table;
  private final List<String> names; // the table's spelling of each result column
  private final List<Integer> keys; // 1-based result columns of the table's key
  private final Map<Integer, Object> changes = new TreeMap<>();
  private final Set<Integer> updated = new HashSet<>();
  private final Set<Integer> deleted = new HashSet<>();
  private boolean onInsertRow;

  private RowEditor(
      Session session,
      MaterializedRows rows,
      String table,
      List<String> names,
      List<Integer> keys) {
    this.session = session;
    this.rows = rows;
    this.table = table;
    this.names = names;
    this.keys = keys;
  }

  /**
   * The editor of a query's rows, or a reason why they cannot be updated: they must all be columns
   * of one table, among them the table's whole primary key.
   */
  static Object of(Session session, MaterializedRows rows, Catalog catalog) {
    List<ColumnMeta> columns = rows.columns();
    String tableName = columns.isEmpty() ? "" : columns.get(0).table();
    TableDef table = tableName.isEmpty() ? null : catalog.table(tableName);
    if (table == null) {
      return "its first column is not a column of a table";
    }
    List<String> names = new ArrayList<>();
    for (ColumnMeta c : columns) {
      String name = c.table().equalsIgnoreCase(tableName) ? spelling(table, c.name()) : null;
      if (name == null) {
        return "column '" + c.label() + "' is not a column of table '" + tableName + "'";
      }
      names.add(name);
    }
    List<Integer> keys = new ArrayList<>();
    for (String k : table.primaryKey()) {
      int at = names.indexOf(k);
      if (at < 0) {
        return "it does not select key column '" + k + "' of table '" + tableName + "'";
      }
      keys.add(at + 1);
    }
    if (keys.isEmpty()) {
      return "table '" + tableName + "' has no primary key";
    }
    return new RowEditor(session, rows, table.name(), names, keys);
  }

  private static String spelling(TableDef table, String name) {
    return table.columns().stream()
        .map(c -> c.name())
        .filter(n -> n.equalsIgnoreCase(name))
        .findFirst()
        .orElse(null);
  }

  boolean onInsertRow() {
    return onInsertRow;
  }

  /** The value given to a column of the insert row (null when none was). */
  Object insertValue(int column) {
    return changes.get(column);
  }

  /** Sets a column of the current or insert row; the change is sent by updateRow or insertRow. */
  void set(int column, Object value) throws SQLException {
    if (column < 1 || column > names.size()) {
      throw Errors.of(
          SqlState.INVALID_DESCRIPTOR_INDEX,
          "column index " + column + " is out of range 1.." + names.size());
    }
    if (!onInsertRow) {
      current("update a column");
    }
    changes.put(column, ParameterValues.normalize(value, "column '" + names.get(column - 1) + "'"));
  }

  /** The result set moved: changes not sent are dropped, and the insert row is left. */
  void moved() {
    changes.clear();
    onInsertRow = false;
  }

  void cancel() throws SQLException {
    if (onInsertRow) {
      throw cursorState("cancelRowUpdates is not allowed on the insert row");
    }
    changes.clear();
  }

  void moveToInsertRow() {
    changes.clear();
    onInsertRow = true;
  }

  void moveToCurrentRow() {
    moved();
  }

  /** UPDATE of the current row by its key; the row is then read back. */
  void updateRow() throws SQLException {
    current("updateRow");
    if (changes.isEmpty()) {
      return;
    }
    StringJoiner set = new StringJoiner(", ");
    List<Object> params = new ArrayList<>();
    for (Map.Entry<Integer, Object> c : changes.entrySet()) {
      set.add(quote(names.get(c.getKey() - 1)) + " = ?");
      params.add(c.getValue());
    }
    List<Object> newKey = new ArrayList<>();
    for (int k : keys) {
      params.add(rows.get(k));
      newKey.add(changes.containsKey(k) ? changes.get(k) : rows.get(k));
    }
    run("UPDATE " + quote(table) + " SET " + set + " WHERE " + byKey(), params);
    changes.clear();
    updated.add(rows.row());
    read(newKey);
  }

  void deleteRow() throws SQLException {
    current("deleteRow");
    List<Object> params = new ArrayList<>();
    for (int k : keys) {
      params.add(rows.get(k));
    }
    run("DELETE FROM " + quote(table) + " WHERE " + byKey(), params);
    deleted.add(rows.row());
  }

  void insertRow() throws SQLException {
    if (!onInsertRow) {
      throw cursorState("insertRow needs the insert row (call moveToInsertRow first)");
    }
    StringJoiner cols = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    for (int c : changes.keySet()) {
      cols.add(quote(names.get(c - 1)));
      marks.add("?");
    }
    String sql =
        changes.isEmpty()
            ? "INSERT INTO " + quote(table) + " DEFAULT VALUES"
            : "INSERT INTO " + quote(table) + " (" + cols + ") VALUES (" + marks + ")";
    run(sql, new ArrayList<>(changes.values()));
    changes.clear();
  }

  void refreshRow() throws SQLException {
    current("refreshRow");
    List<Object> key = new ArrayList<>();
    for (int k : keys) {
      key.add(rows.get(k));
    }
    changes.clear();
    read(key);
  }

  boolean rowUpdated() {
    return !onInsertRow && updated.contains(rows.row());
  }

  boolean rowDeleted() {
    return !onInsertRow && deleted.contains(rows.row());
  }

  /** Reads the row with the given key into the current row of the result set. */
  private void read(List<Object> key) throws SQLException {
    StringJoiner cols = new StringJoiner(", ");
    names.forEach(n -> cols.add(quote(n)));
    String sql = "SELECT " + cols + " FROM " + quote(table) + " WHERE " + byKey();
    Result r = session.execute(session.prepare(sql), key, null, 0, 0);
    try (Cursor c = ((Result.Rows) r).cursor()) {
      if (c.next()) {
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = c.get(i + 1);
        }
        rows.replace(values);
      }
    }
  }

  private void run(String sql, List<Object> params) throws SQLException {
    session.execute(session.prepare(sql), params, null, 0, 0);
  }

  private String byKey() {
    StringJoiner where = new StringJoiner(" AND ");
    keys.forEach(k -> where.add(quote(names.get(k - 1)) + " = ?"));
    return where.toString();
  }

  private void current(String what) throws SQLException {
    if (onInsertRow) {
      throw cursorState(what + " is not allowed on the insert row");
    }
    if (!rows.onRow()) {
      throw cursorState(what + ": the result set is not positioned on a row");
    }
    if (deleted.contains(rows.row())) {
      throw cursorState(what + ": the row has been deleted");
    }
  }

  private static SQLException cursorState(String message) {
    return Errors.of(SqlState.INVALID_CURSOR_STATE, message);
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
