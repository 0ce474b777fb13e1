package io.pluresdb.planner.catalog;

import io.pluresdb.crdt.schema.Catalog;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * Builds the Calcite root schema for a catalog: a root with one sub-schema {@code main}, which is
 * also the default schema, so {@code album} and {@code main.album} name the same table (and the
 * qualified form is valid SQLite as it stands).
 *
 * <p>Thread-safe: the last built root is cached by catalog identity and version, and a root is
 * immutable once built.
 */
public final class CalciteCatalogs {
  /** The one schema name; SQLite's own name for the main database. */
  public static final String MAIN = "main";

  private record Built(Catalog catalog, CalciteSchema root) {}

  private volatile Built last;

  /** The root schema for this catalog, reused while the catalog is unchanged. */
  public CalciteSchema rootFor(Catalog catalog) {
    Built b = last;
    if (b != null && (b.catalog == catalog || b.catalog.equals(catalog))) {
      return b.root;
    }
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    root.add(MAIN, new CatalogSchema(catalog));
    last = new Built(catalog, root);
    return root;
  }
}
