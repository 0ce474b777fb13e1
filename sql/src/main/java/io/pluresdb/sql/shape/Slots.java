package io.pluresdb.sql.shape;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The literals of two statements of one shape, position by position: which literal of the
 * statements a value found in their two plans came from.
 */
final class Slots {
  private final List<@Nullable Object> first;
  private final List<@Nullable Object> second;
  private final boolean[] used;

  Slots(List<@Nullable Object> first, List<@Nullable Object> second) {
    this.first = first;
    this.second = second;
    this.used = new boolean[first.size()];
  }

  /**
   * True when every position whose literals differ was found in the plans: a literal that differs
   * but is nowhere to be seen was folded into something else (a number compared with a boolean
   * column becomes TRUE), and the plan depends on its value.
   */
  boolean allVaryingFound() {
    for (int j = 0; j < used.length; j++) {
      if (!used[j] && !same(first.get(j), second.get(j))) {
        return false;
      }
    }
    return true;
  }

  int count() {
    return first.size();
  }

  /**
   * The one position whose literal is {@code a} in the first statement and {@code b} in the second,
   * or -1 when there is none or more than one (the values then do not say where they came from).
   */
  int of(@Nullable Object a, @Nullable Object b) {
    if (a == null || b == null || same(a, b)) {
      return -1;
    }
    int found = -1;
    for (int j = 0; j < first.size(); j++) {
      if (same(first.get(j), a) && same(second.get(j), b)) {
        if (found >= 0) {
          return -1;
        }
        found = j;
      }
    }
    if (found >= 0) {
      used[found] = true;
    }
    return found;
  }

  /** Equal as literal values: a decimal's scale counts, a blob by its bytes. */
  static boolean same(@Nullable Object a, @Nullable Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return Objects.equals(a, b);
  }
}
