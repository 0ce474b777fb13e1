package io.pluresdb.sql.lenient;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.sql.parser.sqlite.SqliteIndexHints;
import java.util.List;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTableRef;

/**
 * SQLite's {@code INDEXED BY name} on a table: SQLite refuses the statement when the table has no
 * index of that name ({@code no such index}), which is checked here against the catalog; the clause
 * itself goes on to SQLite, whose planner it steers.
 */
public final class IndexHints {
  /** The message SQLite gives, which {@code CalciteErrors} maps to SQLState 42704. */
  public static final String NO_SUCH_INDEX = "no such index: ";

  private IndexHints() {}

  /**
   * Checks the {@code INDEXED BY} of a table reference, if it has one.
   *
   * @throws CalciteException {@code no such index: name} when the table has no such index
   */
  public static void check(SqlTableRef ref, Catalog catalog) {
    String index = SqliteIndexHints.index(ref);
    if (index != null && !exists(catalog, last((SqlIdentifier) ref.operand(0)), index)) {
      throw new CalciteException(NO_SUCH_INDEX + index, null);
    }
  }

  private static boolean exists(Catalog catalog, String table, String index) {
    for (IndexDef def : catalog.indexes().values()) {
      if (def.name().equalsIgnoreCase(index) && def.table().equalsIgnoreCase(table)) {
        return true;
      }
    }
    return false;
  }

  private static String last(SqlIdentifier id) {
    List<String> names = id.names;
    return names.get(names.size() - 1);
  }
}
