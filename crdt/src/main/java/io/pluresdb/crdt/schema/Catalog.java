package io.pluresdb.crdt.schema;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of the schema. {@code version} grows with every applied schema change, so
 * planners can key caches by it.
 */
public record Catalog(
    long version,
    Map<String, TableDef> tables,
    Map<String, IndexDef> indexes,
    Map<String, ViewDef> views,
    Map<String, SequenceDef> sequences) {

  public Catalog {
    tables = Map.copyOf(tables);
    indexes = Map.copyOf(indexes);
    views = Map.copyOf(views);
    // absent from catalogs stored before sequences existed
    sequences = sequences == null ? Map.of() : Map.copyOf(sequences);
  }

  /** A catalog without sequences. */
  public Catalog(
      long version,
      Map<String, TableDef> tables,
      Map<String, IndexDef> indexes,
      Map<String, ViewDef> views) {
    this(version, tables, indexes, views, Map.of());
  }

  public static Catalog empty() {
    return new Catalog(0, Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** The table of that exact name, or null. */
  public @Nullable TableDef table(String name) {
    return tables.get(name);
  }

  public Collection<IndexDef> indexesOf(String table) {
    return indexes.values().stream().filter(i -> i.table().equals(table)).toList();
  }
}
