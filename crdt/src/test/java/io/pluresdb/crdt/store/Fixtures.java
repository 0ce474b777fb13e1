package io.pluresdb.crdt.store;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shared schema and helpers for store tests. */
final class Fixtures {
  private Fixtures() {}

  static final Duration WAIT = Duration.ofSeconds(60);

  /** album(id BIGINT PK, name VARCHAR(100) NOT NULL, year INTEGER, released DATE). */
  static TableDef album() {
    return new TableDef(
        "album",
        List.of(
            new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
            new ColumnDef("name", ColumnType.VARCHAR, 100, 0, false, null, false),
            new ColumnDef("year", ColumnType.INTEGER, 0, 0, true, null, false),
            new ColumnDef("released", ColumnType.DATE, 0, 0, true, null, false)),
        List.of("id"),
        List.of(List.of("name")),
        List.of("year IS NULL OR year > 1900"),
        List.of());
  }

  static void createAlbum(Store store) throws SQLException {
    try (WriteTxn tx = store.beginWrite(WAIT)) {
      tx.schema(new SchemaChange.CreateTable(album()));
      tx.commit();
    }
  }

  /** Every row of a table as text, sorted, hidden columns included or not. */
  static List<String> dump(Store store, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = store.openReader();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Object[] row = new Object[md.getColumnCount()];
        for (int i = 0; i < row.length; i++) {
          Object v = rs.getObject(i + 1);
          row[i] = v instanceof byte[] b ? Arrays.toString(b) : v;
        }
        rows.add(Arrays.deepToString(row));
      }
    }
    rows.sort(null);
    return rows;
  }
}
