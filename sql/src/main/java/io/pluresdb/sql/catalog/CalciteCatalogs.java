package io.pluresdb.sql.catalog;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Builds the Calcite root schema for a catalog: a root with one sub-schema {@code main}, which is
 * also the default schema, so {@code album} and {@code main.album} name the same table (and the
 * qualified form is valid SQLite as it stands).
 *
 * <p>Thread-safe: the immutable {@code main} schema of the last catalog is cached; each call wraps
 * it in a fresh root, because Calcite's schema wrappers keep lookup state that planning threads
 * should not share.
 */
public final class CalciteCatalogs {
  /** The one schema name; SQLite's own name for the main database. */
  public static final String MAIN = "main";

  /** SQLite's name for a connection's TEMP schema, whose tables a statement may read. */
  public static final String TEMP = "temp";

  private record Built(Catalog catalog, CatalogSchema schema) {}

  private volatile Built last;
  private volatile Built lastWithRowids;

  /** A root schema for this catalog. */
  public CalciteSchema rootFor(Catalog catalog) {
    return rootFor(catalog, false);
  }

  /**
   * A root schema for this catalog; with {@code rowids} its tables also have SQLite's rowid
   * pseudo-columns (see {@link CollectionTable}), for the statements that name them.
   */
  public CalciteSchema rootFor(Catalog catalog, boolean rowids) {
    Built b = rowids ? lastWithRowids : last;
    if (b == null || (b.catalog != catalog && !b.catalog.equals(catalog))) {
      b = new Built(catalog, new CatalogSchema(catalog, rowids));
      if (rowids) {
        lastWithRowids = b;
      } else {
        last = b;
      }
    }
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    root.add(MAIN, b.schema);
    addTemp(root, catalog);
    SystemTables.all().forEach(root::add);
    return root;
  }

  /** Adds the schema {@code temp} of the catalog's TEMP tables (see LocalTables), if it has any. */
  private static void addTemp(CalciteSchema root, Catalog catalog) {
    Map<String, Table> temps = new HashMap<>();
    for (ViewDef v : catalog.views().values()) {
      if (LocalTables.isLocal(v)) {
        temps.put(v.name(), CollectionTable.of(v));
      }
    }
    if (temps.isEmpty()) {
      return;
    }
    Map<String, Table> tables = Map.copyOf(temps);
    root.add(
        TEMP,
        new AbstractSchema() {
          @Override
          protected Map<String, Table> getTableMap() {
            return tables;
          }
        });
  }
}
