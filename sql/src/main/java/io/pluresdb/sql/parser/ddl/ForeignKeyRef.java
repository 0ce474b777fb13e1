package io.pluresdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlWriter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The target of a REFERENCES clause.
 *
 * @param table the referenced table
 * @param columns the referenced columns; empty means the referenced table's primary key
 * @param onDelete the ON DELETE action as SQL words (e.g. {@code CASCADE}), or null
 * @param onUpdate the ON UPDATE action as SQL words, or null
 */
public record ForeignKeyRef(
    SqlIdentifier table,
    List<String> columns,
    @Nullable String onDelete,
    @Nullable String onUpdate) {
  public ForeignKeyRef {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
  }

  void unparse(SqlWriter writer) {
    writer.keyword("REFERENCES");
    table.unparse(writer, 0, 0);
    if (!columns.isEmpty()) {
      Ddl.nameList(writer, columns);
    }
    if (onDelete != null) {
      writer.keyword("ON DELETE " + onDelete);
    }
    if (onUpdate != null) {
      writer.keyword("ON UPDATE " + onUpdate);
    }
  }
}
