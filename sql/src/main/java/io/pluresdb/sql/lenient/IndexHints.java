package io.pluresdb.sql.lenient;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.sql.parser.sqlite.SqliteIndexHints;
import java.util.List;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTableRef;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's {@code INDEXED BY name} on a table: SQLite refuses the statement when the table has no
 * index of that name ({@code no such index}); otherwise the clause only steers SQLite's planner.
 * Here the index is checked against the catalog and the clause then dropped, so that the rest of
 * planning sees the bare table.
 */
public final class IndexHints {
  /** The message SQLite gives, which {@code CalciteErrors} maps to SQLState 42704. */
  public static final String NO_SUCH_INDEX = "no such index: ";

  private IndexHints() {}

  /**
   * The table reference to plan in place of {@code ref}: without its {@code INDEXED BY}, once the
   * index is found on the table.
   *
   * @throws CalciteException {@code no such index: name} when the table has no such index
   */
  public static SqlNode resolve(SqlTableRef ref, Catalog catalog) {
    String index = SqliteIndexHints.index(ref);
    if (index == null) {
      return ref;
    }
    String table = last((SqlIdentifier) ref.operand(0));
    if (!exists(catalog, table, index)) {
      throw new CalciteException(NO_SUCH_INDEX + index, null);
    }
    return SqliteIndexHints.withoutIndexedBy(ref);
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

  /** {@link #resolve} for a node that may be a table reference; other nodes as they are. */
  public static @Nullable SqlNode resolveIfHinted(@Nullable SqlNode node, Catalog catalog) {
    return node instanceof SqlTableRef ref ? resolve(ref, catalog) : node;
  }
}
