package io.pluresdb.engine.history;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.sql.catalog.SystemTables;

/**
 * The {@code sys_conflicts} view: the store's recorded last-writer-wins races ({@code
 * _pl_conflicts} of kind {@code WRITE}, whose detail is a JSON object) with the columns the planner
 * declares ({@link SystemTables#SYS_CONFLICTS_COLUMNS}), oldest first.
 */
final class SysConflicts {
  static final String VIEW_SQL = viewSql();

  private SysConflicts() {}

  private static String viewSql() {
    StringBuilder b = new StringBuilder("CREATE TEMP VIEW IF NOT EXISTS ");
    b.append(SystemTables.SYS_CONFLICTS).append(" AS SELECT tbl AS \"tbl\", entity AS \"entity\"");
    for (ColumnDef c : SystemTables.SYS_CONFLICTS_COLUMNS) {
      String name = c.name();
      if (!name.equals("tbl") && !name.equals("entity")) {
        b.append(", json_extract(detail, '$.")
            .append(name)
            .append("') AS \"")
            .append(name)
            .append('"');
      }
    }
    return b.append(" FROM main._pl_conflicts WHERE kind = 'WRITE' ORDER BY id").toString();
  }
}
