package io.pluresdb.crdt.schema;

import java.util.List;

/** A view: its defining query as the user wrote it, plus the columns the planner derived for it. */
public record ViewDef(String name, String sql, List<ColumnDef> columns) {
  public ViewDef {
    columns = List.copyOf(columns);
  }
}
