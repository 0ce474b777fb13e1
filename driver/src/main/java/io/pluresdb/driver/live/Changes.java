package io.pluresdb.driver.live;

import io.pluresdb.driver.value.JdbcObjects;
import io.pluresdb.engine.api.LiveEvent;
import io.pluresdb.jdbc.LiveChange;
import io.pluresdb.sql.read.ColumnMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a subscription's rows into {@link LiveChange}s with {@code getObject}'s values. */
final class Changes {
  private final List<ColumnMeta> columns;
  private final List<String> labels;

  Changes(List<ColumnMeta> columns) {
    this.columns = List.copyOf(columns);
    this.labels = columns.stream().map(ColumnMeta::label).toList();
  }

  LiveChange of(LiveEvent e) {
    Object[] row = e.row();
    Object[] values = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      values[i] = JdbcObjects.of(row[i], columns.get(i).type());
    }
    return LiveChange.of(
        LiveChange.Kind.valueOf(e.kind().name()), e.version(), labels, Arrays.asList(values));
  }

  List<LiveChange> of(List<LiveEvent> events) {
    List<LiveChange> out = new ArrayList<>(events.size());
    for (LiveEvent e : events) {
      out.add(of(e));
    }
    return out;
  }
}
