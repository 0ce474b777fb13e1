package io.pluresdb.crdt.schema;

import java.sql.Types;

/**
 * The declared type of a column, with its JDBC type and the canonical Java value every layer passes
 * around (see {@link io.pluresdb.crdt.value.Values}). The SQLite storage class is fixed per type so
 * that pushed-down comparisons and ordering behave like the declared type.
 */
public enum ColumnType {
  BOOLEAN(Types.BOOLEAN, Boolean.class),
  TINYINT(Types.TINYINT, Long.class),
  SMALLINT(Types.SMALLINT, Long.class),
  INTEGER(Types.INTEGER, Long.class),
  BIGINT(Types.BIGINT, Long.class),
  REAL(Types.REAL, Double.class),
  DOUBLE(Types.DOUBLE, Double.class),
  DECIMAL(Types.DECIMAL, java.math.BigDecimal.class),
  CHAR(Types.CHAR, String.class),
  VARCHAR(Types.VARCHAR, String.class),
  CLOB(Types.CLOB, String.class),
  BINARY(Types.BINARY, byte[].class),
  VARBINARY(Types.VARBINARY, byte[].class),
  BLOB(Types.BLOB, byte[].class),
  DATE(Types.DATE, java.time.LocalDate.class),
  TIME(Types.TIME, java.time.LocalTime.class),
  TIMESTAMP(Types.TIMESTAMP, java.time.LocalDateTime.class),
  TIMESTAMP_WITH_TIME_ZONE(Types.TIMESTAMP_WITH_TIMEZONE, java.time.OffsetDateTime.class),
  /** A JSON document, stored as its text. */
  JSON(Types.OTHER, String.class),
  /** float32 vector of a fixed dimension (the column's precision). */
  VECTOR(Types.OTHER, float[].class),
  /** A CRDT counter: concurrent increments add up. */
  COUNTER(Types.BIGINT, Long.class),
  /**
   * Collaborative text ({@code TEXT MERGEABLE}): stored as its text, but its operations carry edits
   * of a sequence CRDT ({@link io.pluresdb.crdt.text.TextDoc}), so concurrent edits of one value
   * both survive.
   */
  MERGEABLE_TEXT(Types.VARCHAR, String.class),
  /**
   * A JSON document that merges per path ({@code JSON MERGEABLE}): stored as its merged text
   * (minified), but its operations carry structural edits ({@link io.pluresdb.crdt.json.JsonDoc}),
   * so concurrent changes to different members or elements of one document all survive. A plain
   * {@link #JSON} column keeps its text as written and is replaced whole, as in SQLite.
   */
  MERGEABLE_JSON(Types.OTHER, String.class),
  /**
   * A column declared without a type, as SQLite allows: it holds any value as given (an integer, a
   * real, a text or a blob), with SQLite's BLOB ("none") affinity.
   */
  ANY(Types.OTHER, Object.class);

  private final int jdbcType;
  private final Class<?> javaClass;

  ColumnType(int jdbcType, Class<?> javaClass) {
    this.jdbcType = jdbcType;
    this.javaClass = javaClass;
  }

  /** The {@link java.sql.Types} constant reported by metadata. */
  public int jdbcType() {
    return jdbcType;
  }

  /** The class of this type's canonical value. */
  public Class<?> javaClass() {
    return javaClass;
  }
}
