package io.pluresdb.engine.exec;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.sql.write.ViewWritePlan;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a write to a view through the view's {@code INSTEAD OF} triggers: each row the statement
 * names fires them, with NEW and OLD taken from the view's columns, and nothing else is written. As
 * in SQLite, such a statement counts no changed rows of its own.
 */
final class ViewTriggers {
  private ViewTriggers() {}

  static void run(WriteTxn txn, WriteInputs inputs, RowTriggers triggers, ViewWritePlan plan)
      throws SQLException {
    ViewDef view = txn.catalog().views().get(plan.view());
    if (view == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "view '" + plan.view() + "' does not exist");
    }
    TableDef asTable =
        new TableDef(view.name(), view.columns(), List.of(), List.of(), List.of(), List.of());
    int n = view.columns().size();
    int[] columns = plan.columns();
    for (Object[] r : inputs.query(plan.rows())) {
      Object[] old = null;
      Object[] row = null;
      switch (plan.event()) {
        case "INSERT" -> {
          row = new Object[n];
          for (int i = 0; i < columns.length; i++) {
            row[columns[i]] = r[i];
          }
        }
        case "UPDATE" -> {
          old = Arrays.copyOf(r, n);
          row = old.clone();
          for (int i = 0; i < columns.length; i++) {
            row[columns[i]] = r[n + i];
          }
        }
        default -> old = r;
      }
      triggers.fire(
          txn,
          "INSTEAD OF",
          plan.event(),
          asTable,
          old,
          row,
          old != null && row != null ? columns : null);
    }
  }
}
