package io.pluresdb.driver.meta;

import io.pluresdb.sql.catalog.SystemTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code getTables} rows of the connection's TEMP tables and views, which live in its own
 * SQLite TEMP schema rather than the replicated catalog: a TEMP table's {@code TABLE_TYPE} is
 * {@value #LOCAL_TEMPORARY} (JDBC's word for a table only its connection sees), a TEMP view's
 * {@code VIEW}. Read from {@code sqlite_temp_schema} through the connection itself, so every
 * connection lists its own.
 */
final class TempTableRows {
  static final String LOCAL_TEMPORARY = "LOCAL TEMPORARY";

  private TempTableRows() {}

  /** The TEMP objects whose names match {@code tablePattern} and whose type is wanted. */
  static List<Object[]> of(Connection connection, String tablePattern, String[] types)
      throws SQLException {
    List<String> wanted =
        types == null ? List.of(LOCAL_TEMPORARY, CatalogRows.VIEW) : Arrays.asList(types);
    boolean tables = wanted.contains(LOCAL_TEMPORARY);
    boolean views = wanted.contains(CatalogRows.VIEW);
    List<Object[]> rows = new ArrayList<>();
    if (!tables && !views) {
      return rows;
    }
    NamePattern names = NamePattern.of(tablePattern);
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT type, name FROM sqlite_temp_schema WHERE type IN ('table', 'view')")) {
      while (rs.next()) {
        String name = rs.getString(2);
        boolean table = "table".equals(rs.getString(1));
        if (names.matches(name)
            && !SystemTables.names().contains(name)
            && !name.startsWith("sqlite_")
            && (table ? tables : views)) {
          rows.add(CatalogRows.tableRow(name, table ? LOCAL_TEMPORARY : CatalogRows.VIEW));
        }
      }
    }
    return rows;
  }
}
