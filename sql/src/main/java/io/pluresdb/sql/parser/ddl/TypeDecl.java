package io.pluresdb.sql.parser.ddl;

import io.pluresdb.crdt.schema.ColumnType;
import java.util.Objects;
import org.apache.calcite.sql.SqlWriter;

/**
 * A column's declared type.
 *
 * @param type the storage type the declaration maps to
 * @param declaredName the type name as written, upper case (e.g. {@code TEXT} for a VARCHAR)
 * @param precision length, precision or vector dimension; 0 when not given
 * @param scale decimal scale; 0 when not given
 */
public record TypeDecl(ColumnType type, String declaredName, int precision, int scale) {
  public TypeDecl {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(declaredName, "declaredName");
  }

  /** Writes the type in canonical form: the storage type with its precision and scale. */
  void unparse(SqlWriter writer) {
    String name =
        switch (type) {
          case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
          default -> type.name();
        };
    StringBuilder sb = new StringBuilder(name);
    if (precision > 0) {
      sb.append('(').append(precision);
      if (scale > 0) {
        sb.append(", ").append(scale);
      }
      sb.append(')');
    }
    writer.keyword(sb.toString());
  }
}
