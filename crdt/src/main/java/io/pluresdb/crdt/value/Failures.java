package io.pluresdb.crdt.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.sql.SQLException;

/**
 * The messages of the two kinds of value errors: an assignment that does not fit a column ("column
 * 'year' of table 'album' is INTEGER, got 'abc'") and a getter that cannot convert ("column 'year':
 * cannot convert 'abc' to int").
 */
final class Failures {
  private Failures() {}

  /** "{what} is {type}, got {value}", the assignment message. */
  static String mismatch(Object v, ColumnType type, Object what) {
    return what + " is " + type + ", got " + describe(v);
  }

  /** 22018: a value of a class the column type does not take. */
  static SQLException wrong(Object v, ColumnType type, Object what) {
    return Errors.of(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, mismatch(v, type, what));
  }

  /** 22018: a getter (or a typed setObject) cannot turn {@code v} into {@code target}. */
  static SQLException cannot(Object v, String target, String what) {
    return Errors.of(
        SqlState.INVALID_CHARACTER_VALUE_FOR_CAST,
        what + ": cannot convert " + describe(v) + " to " + target);
  }

  /** A short description of a value for messages: quoted text, or type and value. */
  static String describe(Object v) {
    if (v == null) {
      return "NULL";
    }
    String text = ValueCodec.textOf(v);
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    if (v instanceof String) {
      return "'" + text + "'";
    }
    return v.getClass().getSimpleName() + " " + text;
  }
}
