package io.pluresdb.sql.shape;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.OnConflict;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.write.InsertPlan;
import io.pluresdb.sql.write.Targets;
import io.pluresdb.sql.write.ValueSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plans a plain {@code INSERT INTO t [(cols)] VALUES (?, …), …} of a replicated table without the
 * parser or Calcite ({@link PlainInserts}): the plan the parsed statement would get, each parameter
 * the value of its target column, typed as that column. The written row goes through the same
 * execution as any other INSERT, so conversion, defaults, constraints, generated keys and errors
 * are those of the planned statement.
 *
 * <p>Whatever would make the parsed statement's planning fail or differ (no such table or column, a
 * view, a column named twice, a row of the wrong width) gives null, as does a table with a
 * generated column, and the statement is planned from its text, which reports the error in its own
 * words.
 */
public final class DirectInserts {
  private DirectInserts() {}

  /** The plan of {@code sql} when it is a plain INSERT of parameters this can plan, else null. */
  public static Plan.@Nullable Write plan(String sql, Catalog catalog) {
    PlainInserts.PlainInsert insert = PlainInserts.of(sql);
    if (insert == null) {
      return null;
    }
    TableDef table = Targets.table(catalog, insert.table());
    if (table == null || table.columns().stream().anyMatch(c -> c.generatedSql() != null)) {
      return null; // a generated column is computed (or refused) by the planned statement
    }
    int[] targets = targets(table, insert.columns());
    if (targets == null) {
      return null;
    }
    List<List<ValueSource>> rows = new ArrayList<>(insert.rowWidths().size());
    List<ColumnType> types = new ArrayList<>();
    for (int width : insert.rowWidths()) {
      if (width != targets.length) {
        return null;
      }
      List<ValueSource> row = new ArrayList<>(width);
      for (int target : targets) {
        row.add(new ValueSource.Param(types.size()));
        types.add(table.columns().get(target).type());
      }
      rows.add(row);
    }
    return new Plan.Write(
        sql, new InsertPlan(table.name(), targets, rows, null, OnConflict.ERROR, null, types));
  }

  /** Each named column's declared index (all columns when none are named), or null. */
  private static int @Nullable [] targets(TableDef table, @Nullable List<String> columns) {
    if (columns == null) {
      int[] all = new int[table.columns().size()];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int[] targets = new int[columns.size()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = column(table, columns.get(i));
      if (targets[i] < 0) {
        return null;
      }
      for (int j = 0; j < i; j++) {
        if (targets[j] == targets[i]) {
          return null;
        }
      }
    }
    return targets;
  }

  /** As {@link Targets#column(TableDef, String)}, but -1 when there is no such column. */
  private static int column(TableDef table, String name) {
    int i = table.columnIndex(name);
    if (i >= 0) {
      return i;
    }
    for (int c = 0; c < table.columns().size(); c++) {
      if (table.columns().get(c).name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return -1;
  }
}
