package io.pluresdb.crdt.op;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Row states as sent in one message: a snapshot is sent as batches of rows, the last one carrying
 * the snapshot's {@link Coverage} (a receiver may count the covered transactions as held only once
 * it has merged every row of the snapshot).
 *
 * @param rows the row states
 * @param coverage the snapshot's coverage on its last batch, else null
 */
public record RowStateBatch(List<RowState> rows, @Nullable Coverage coverage) {
  public RowStateBatch {
    rows = List.copyOf(rows);
  }
}
