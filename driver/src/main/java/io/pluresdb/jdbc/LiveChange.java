package io.pluresdb.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One row of a live query's stream, as the listener API and the {@link
 * java.util.concurrent.Flow.Publisher} deliver it: what it says about the result ({@link #kind}),
 * the log position it reflects ({@link #version}) and the query's columns, as {@code
 * ResultSet.getObject} would return them. Immutable.
 */
public final class LiveChange {
  /** What a row says about the query's result (the {@code _change} column of SUBSCRIBE). */
  public enum Kind {
    /** A row of the result when the subscription started, or after a {@link #RESET}. */
    INITIAL,
    /** A row entered the result. */
    INSERT,
    /** A row of the result changed and is still in it (new values). */
    UPDATE,
    /** A row left the result (its last values). */
    DELETE,
    /**
     * The subscriber fell behind its bounded buffer: drop the rows held so far; the current result
     * follows as {@link #INITIAL} rows. A RESET's own values are null.
     */
    RESET
  }

  private final Kind kind;
  private final long version;
  private final List<String> columns;
  private final List<Object> values;

  private LiveChange(Kind kind, long version, List<String> columns, List<Object> values) {
    this.kind = kind;
    this.version = version;
    this.columns = columns;
    this.values = values;
  }

  /**
   * A change; {@code columns} are the query's column labels, {@code values} the row's values in the
   * same order (nulls allowed).
   */
  public static LiveChange of(Kind kind, long version, List<String> columns, List<?> values) {
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(
          columns.size() + " columns but " + values.size() + " values");
    }
    return new LiveChange(
        kind,
        version,
        List.copyOf(columns),
        Collections.unmodifiableList(new ArrayList<Object>(values)));
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The log position of the latest transaction this row reflects; it never decreases within a
   * subscription (the {@code _version} column of SUBSCRIBE).
   */
  public long version() {
    return version;
  }

  /** The query's column labels, in order. */
  public List<String> columns() {
    return columns;
  }

  /** The row's values, in column order. */
  public List<Object> values() {
    return values;
  }

  /** The value of a column by position, from 1 as in JDBC. */
  public Object get(int column) {
    if (column < 1 || column > values.size()) {
      throw new IndexOutOfBoundsException(
          "column " + column + " is out of range 1.." + values.size());
    }
    return values.get(column - 1);
  }

  /** The value of a column by label (case-insensitive). */
  public Object get(String label) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(label)) {
        return values.get(i);
      }
    }
    throw new IllegalArgumentException(
        "no column '" + label + "' in " + columns.toString().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return kind + "@" + version + values;
  }
}
