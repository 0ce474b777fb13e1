package io.pluresdb.driver.transfer;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A table rows are imported into: its name as the catalog spells it and its columns' types, read
 * from {@link DatabaseMetaData}; names match without regard to case, as SQL identifiers do.
 *
 * @param name the table's name as stored
 * @param columns its columns in order
 */
record TargetTable(String name, List<Column> columns) {

  /** A column and its type. */
  record Column(String name, int jdbcType, String typeName) {}

  /** The table {@code table} of {@code c}'s database; 42P01 if there is none. */
  static TargetTable of(Connection c, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String stored = null;
    try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next() && stored == null) {
        String name = rs.getString("TABLE_NAME");
        if (name.equalsIgnoreCase(table)) {
          stored = name;
        }
      }
    }
    if (stored == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "no table '" + table + "'");
    }
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, null, stored, "%")) {
      while (rs.next()) {
        columns.add(
            new Column(
                rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
      }
    }
    return new TargetTable(stored, List.copyOf(columns));
  }

  /** The column named {@code name} (in any case); 42703 naming the file's place if none. */
  Column column(String name, String where) throws SQLException {
    Column found = find(name);
    if (found == null) {
      throw Errors.of(
          SqlState.UNDEFINED_COLUMN,
          where + ": table '" + this.name + "' has no column '" + name + "'");
    }
    return found;
  }

  private @Nullable Column find(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Column c : columns) {
      if (c.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return c;
      }
    }
    return null;
  }

  /** {@code name} as a quoted SQL identifier. */
  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
