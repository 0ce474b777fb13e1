package io.pluresdb.sql.vector;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.vector.IndexSpec;
import io.pluresdb.vector.Metric;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code CREATE INDEX … USING hnsw (col) WITH (metric = 'cosine', m = 16, ef_construction =
 * 200)}: one {@code VECTOR(n)} column, a known metric, and positive integers for the graph's
 * parameters. Bad options fail with 22023, a column that is not a vector of known dimension with
 * 42809.
 */
public final class HnswOptions {
  /** The index method name. */
  public static final String METHOD = "hnsw";

  private static final Set<String> KEYS = Set.of("metric", "m", "ef_construction");

  private HnswOptions() {}

  /** True for an HNSW index definition. */
  public static boolean isHnsw(IndexDef def) {
    return METHOD.equalsIgnoreCase(def.method());
  }

  /** Checks what can be checked without the catalog: the column count and the options. */
  public static void checkDefinition(IndexDef def) throws SQLException {
    if (def.unique() || def.columns().size() != 1) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          "hnsw index '" + def.name() + "' indexes exactly one vector column and cannot be UNIQUE");
    }
    for (String key : def.options().keySet()) {
      if (!KEYS.contains(key)) {
        throw Errors.of(
            SqlState.INVALID_PARAMETER_VALUE,
            "hnsw index '" + def.name() + "' has no option '" + key + "' (expected " + KEYS + ")");
      }
    }
    metric(def);
    positive(def, "m", IndexSpec.DEFAULT_M, 2, 100);
    positive(def, "ef_construction", IndexSpec.DEFAULT_EF_CONSTRUCTION, 1, 10_000);
  }

  /** The index's shape, its column checked against the catalog. */
  public static IndexSpec spec(IndexDef def, Catalog catalog) throws SQLException {
    checkDefinition(def);
    TableDef table = catalog.table(def.table());
    ColumnDef column = table == null ? null : table.column(def.columns().get(0));
    if (column == null || column.type() != ColumnType.VECTOR || column.precision() < 1) {
      throw Errors.of(
          SqlState.WRONG_OBJECT_TYPE,
          "hnsw index '"
              + def.name()
              + "' needs a VECTOR(n) column; column '"
              + def.columns().get(0)
              + "' of table '"
              + def.table()
              + "' is "
              + (column == null ? "missing" : column.type().toString()));
    }
    return new IndexSpec(
        metric(def),
        column.precision(),
        positive(def, "m", IndexSpec.DEFAULT_M, 2, 100),
        positive(def, "ef_construction", IndexSpec.DEFAULT_EF_CONSTRUCTION, 1, 10_000));
  }

  private static Metric metric(IndexDef def) throws SQLException {
    String name = def.options().getOrDefault("metric", "cosine");
    Metric m = Metric.parse(name);
    if (m == null) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          "hnsw index '"
              + def.name()
              + "' has metric '"
              + name
              + "'; expected 'cosine', 'l2' or 'ip'");
    }
    return m;
  }

  private static int positive(IndexDef def, String key, int fallback, int min, int max)
      throws SQLException {
    Map<String, String> options = def.options();
    String text = options.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the option's name
    }
    throw Errors.of(
        SqlState.INVALID_PARAMETER_VALUE,
        "hnsw index '"
            + def.name()
            + "' has "
            + key
            + " = '"
            + text
            + "'; expected an integer from "
            + min
            + " to "
            + max);
  }
}
