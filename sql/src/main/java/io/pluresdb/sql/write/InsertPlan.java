package io.pluresdb.sql.write;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.store.OnConflict;
import io.pluresdb.sql.read.ReadPlan;
import java.util.List;

/**
 * A planned INSERT. Immutable.
 *
 * @param table the target table
 * @param targets the declared index of each target column, in the statement's order
 * @param rows for INSERT ... VALUES, each row's value sources in target order; else empty
 * @param query for INSERT ... SELECT, the pushed-down query; else null
 * @param onConflict what to do when the key exists
 * @param upsert for ON CONFLICT DO UPDATE or INSERT OR REPLACE, what to do; else null
 * @param parameterTypes the type of each user parameter
 */
public record InsertPlan(
    String table,
    int[] targets,
    List<List<ValueSource>> rows,
    ReadPlan query,
    OnConflict onConflict,
    UpsertPlan upsert,
    List<ColumnType> parameterTypes)
    implements WriteKind {
  public InsertPlan {
    targets = targets.clone();
    rows = rows.stream().map(List::copyOf).toList();
    parameterTypes = List.copyOf(parameterTypes);
  }

  @Override
  public int[] targets() {
    return targets.clone();
  }

  @Override
  public boolean singleOperation() {
    return query == null && upsert == null && rows.size() == 1;
  }

  /** The declared index of the {@code i}-th target column. */
  public int target(int i) {
    return targets[i];
  }

  public int targetCount() {
    return targets.length;
  }
}
