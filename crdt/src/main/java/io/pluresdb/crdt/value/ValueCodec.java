package io.pluresdb.crdt.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one codec of a column type: every rule that turns a value into, or out of, that type lives in
 * its subclass, and nowhere else. A codec has two directions, because SQL and JDBC ask two
 * different questions:
 *
 * <ul>
 *   <li><b>assignment</b> ({@link #coerce}): what a bound parameter, a literal or a replicated
 *       value becomes when stored in a column of this type; fractions round, a local date-time
 *       meets a zoned column in the JVM's zone, and errors name the column ("column 'year' of table
 *       'album' is INTEGER, got 'abc'");
 *   <li><b>cast</b> ({@link #cast}): what a JDBC getter, or {@code setObject(x, targetSqlType)},
 *       makes of any value when it asks for this type's class (JDBC tables B-5 and B-6); fractions
 *       truncate, a local date-time is taken as UTC, and errors read "column 'year': cannot convert
 *       'abc' to INTEGER".
 * </ul>
 *
 * <p>Plus the stored form in SQLite ({@link #toStored}, {@link #fromStored}) and the text a getter
 * shows ({@link #text}). {@link #read} answers {@code getObject(i, Class)} for every class a getter
 * may ask for. Codecs are stateless singletons, safe from any thread.
 */
public abstract class ValueCodec {
  private static final Map<ColumnType, ValueCodec> TABLE = table();

  private final ColumnType type;

  ValueCodec(ColumnType type) {
    this.type = type;
  }

  private static Map<ColumnType, ValueCodec> table() {
    Map<ColumnType, ValueCodec> m = new EnumMap<>(ColumnType.class);
    for (ColumnType t : ColumnType.values()) {
      m.put(
          t,
          switch (t) {
            case BOOLEAN -> new BooleanCodec();
            case TINYINT -> new IntegerCodec(t, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> new IntegerCodec(t, Short.MIN_VALUE, Short.MAX_VALUE);
            // SQLite's INTEGER holds 64 bits; metadata still reports the declared INTEGER, and
            // getInt of a value beyond int is 22003
            case INTEGER, BIGINT, COUNTER -> new IntegerCodec(t, Long.MIN_VALUE, Long.MAX_VALUE);
            case REAL, DOUBLE -> new FloatingCodec(t);
            case DECIMAL -> new DecimalCodec();
            case CHAR, VARCHAR, CLOB, JSON, MERGEABLE_TEXT, MERGEABLE_JSON -> new TextCodec(t);
            case BINARY, VARBINARY, BLOB -> new BinaryCodec(t);
            case DATE -> new DateCodec();
            case TIME -> new TimeCodec();
            case TIMESTAMP -> new TimestampCodec();
            case TIMESTAMP_WITH_TIME_ZONE -> new ZonedTimestampCodec();
            case VECTOR -> new VectorValueCodec();
            case ANY -> new AnyCodec();
          });
    }
    return m;
  }

  /** The codec of a column type. */
  public static ValueCodec of(ColumnType type) {
    return TABLE.get(type);
  }

  /** The column type this codec is for. */
  public final ColumnType type() {
    return type;
  }

  /**
   * Assignment: a JDBC or Java value to this type's canonical value, without the column's declared
   * size (see {@link Values#coerce(Object, io.pluresdb.crdt.schema.ColumnDef, String)}); {@code
   * what} names the value in errors.
   */
  public final Object coerce(Object v, Object what) throws SQLException {
    if (v == null) {
      return null;
    }
    try {
      return assign(v, what);
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw Errors.of(parseFailure(e), Failures.mismatch(v, type, what), e);
    } catch (ClassCastException e) {
      throw Errors.of(
          SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, Failures.mismatch(v, type, what), e);
    }
  }

  /** The state of a value whose text or number does not parse as this type. */
  private SqlState parseFailure(RuntimeException e) {
    return switch (type) {
      case DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> SqlState.INVALID_DATETIME_FORMAT;
      default ->
          e instanceof ArithmeticException
              ? SqlState.NUMERIC_VALUE_OUT_OF_RANGE
              : SqlState.INVALID_TEXT_REPRESENTATION;
    };
  }

  /**
   * Assignment of a non-null value; may throw the parse exceptions and ClassCastException, which
   * {@link #coerce} reports with the value's name. By default the cast's answer: types whose
   * getters and assignments ask the same question (DATE, TIME) only write {@link #convert}.
   */
  Object assign(Object v, Object what) throws SQLException {
    Object c = convert(v, what);
    if (c == null) {
      throw Failures.wrong(v, type, what);
    }
    return c;
  }

  /** Checks a canonical value against a column's declared precision, scale or length. */
  Object fit(Object canonical, int precision, int scale, Object what) throws SQLException {
    return canonical;
  }

  /**
   * Cast: any value to this type's canonical value as a JDBC getter converts it (a typed {@code
   * setObject} too); null stays null.
   */
  public final Object cast(Object v, String what) throws SQLException {
    if (v == null) {
      return null;
    }
    Object c;
    try {
      c = convert(v, what);
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw (SQLException) Failures.cannot(v, name(), what).initCause(e);
    }
    if (c == null) {
      throw Failures.cannot(v, name(), what);
    }
    return c;
  }

  /**
   * Cast of a non-null value; null when it cannot become this type. {@code what} names the value in
   * errors (a String for getters, a column for assignments).
   */
  abstract Object convert(Object v, Object what) throws SQLException;

  /** The type's name in cast errors. */
  String name() {
    return type.name();
  }

  /** Canonical value to the value bound into SQLite. */
  public Object toStored(Object canonical) {
    return canonical;
  }

  /** A value read from SQLite back to the canonical value. */
  public Object fromStored(Object stored) throws SQLException {
    return coerce(stored instanceof Integer i ? Long.valueOf(i) : stored, "stored value");
  }

  /** The text {@code getString} shows for a canonical value of this type. */
  String text(Object canonical) {
    return canonical.toString();
  }

  /**
   * The text {@code getString} shows for any value: the owning type's form (plain decimals, hex
   * bytes, JDBC-style timestamps), else {@code toString()}; null stays null.
   */
  public static String textOf(Object v) {
    if (v == null) {
      return null;
    }
    ColumnType owner = JavaClasses.ownerOf(v);
    return owner == null ? v.toString() : of(owner).text(v);
  }

  /**
   * {@code getObject(i, as)}: any value (a column's canonical value, or what an expression
   * computed) as a class a JDBC getter may ask for, java.time and java.sql included; a primitive
   * class ({@code int.class}) gives the boxed value and names the primitive in errors, as {@code
   * getInt} does. Null stays null.
   */
  @SuppressWarnings("unchecked")
  public static <T> T read(Object v, Class<T> as, String what) throws SQLException {
    return v == null ? null : (T) JavaClasses.read(v, as, what);
  }

  /**
   * A bound Java value as the canonical value its class stands for (Integer to Long, java.sql.Date
   * to LocalDate, Instant to UTC OffsetDateTime), before a column type is known; null when no
   * canonical class stands for its class. Null stays null.
   */
  public static Object canonicalOf(Object x) throws SQLException {
    return x == null ? null : Canonical.of(x);
  }
}
