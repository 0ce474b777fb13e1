package io.pluresdb.sql.parser.ddl;

import io.pluresdb.crdt.schema.ColumnType;
import java.util.Objects;
import org.apache.calcite.sql.SqlWriter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column's declared type.
 *
 * @param type the storage type the declaration maps to
 * @param declaredName the type name as written, upper case (e.g. {@code TEXT} for a VARCHAR)
 * @param precision length, precision or vector dimension; 0 when not given
 * @param scale decimal scale; 0 when not given
 * @param written the type's words as the statement wrote them ({@code varchar(100)}), empty for a
 *     column declared without a type; null when the text is not known
 */
public record TypeDecl(
    ColumnType type, String declaredName, int precision, int scale, @Nullable String written) {
  public TypeDecl {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(declaredName, "declaredName");
  }

  public TypeDecl(ColumnType type, String declaredName, int precision, int scale) {
    this(type, declaredName, precision, scale, null);
  }

  /** This type with the words the statement wrote for it. */
  public TypeDecl declaredAs(@Nullable String text) {
    return new TypeDecl(type, declaredName, precision, scale, text);
  }

  /** Writes the type in canonical form: the storage type with its precision and scale. */
  void unparse(SqlWriter writer) {
    if (type == ColumnType.ANY) {
      return; // declared without a type
    }
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
