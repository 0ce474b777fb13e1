package io.pluresdb.engine.live;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A tuple of canonical values usable as a hash key: arrays compare by content and decimals by
 * value, so a key read back from SQLite equals the same key taken from the change feed. Immutable.
 */
final class RowKey {
  private final Object[] values;
  private final int hash;

  private RowKey(Object[] values) {
    this.values = values;
    this.hash = Arrays.deepHashCode(values);
  }

  /** The key of the given values (normalized copies). */
  static RowKey of(Object... values) {
    Object[] v = new Object[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = normalize(values[i]);
    }
    return new RowKey(v);
  }

  /** The key made of the given positions of a row. */
  static RowKey of(Object[] row, int[] positions) {
    Object[] v = new Object[positions.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = normalize(row[positions[i]]);
    }
    return new RowKey(v);
  }

  private static Object normalize(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (v instanceof float[] f) {
      return Arrays.copyOf(f, f.length); // deepEquals compares float[] by content
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowKey k && hash == k.hash && Arrays.deepEquals(values, k.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.deepToString(values);
  }
}
