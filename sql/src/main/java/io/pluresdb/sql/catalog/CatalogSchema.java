package io.pluresdb.sql.catalog;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The schema {@code main}: one Calcite table per collection and per view of one catalog. */
final class CatalogSchema extends AbstractSchema {
  private final Map<String, Table> tables;

  /** The schema of {@code catalog}; with {@code rowids}, tables carry rowid pseudo-columns. */
  CatalogSchema(Catalog catalog, boolean rowids) {
    Map<String, Table> m = new HashMap<>();
    for (TableDef t : catalog.tables().values()) {
      m.put(t.name(), CollectionTable.of(t, rowids));
    }
    for (ViewDef v : catalog.views().values()) {
      m.put(v.name(), CollectionTable.of(v));
    }
    this.tables = Map.copyOf(m);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
