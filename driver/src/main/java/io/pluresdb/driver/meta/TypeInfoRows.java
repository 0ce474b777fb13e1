package io.pluresdb.driver.meta;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.driver.value.TypeFacts;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rows of {@code getTypeInfo}: one per column type, ordered by DATA_TYPE. */
final class TypeInfoRows {
  private TypeInfoRows() {}

  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (ColumnType t : ColumnType.values()) {
      if (t == ColumnType.ANY) {
        continue; // the type of a column declared without one: no name declares it
      }
      boolean text = TypeFacts.isText(t);
      boolean numeric = TypeFacts.isNumeric(t);
      String prefix = quoted(t) ? (binary(t) ? "X'" : "'") : null;
      rows.add(
          new Object[] {
            TypeFacts.sqlName(t),
            (long) t.jdbcType(),
            (long) TypeFacts.defaultPrecision(t),
            prefix,
            prefix == null ? null : "'",
            createParams(t),
            (long) DatabaseMetaData.typeNullable,
            text,
            (long)
                (t == ColumnType.VECTOR || binary(t)
                    ? DatabaseMetaData.typePredBasic
                    : DatabaseMetaData.typeSearchable),
            false,
            false,
            t == ColumnType.BIGINT,
            null,
            0L,
            (long) (t == ColumnType.DECIMAL ? 38 : 0),
            null,
            null,
            numeric ? 10L : null
          });
    }
    rows.sort(Comparator.comparing((Object[] r) -> (Long) r[1]));
    return rows;
  }

  private static boolean binary(ColumnType t) {
    return t == ColumnType.BINARY || t == ColumnType.VARBINARY || t == ColumnType.BLOB;
  }

  private static boolean quoted(ColumnType t) {
    return !TypeFacts.isNumeric(t) && t != ColumnType.BOOLEAN;
  }

  private static String createParams(ColumnType t) {
    return switch (t) {
      case CHAR, VARCHAR, BINARY, VARBINARY -> "length";
      case DECIMAL -> "precision,scale";
      case VECTOR -> "dimension";
      default -> null;
    };
  }
}
