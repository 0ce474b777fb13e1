package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.write.InsertPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves generated-key column indexes ({@code prepareStatement(sql, int[])}) to names: the
 * indexes count the declared columns of the table an {@code INSERT} names, as its plan knows it.
 */
final class InsertTarget {

  private final Catalog catalog;

  InsertTarget(Catalog catalog) {
    this.catalog = catalog;
  }

  List<String> columnsAt(Planned statement, int[] indexes) throws SQLException {
    if (indexes == null || indexes.length == 0) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE, "the generated key column indexes are missing");
    }
    if (!(statement.plan() instanceof Plan.Write w && w.kind() instanceof InsertPlan insert)) {
      throw Errors.unsupported(
          "generated keys by column index for anything but INSERT INTO <table>");
    }
    String name = insert.table();
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
