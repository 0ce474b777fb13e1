package io.pluresdb.sql.catalog;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import java.sql.SQLException;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps declared column types to Calcite types and back. JSON is seen by the validator as a
 * character string and VECTOR as a binary string, which is what SQLite stores for them.
 */
public final class TypeMapping {
  private TypeMapping() {}

  /** The Calcite type of a declared column. */
  public static RelDataType toRelType(RelDataTypeFactory factory, ColumnDef column) {
    RelDataType type = toRelType(factory, column.type(), column.precision(), column.scale());
    return factory.createTypeWithNullability(type, column.nullable());
  }

  /** The Calcite type of a column type with optional precision and scale (0 = not given). */
  public static RelDataType toRelType(
      RelDataTypeFactory factory, ColumnType type, int precision, int scale) {
    SqlTypeName name = toSqlTypeName(type);
    return switch (type) {
      case CHAR, VARCHAR, BINARY, VARBINARY ->
          precision > 0 ? factory.createSqlType(name, precision) : factory.createSqlType(name);
      case DECIMAL ->
          precision > 0
              ? factory.createSqlType(name, precision, scale)
              : factory.createSqlType(
                  name, factory.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL), 0);
      // a time or timestamp column holds any fraction of a second, whatever precision it
      // declares: typed at the greatest one, it is never cast (and cut) to meet a literal
      case TIME, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE ->
          factory.createSqlType(name, factory.getTypeSystem().getMaxPrecision(name));
      default -> factory.createSqlType(name);
    };
  }

  /** The Calcite type name used for a column type. */
  public static SqlTypeName toSqlTypeName(ColumnType type) {
    return switch (type) {
      case BOOLEAN -> SqlTypeName.BOOLEAN;
      case TINYINT -> SqlTypeName.TINYINT;
      case SMALLINT -> SqlTypeName.SMALLINT;
      case INTEGER -> SqlTypeName.INTEGER;
      case BIGINT, COUNTER -> SqlTypeName.BIGINT;
      case REAL -> SqlTypeName.REAL;
      case DOUBLE -> SqlTypeName.DOUBLE;
      case DECIMAL -> SqlTypeName.DECIMAL;
      case CHAR -> SqlTypeName.CHAR;
      case VARCHAR, CLOB, JSON, MERGEABLE_TEXT, MERGEABLE_JSON -> SqlTypeName.VARCHAR;
      case BINARY -> SqlTypeName.BINARY;
      case VARBINARY, BLOB, VECTOR -> SqlTypeName.VARBINARY;
      case DATE -> SqlTypeName.DATE;
      case TIME -> SqlTypeName.TIME;
      case TIMESTAMP -> SqlTypeName.TIMESTAMP;
      case TIMESTAMP_WITH_TIME_ZONE -> SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
      // a column declared without a type holds any value: the validator types nothing about it
      case ANY -> SqlTypeName.ANY;
    };
  }

  /**
   * The column type a computed value of this Calcite type is read as. Types SQLite cannot tell
   * apart collapse to the nearest canonical one (every exact integer to BIGINT, REAL and FLOAT to
   * DOUBLE).
   */
  public static ColumnType fromRelType(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> ColumnType.BOOLEAN;
      case TINYINT -> ColumnType.TINYINT;
      case SMALLINT -> ColumnType.SMALLINT;
      case INTEGER -> ColumnType.INTEGER;
      case BIGINT -> ColumnType.BIGINT;
      // SQLite computes every real in double precision, whatever type Calcite derived
      case REAL, FLOAT, DOUBLE -> ColumnType.DOUBLE;
      case DECIMAL -> ColumnType.DECIMAL;
      case CHAR -> ColumnType.CHAR;
      case BINARY -> ColumnType.BINARY;
      case VARBINARY -> ColumnType.VARBINARY;
      case DATE -> ColumnType.DATE;
      case TIME, TIME_WITH_LOCAL_TIME_ZONE -> ColumnType.TIME;
      case TIMESTAMP -> ColumnType.TIMESTAMP;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> ColumnType.TIMESTAMP_WITH_TIME_ZONE;
      case ANY -> ColumnType.ANY;
      default -> ColumnType.VARCHAR;
    };
  }

  /**
   * The column type for a type name written in DDL, accepting the spellings of SQLite, PostgreSQL
   * and the SQL standard; an unknown name fails with 42704 naming it.
   */
  public static ColumnType fromTypeName(String typeName) throws SQLException {
    String n = typeName.toUpperCase(Locale.ROOT).replace('_', ' ').trim();
    return switch (n) {
      case "BOOLEAN", "BOOL", "BIT" -> ColumnType.BOOLEAN;
      case "TINYINT" -> ColumnType.TINYINT;
      case "SMALLINT", "INT2" -> ColumnType.SMALLINT;
      case "INTEGER", "INT", "INT4", "MEDIUMINT" -> ColumnType.INTEGER;
      case "BIGINT", "INT8", "LONG" -> ColumnType.BIGINT;
      case "REAL", "FLOAT4" -> ColumnType.REAL;
      case "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT8" -> ColumnType.DOUBLE;
      case "DECIMAL", "NUMERIC", "DEC" -> ColumnType.DECIMAL;
      case "CHAR", "CHARACTER", "NCHAR" -> ColumnType.CHAR;
      case "VARCHAR", "CHARACTER VARYING", "CHAR VARYING", "NVARCHAR", "VARCHAR2", "STRING" ->
          ColumnType.VARCHAR;
      case "TEXT", "CLOB", "LONGVARCHAR", "CHARACTER LARGE OBJECT" -> ColumnType.CLOB;
      case "BINARY" -> ColumnType.BINARY;
      case "VARBINARY", "BINARY VARYING", "BYTEA" -> ColumnType.VARBINARY;
      case "BLOB", "BINARY LARGE OBJECT", "LONGVARBINARY" -> ColumnType.BLOB;
      case "DATE" -> ColumnType.DATE;
      case "TIME" -> ColumnType.TIME;
      case "TIMESTAMP", "DATETIME" -> ColumnType.TIMESTAMP;
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE", "TIMESTAMPTZ" ->
          ColumnType.TIMESTAMP_WITH_TIME_ZONE;
      case "JSON", "JSONB" -> ColumnType.JSON;
      case "VECTOR" -> ColumnType.VECTOR;
      case "COUNTER" -> ColumnType.COUNTER;
      case "TEXT MERGEABLE", "MERGEABLE TEXT" -> ColumnType.MERGEABLE_TEXT;
      case "JSON MERGEABLE", "MERGEABLE JSON" -> ColumnType.MERGEABLE_JSON;
      default ->
          throw Errors.of(SqlState.UNDEFINED_OBJECT, "type '" + typeName + "' does not exist");
    };
  }
}
