package io.pluresdb.sql.live;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import java.sql.SQLException;
import java.util.List;

/**
 * A conjunct of a subscription's WHERE clause of the form {@code column op value}, where the value
 * is a parameter or a literal: a necessary condition for a row to be in the result, used to index
 * subscriptions. Immutable.
 *
 * @param column the column's position in the table's declared columns (the change feed's order)
 * @param type the column's type
 * @param op the comparison, with the column on the left
 * @param parameter the user parameter (0-based) compared with, or -1 for {@link #literal}
 * @param literal the literal compared with (as parsed), when {@code parameter} is -1
 */
public record Filter(int column, ColumnType type, Op op, int parameter, Object literal) {
  /** Comparisons an index can serve. */
  public enum Op {
    EQ,
    LT,
    LE,
    GT,
    GE;

    /** The same comparison with its operands swapped ({@code ? < col} is {@code col > ?}). */
    Op flip() {
      return switch (this) {
        case EQ -> EQ;
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
      };
    }
  }

  /** The value compared with, canonical for the column, or null when it cannot be known. */
  public Object bound(List<Object> params) {
    try {
      Object v = parameter >= 0 ? params.get(parameter) : literal;
      return v == null ? null : Values.coerce(v, type);
    } catch (SQLException | RuntimeException e) {
      return null; // the subscription is then matched without its filter
    }
  }

  /** True unless the row certainly fails {@code column op bound}. */
  public boolean admits(Object[] row, Object bound) {
    Object v = row[column];
    if (v == null) {
      return false; // a comparison with NULL is never true
    }
    int c;
    try {
      c = compare(v, bound);
    } catch (ClassCastException e) {
      return true; // values of different kinds: let the query decide
    }
    return switch (op) {
      case EQ -> c == 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (!(a instanceof Comparable)) {
      throw new ClassCastException("not comparable: " + a.getClass());
    }
    return ((Comparable) a).compareTo(b);
  }
}
