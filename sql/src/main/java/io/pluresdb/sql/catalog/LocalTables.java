package io.pluresdb.sql.catalog;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A connection's TEMP tables as a replicated statement reads them ({@code INSERT INTO t SELECT …
 * FROM staging}, {@code UPDATE t SET x = (SELECT … FROM temp_t …)}): the planner sees each as a
 * view of the table's columns, and the compiled SQLite text reads it, in place of the view, from
 * {@link #copyName its copy} in the TEMP schema of the connection that runs the statement. The
 * session puts the copy there for the statement's duration (the store's writer connection does not
 * see the session's own TEMP schema). The copy's name never equals a replicated table's, so the
 * store's own statements on that connection, which name tables unqualified, never read it.
 *
 * <p>Stateless.
 */
public final class LocalTables {
  /** How the view of a TEMP table is told from a real view: its text starts so. */
  private static final String MARK = "-- pluresdb temp table\n";

  private static final String COPY_PREFIX = "pluresdb_temp_";

  private LocalTables() {}

  /** The view that stands for the TEMP table {@code name} of these columns in planning. */
  public static ViewDef view(String name, List<ColumnDef> columns) {
    return new ViewDef(name, MARK + "SELECT * FROM temp." + quote(copyName(name)), columns);
  }

  /**
   * {@code catalog} with these TEMP tables' views; a TEMP table shadows a replicated table or view
   * of the same name, as SQLite resolves an unqualified name to the TEMP schema first.
   */
  public static Catalog with(Catalog catalog, List<ViewDef> locals) {
    if (locals.isEmpty()) {
      return catalog;
    }
    Map<String, ViewDef> views = Names.copy(catalog.views());
    for (ViewDef v : locals) {
      views.put(v.name(), v);
    }
    return catalog.with(catalog.version(), catalog.tables(), catalog.indexes(), views);
  }

  /** The TEMP tables a catalog made by {@link #with} reads, by name; empty for any other. */
  public static List<String> of(Catalog catalog) {
    List<String> out = new ArrayList<>();
    for (ViewDef v : catalog.views().values()) {
      if (isLocal(v)) {
        out.add(v.name());
      }
    }
    return out;
  }

  /** True for the view of a TEMP table. */
  public static boolean isLocal(ViewDef view) {
    return view.sql().startsWith(MARK);
  }

  /** The SQLite text a FROM clause reads the TEMP table of this view by. */
  public static String from(ViewDef view) {
    return "temp." + quote(copyName(view.name()));
  }

  /**
   * The name of a TEMP table's copy in another connection's TEMP schema: one no replicated table
   * has (SQLite refuses user tables named {@code sqlite_…}; this prefix is the driver's own).
   */
  public static String copyName(String name) {
    return COPY_PREFIX + name.toLowerCase(Locale.ROOT);
  }

  /** A name as a double-quoted SQLite identifier. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
