package io.pluresdb.engine.live;

import io.pluresdb.engine.api.ChangeKind;
import io.pluresdb.engine.api.LiveEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes that turn one result into another: rows are matched by their identity columns (in
 * order, when several share one identity); a matched row whose values differ is an UPDATE, an
 * unmatched old row a DELETE, an unmatched new row an INSERT. DELETEs come first, then the new
 * result's INSERTs and UPDATEs in its order.
 */
final class ResultDiff {
  private ResultDiff() {}

  static List<LiveEvent> diff(
      Collection<Object[]> old, List<Object[]> now, int[] identity, int visible, long version) {
    Map<RowKey, ArrayDeque<Object[]>> before = new HashMap<>();
    for (Object[] row : old) {
      before.computeIfAbsent(RowKey.of(row, identity), k -> new ArrayDeque<>()).add(row);
    }
    List<LiveEvent> entering = new ArrayList<>();
    for (Object[] row : now) {
      ArrayDeque<Object[]> same = before.get(RowKey.of(row, identity));
      Object[] previous = same == null ? null : same.poll();
      if (previous == null) {
        entering.add(event(ChangeKind.INSERT, row, visible, version));
      } else if (!Arrays.deepEquals(previous, row)) {
        entering.add(event(ChangeKind.UPDATE, row, visible, version));
      }
    }
    List<LiveEvent> events = new ArrayList<>();
    for (Object[] row : old) {
      ArrayDeque<Object[]> left = before.get(RowKey.of(row, identity));
      if (left != null && left.remove(row)) {
        events.add(event(ChangeKind.DELETE, row, visible, version));
      }
    }
    events.addAll(entering);
    return events;
  }

  static LiveEvent event(ChangeKind kind, Object[] row, int visible, long version) {
    return new LiveEvent(kind, Arrays.copyOf(row, visible), version);
  }

  /** The rows as INITIAL events. */
  static List<LiveEvent> initial(List<Object[]> rows, int visible, long version) {
    List<LiveEvent> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      out.add(event(ChangeKind.INITIAL, row, visible, version));
    }
    return out;
  }
}
