package io.pluresdb.sql.calcite;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.SqlTypeName;
import org.jspecify.annotations.Nullable;

/**
 * Writes date-time literals and casts to TIME and TIMESTAMP so that they meet stored values. A
 * stored time or timestamp is the value codec's text ({@code 12:00:00.250}: a fraction in at least
 * milliseconds, none when it is zero), and SQLite compares it as text, so a literal is written in
 * exactly that form, computed by the same codec a bound value goes through.
 *
 * <p>Time and timestamp columns are typed at the greatest precision (they hold any fraction), so
 * the validator never casts a column to compare it with a literal; it casts the other side: a
 * literal (written here as its stored text, cut to the target precision), or an expression, written
 * with SQLite's {@code strftime} in milliseconds when the target keeps a fraction. SQLite's {@code
 * datetime()} and {@code time()}, which drop the fraction, are only for a target of precision 0.
 */
final class DatetimeCasts {
  /** The greatest precision Calcite types a time or timestamp with: a column's. */
  private static final int MAX_PRECISION =
      SqliteTypeSystem.INSTANCE.getMaxPrecision(SqlTypeName.TIMESTAMP);

  private DatetimeCasts() {}

  /** The stored text of a date-time literal, in the form the codec stores its value. */
  static String literalText(SqlAbstractDateTimeLiteral literal) {
    String text = literal.toFormattedString();
    String stored =
        switch (literal.getTypeName()) {
          case TIME -> stored(text, ColumnType.TIME, 9);
          case TIMESTAMP -> stored(text, ColumnType.TIMESTAMP, 9);
          // zoned timestamps are stored in UTC with a 'Z'; the literal is already in UTC
          case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
              stored(text + "Z", ColumnType.TIMESTAMP_WITH_TIME_ZONE, 9);
          default -> text;
        };
    // Calcite parsed the literal, so the codec reads it; its own text is the last resort
    return stored == null ? text : stored;
  }

  /**
   * Writes {@code CAST(operand AS TIME|TIMESTAMP)}; false for other targets, which the dialect
   * writes itself.
   */
  static boolean unparse(SqlWriter writer, SqlNode operand, SqlDataTypeSpec spec) {
    SqlTypeName target = SqlTypeName.get(spec.getTypeName().getSimple());
    if (target == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
        && operand instanceof SqlAbstractDateTimeLiteral d
        && d.getTypeName() == target) {
      // a zoned literal widened to a column's precision: its stored text as it is
      writer.literal("'" + literalText(d) + "'");
      return true;
    }
    if (target != SqlTypeName.TIME && target != SqlTypeName.TIMESTAMP) {
      return false;
    }
    ColumnType type = target == SqlTypeName.TIME ? ColumnType.TIME : ColumnType.TIMESTAMP;
    int precision =
        spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec b
            ? Math.max(b.getPrecision(), 0)
            : 0;
    String text = literalValue(operand);
    // the greatest precision the planner gives (a column's type) stands for any fraction: no cut
    int digits = precision >= MAX_PRECISION ? 9 : precision;
    String stored = text == null ? null : stored(text, type, digits);
    if (stored != null) {
      writer.literal("'" + stored + "'"); // digits, '-', ':', '.', ' ' and 'Z': nothing to escape
      return true;
    }
    String fn = type == ColumnType.TIME ? "time" : "datetime";
    if (precision == 0) {
      SqlWriter.Frame f = writer.startFunCall(fn);
      operand.unparse(writer, 0, 0);
      writer.endFunCall(f);
      return true;
    }
    // strftime's %f writes milliseconds; '.000' is dropped, as the stored form has no zero fraction
    String format = type == ColumnType.TIME ? "%H:%M:%f" : "%Y-%m-%d %H:%M:%f";
    // a frame prints a separator only once an item has been counted: one before each item
    SqlWriter.Frame replace = writer.startFunCall("replace");
    writer.sep(",");
    SqlWriter.Frame strftime = writer.startFunCall("strftime");
    writer.sep(",");
    writer.literal("'" + format + "'");
    writer.sep(",");
    operand.unparse(writer, 0, 0);
    writer.endFunCall(strftime);
    writer.sep(",");
    writer.literal("'.000'");
    writer.sep(",");
    writer.literal("''");
    writer.endFunCall(replace);
    return true;
  }

  /** The text of a character or date-time literal, or null for any other operand. */
  private static @Nullable String literalValue(SqlNode operand) {
    if (operand instanceof SqlCharStringLiteral s) {
      return s.getValueAs(String.class);
    }
    if (operand instanceof SqlAbstractDateTimeLiteral d
        && d.getTypeName() != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return d.toFormattedString();
    }
    return null;
  }

  /**
   * The stored text of {@code text} as a value of {@code type}, its fraction cut to {@code
   * precision} digits, or null when the text is no such value (a cast then leaves it to SQLite's
   * own function, as SQLite would on the same text).
   */
  private static @Nullable String stored(String text, ColumnType type, int precision) {
    Object value;
    try {
      value = Values.coerce(text, type);
    } catch (SQLException e) {
      return null;
    }
    if (value == null) {
      return null;
    }
    int unit = 1;
    for (int digits = Math.min(precision, 9); digits < 9; digits++) {
      unit *= 10;
    }
    Object cut = value;
    if (value instanceof LocalDateTime t) {
      cut = t.withNano(t.getNano() / unit * unit);
    } else if (value instanceof LocalTime t) {
      cut = t.withNano(t.getNano() / unit * unit);
    }
    return String.valueOf(Values.toStored(cut, type));
  }
}
