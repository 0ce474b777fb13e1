package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entity's merge state, shipped instead of the operations that produced it: its existence
 * register and, per field, the value with the id of the operation that wrote it. Merging a row
 * state takes the greater of each register, which is exactly what applying those operations does,
 * so row states and operations converge in any order and with any duplication. A deleted entity is
 * a tombstone state ({@code live} false), kept so a concurrent update still merges into it.
 *
 * @param table the collection
 * @param key the entity key in key-column order (canonical values; the hidden id for a table
 *     without a primary key)
 * @param existence the id of the insert or delete that decided whether the row exists, or null when
 *     only updates are held
 * @param live true when that operation was an insert
 * @param columns the field names held
 * @param clocks per field, the id of the operation that wrote it
 * @param values per field, its canonical value
 */
public record RowState(
    String table,
    Object[] key,
    @Nullable OpId existence,
    boolean live,
    String[] columns,
    OpId[] clocks,
    Object[] values) {

  public RowState {
    Objects.requireNonNull(table, "table");
    if (columns.length != clocks.length || columns.length != values.length) {
      throw new IllegalArgumentException("columns, clocks and values differ in length");
    }
  }

  /** The greatest operation id this state holds (what a receiver's clock must pass). */
  public @Nullable OpId lastId() {
    OpId max = existence;
    for (OpId c : clocks) {
      if (c.after(max)) {
        max = c;
      }
    }
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowState r
        && table.equals(r.table)
        && Arrays.deepEquals(key, r.key)
        && Objects.equals(existence, r.existence)
        && live == r.live
        && Arrays.equals(columns, r.columns)
        && Arrays.equals(clocks, r.clocks)
        && Arrays.deepEquals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, Arrays.deepHashCode(key), existence, live, Arrays.hashCode(columns));
  }

  @Override
  public String toString() {
    return (live ? "LIVE " : "GONE ")
        + table
        + " key="
        + Arrays.deepToString(key)
        + " @"
        + existence
        + " "
        + Arrays.toString(columns)
        + "="
        + Arrays.deepToString(values);
  }
}
