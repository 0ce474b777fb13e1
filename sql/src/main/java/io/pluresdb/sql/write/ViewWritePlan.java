package io.pluresdb.sql.write;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.read.ReadPlan;
import java.util.List;

/**
 * An INSERT, UPDATE or DELETE on a view that has an {@code INSTEAD OF} trigger for it: the
 * statement writes nothing itself; each row it names goes to the view's triggers, as in SQLite.
 *
 * @param event INSERT, UPDATE or DELETE
 * @param rows for INSERT, the new rows (one value per column of {@code columns}); for UPDATE, each
 *     old row of the view followed by the values assigned to {@code columns}; for DELETE, each old
 *     row
 * @param columns the view's columns (declared indexes) an INSERT names or an UPDATE assigns
 */
public record ViewWritePlan(String view, String event, ReadPlan rows, int[] columns)
    implements WriteKind {
  public ViewWritePlan {
    columns = columns.clone();
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  @Override
  public List<ColumnType> parameterTypes() {
    return rows.parameterTypes();
  }

  @Override
  public String table() {
    return view;
  }
}
