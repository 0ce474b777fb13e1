package io.pluresdb.crdt.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A declared foreign key: {@code columns} of the owning table reference {@code refColumns}.
 *
 * @param onDelete the ON DELETE action ({@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT},
 *     {@code RESTRICT}), or null for NO ACTION; local deletes carry it out as operations of their
 *     own transaction
 * @param onUpdate the ON UPDATE action, or null for NO ACTION
 */
public record ForeignKeyDef(
    String name,
    List<String> columns,
    String refTable,
    List<String> refColumns,
    @Nullable String onDelete,
    @Nullable String onUpdate) {
  public ForeignKeyDef {
    columns = List.copyOf(columns);
    refColumns = List.copyOf(refColumns);
  }

  /** A foreign key with NO ACTION on delete and on update. */
  public ForeignKeyDef(
      String name, List<String> columns, String refTable, List<String> refColumns) {
    this(name, columns, refTable, refColumns, null, null);
  }

  /** This foreign key over other column names, with the same actions. */
  public ForeignKeyDef withColumns(List<String> own, List<String> referenced) {
    return new ForeignKeyDef(name, own, refTable, referenced, onDelete, onUpdate);
  }
}
