package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.OnConflict;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.crdt.store.WriteTxn;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Stores, tables, writes and dumps for protocol tests. */
final class Data {
  private Data() {}

  static final Duration WAIT = Duration.ofSeconds(60);

  static Store open(Path dir, String name) throws SQLException {
    return Store.open(StoreConfig.file(dir.resolve(name + ".db")));
  }

  /** {@code name(id BIGINT PRIMARY KEY, v VARCHAR, n INTEGER)}. */
  static void createTable(Store s, String name) throws SQLException {
    TableDef t =
        new TableDef(
            name,
            List.of(
                new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
                ColumnDef.of("v", ColumnType.VARCHAR),
                ColumnDef.of("n", ColumnType.INTEGER)),
            List.of("id"),
            List.of(),
            List.of(),
            List.of());
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.schema(new SchemaChange.CreateTable(t));
      tx.commit();
    }
  }

  static void addColumn(Store s, String table, String column) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.schema(new SchemaChange.AddColumn(table, ColumnDef.of(column, ColumnType.VARCHAR)));
      tx.commit();
    }
  }

  /** Inserts (or, when the row exists, overwrites) a row of a table made by createTable. */
  static void put(Store s, String table, long id, String v) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      put(tx, table, id, v);
      tx.commit();
    }
  }

  static void put(WriteTxn tx, String table, long id, String v) throws SQLException {
    TableDef t = tx.catalog().table(table);
    if (!tx.update(table, new Object[] {id}, new int[] {1}, new Object[] {v})) {
      Object[] row = new Object[t.columns().size()];
      row[0] = id;
      row[1] = v;
      tx.insert(table, row, OnConflict.ERROR);
    }
  }

  static void delete(Store s, String table, long id) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.delete(table, new Object[] {id});
      tx.commit();
    }
  }

  /** Every table's rows (declared and key columns) as sorted text, by table name. */
  static Map<String, List<String>> dump(Store s) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    try (Connection c = s.openReader()) {
      for (TableDef t : s.catalog().tables().values()) {
        List<String> cols = new ArrayList<>();
        if (t.primaryKey().isEmpty()) {
          cols.add(TableDef.HIDDEN_ID);
        }
        t.columns().forEach(col -> cols.add(col.name()));
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT \"" + String.join("\", \"", cols) + "\" FROM \"" + t.name() + "\"")) {
          while (rs.next()) {
            Object[] row = new Object[cols.size()];
            for (int i = 0; i < row.length; i++) {
              Object v = rs.getObject(i + 1);
              row[i] = v instanceof byte[] b ? Arrays.toString(b) : v;
            }
            rows.add(Arrays.deepToString(row));
          }
        }
        rows.sort(null);
        out.put(t.name() + cols, rows);
      }
    }
    return out;
  }

  /** {@code store}, counting the log entries {@link Store#readLog} returns. */
  static Store countingReads(Store store, AtomicInteger read) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(),
            new Class<?>[] {Store.class},
            (proxy, method, args) -> {
              try {
                Object result = method.invoke(store, args);
                if (method.getName().equals("readLog")) {
                  read.addAndGet(((List<?>) result).size());
                }
                return result;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
