package io.pluresdb.crdt.schema;

import java.util.List;

/** A declared foreign key: {@code columns} of the owning table reference {@code refColumns}. */
public record ForeignKeyDef(
    String name, List<String> columns, String refTable, List<String> refColumns) {
  public ForeignKeyDef {
    columns = List.copyOf(columns);
    refColumns = List.copyOf(refColumns);
  }
}
