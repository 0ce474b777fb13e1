package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves generated-key column indexes ({@code prepareStatement(sql, int[])}) to names: the
 * indexes count the declared columns of the table an {@code INSERT INTO} names.
 */
final class InsertTarget {
  private static final Pattern INSERT =
      Pattern.compile(
          "^\\s*INSERT\\s+INTO\\s+(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_$]*))",
          Pattern.CASE_INSENSITIVE);

  private final Catalog catalog;

  InsertTarget(Catalog catalog) {
    this.catalog = catalog;
  }

  List<String> columnsAt(String sql, int[] indexes) throws SQLException {
    if (indexes == null || indexes.length == 0) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE, "the generated key column indexes are missing");
    }
    Matcher m = INSERT.matcher(sql == null ? "" : sql);
    if (!m.find()) {
      throw Errors.unsupported(
          "generated keys by column index for anything but INSERT INTO <table>");
    }
    String name = m.group(1) != null ? m.group(1) : m.group(2).toLowerCase(Locale.ROOT);
    TableDef table = catalog.table(name);
    if (table == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + name + "' does not exist");
    }
    List<String> names = new ArrayList<>();
    for (int i : indexes) {
      if (i < 1 || i > table.columns().size()) {
        throw Errors.of(
            SqlState.INVALID_DESCRIPTOR_INDEX,
            "generated key column index "
                + i
                + " is out of range 1.."
                + table.columns().size()
                + " for table '"
                + name
                + "'");
      }
      names.add(table.columns().get(i - 1).name());
    }
    return names;
  }
}
