package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLDataException;
import org.jspecify.annotations.Nullable;

/**
 * A remote operation carries a value that fits no type its column was ever declared with (or a key
 * that fits no key the table was ever declared with): the sender is broken or hostile, no schema
 * clash explains it, and the whole call is refused (see {@link ApplyResult.Malformed}).
 */
final class BadValue extends SQLDataException {
  private static final long serialVersionUID = 1L;

  private final transient ApplyResult.Malformed refusal;

  BadValue(ApplyResult.Malformed refusal) {
    super(refusal.message(), SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code());
    this.refusal = refusal;
  }

  /** A value of {@code column} that is not a {@code expected}, in operation {@code op}. */
  static BadValue of(String table, String column, String expected, Object value, OpId op) {
    return new BadValue(
        new ApplyResult.Malformed(null, op, table, column, expected, describe(value)));
  }

  /** The same refusal, naming the transaction the operation belongs to. */
  BadValue in(OpId tx) {
    ApplyResult.Malformed r = refusal;
    return new BadValue(
        new ApplyResult.Malformed(tx, r.op(), r.table(), r.column(), r.expected(), r.value()));
  }

  ApplyResult.Malformed refusal() {
    return refusal;
  }

  private static String describe(@Nullable Object value) {
    if (value == null) {
      return "NULL";
    }
    String text =
        value instanceof byte[] b
            ? b.length + " bytes"
            : value instanceof float[] f ? "a vector of " + f.length : "'" + value + "'";
    return text + " (" + value.getClass().getSimpleName() + ")";
  }
}
