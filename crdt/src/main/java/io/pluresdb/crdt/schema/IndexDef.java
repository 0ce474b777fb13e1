package io.pluresdb.crdt.schema;

import java.util.List;
import java.util.Map;

/**
 * A secondary index. {@code method} is {@code "btree"} for SQLite indexes; other methods (such as
 * {@code "hnsw"}) are kept in the catalog for the modules that build them.
 */
public record IndexDef(
    String name,
    String table,
    List<String> columns,
    boolean unique,
    String method,
    Map<String, String> options) {
  public IndexDef {
    columns = List.copyOf(columns);
    options = Map.copyOf(options);
  }
}
