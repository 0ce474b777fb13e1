package io.pluresdb.sql.lenient;

import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code CAST(x AS TEXT)} and {@code CAST(x AS BLOB)}: SQLite's type names that the standard does
 * not have (the parser reads them as user-defined types) become the standard types of the same
 * storage class, which the SQLite dialect writes back as SQLite's names.
 */
public final class SqliteCasts {
  private static final Map<String, SqlTypeName> NAMES =
      Map.of(
          "TEXT", SqlTypeName.VARCHAR,
          "CLOB", SqlTypeName.VARCHAR,
          "BLOB", SqlTypeName.VARBINARY);

  private SqliteCasts() {}

  /**
   * Replaces the target type of a CAST written with one of SQLite's names; other nodes unchanged.
   */
  public static void beforeValidation(SqlNode node) {
    if (node.getKind() != SqlKind.CAST
        || !(node instanceof SqlCall cast)
        || cast.operandCount() != 2
        || !(cast.operand(1) instanceof SqlDataTypeSpec spec)
        || !(spec.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec named)
        || !named.getTypeName().isSimple()) {
      return;
    }
    SqlTypeName type = NAMES.get(named.getTypeName().getSimple().toUpperCase(Locale.ROOT));
    if (type != null) {
      var pos = spec.getParserPosition();
      cast.setOperand(
          1,
          new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, pos), pos)
              .withNullable(spec.getNullable()));
    }
  }
}
