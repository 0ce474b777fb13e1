package io.pluresdb.sql.write;

import java.util.List;

/**
 * The SET list of an UPDATE (or of an upsert's DO UPDATE): the declared index of each assigned
 * column and where its new value comes from. Immutable.
 */
public record Assignments(int[] columns, List<ValueSource> values) {
  public Assignments {
    columns = columns.clone();
    values = List.copyOf(values);
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }
}
