package io.pluresdb.driver.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.sql.Types;

/**
 * What JDBC metadata says about each column type: its SQL name, the class {@code getObject}
 * returns, default precision and display size. One place, so that result set metadata, {@code
 * getColumns} and {@code getTypeInfo} agree.
 */
public final class TypeFacts {
  private TypeFacts() {}

  /** The type's SQL name, as {@code getColumnTypeName} and {@code TYPE_NAME} report it. */
  public static String sqlName(ColumnType type) {
    return switch (type) {
      case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
      case MERGEABLE_TEXT -> "TEXT MERGEABLE";
      case MERGEABLE_JSON -> "JSON MERGEABLE";
      default -> type.name();
    };
  }

  /** The class of the values {@code ResultSet.getObject(int)} returns for the type. */
  public static String className(ColumnType type) {
    return switch (type) {
      case BOOLEAN -> Boolean.class.getName();
      case TINYINT, SMALLINT, INTEGER -> Integer.class.getName();
      case BIGINT, COUNTER -> Long.class.getName();
      // SQLite's REAL is 8 bytes: a REAL column's values are doubles
      case REAL, DOUBLE -> Double.class.getName();
      case DECIMAL -> java.math.BigDecimal.class.getName();
      case CHAR, VARCHAR, CLOB, JSON, MERGEABLE_TEXT, MERGEABLE_JSON -> String.class.getName();
      case BINARY, VARBINARY, BLOB -> byte[].class.getName();
      case DATE -> java.sql.Date.class.getName();
      case TIME -> java.sql.Time.class.getName();
      case TIMESTAMP -> java.sql.Timestamp.class.getName();
      case TIMESTAMP_WITH_TIME_ZONE -> java.time.OffsetDateTime.class.getName();
      case VECTOR -> float[].class.getName();
      // a column declared without a type: Long, Double, String or byte[], as the value was stored
      case ANY -> Object.class.getName();
    };
  }

  /**
   * The precision (digits for numbers, characters for text and date-times, bytes for binary) when
   * the column declares none.
   */
  public static int defaultPrecision(ColumnType type) {
    return switch (type) {
      case BOOLEAN -> 1;
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT, COUNTER -> 19;
      case REAL, DOUBLE -> 15;
      case DECIMAL -> 38;
      case CHAR -> 1;
      case DATE -> 10;
      case TIME -> 18;
      case TIMESTAMP -> 29;
      case TIMESTAMP_WITH_TIME_ZONE -> 35;
      case VARCHAR,
          CLOB,
          JSON,
          MERGEABLE_TEXT,
          MERGEABLE_JSON,
          BINARY,
          VARBINARY,
          BLOB,
          VECTOR,
          ANY ->
          Integer.MAX_VALUE;
    };
  }

  /** The precision to report: the declared one, else the type's default. */
  public static int precision(ColumnType type, int declared) {
    return declared > 0 ? declared : defaultPrecision(type);
  }

  /** Characters needed to display a value of the type with that declared precision. */
  public static int displaySize(ColumnType type, int declared) {
    int p = precision(type, declared);
    return switch (type) {
      case BOOLEAN -> 5;
      case TINYINT, SMALLINT, INTEGER, BIGINT, COUNTER -> p + 1; // sign
      case REAL, DOUBLE -> 24;
      case DECIMAL -> p + 2; // sign and point
      case BINARY, VARBINARY, BLOB -> p > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * p;
      default -> p;
    };
  }

  /** Radix of the precision: 10 for numbers, 0 when it does not apply. */
  public static int radix(ColumnType type) {
    return isNumeric(type) ? 10 : 0;
  }

  public static boolean isNumeric(ColumnType type) {
    return switch (type) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, COUNTER, REAL, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  public static boolean isText(ColumnType type) {
    return switch (type) {
      case CHAR, VARCHAR, CLOB, JSON, MERGEABLE_TEXT, MERGEABLE_JSON -> true;
      default -> false;
    };
  }

  /** The column type for a {@link Types} constant, or null when none stands for it. */
  public static ColumnType forJdbcType(int jdbcType) {
    return switch (jdbcType) {
      case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
      case Types.TINYINT -> ColumnType.TINYINT;
      case Types.SMALLINT -> ColumnType.SMALLINT;
      case Types.INTEGER -> ColumnType.INTEGER;
      case Types.BIGINT -> ColumnType.BIGINT;
      case Types.REAL, Types.FLOAT -> ColumnType.REAL;
      case Types.DOUBLE -> ColumnType.DOUBLE;
      case Types.DECIMAL, Types.NUMERIC -> ColumnType.DECIMAL;
      case Types.CHAR, Types.NCHAR -> ColumnType.CHAR;
      case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR ->
          ColumnType.VARCHAR;
      case Types.CLOB, Types.NCLOB -> ColumnType.CLOB;
      case Types.BINARY -> ColumnType.BINARY;
      case Types.VARBINARY, Types.LONGVARBINARY -> ColumnType.VARBINARY;
      case Types.BLOB -> ColumnType.BLOB;
      case Types.DATE -> ColumnType.DATE;
      case Types.TIME -> ColumnType.TIME;
      case Types.TIMESTAMP -> ColumnType.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP_WITH_TIME_ZONE;
      default -> null;
    };
  }
}
