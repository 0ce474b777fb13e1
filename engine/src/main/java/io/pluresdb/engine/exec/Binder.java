package io.pluresdb.engine.exec;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.sql.calcite.SessionFunctions;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.ReadPlan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Binds user parameters to a compiled SQLite statement and reads its rows as canonical values. */
public final class Binder {
  private Binder() {}

  /**
   * Binds each placeholder of the plan's SQLite SQL to the user parameter it stands for, converted
   * to the parameter's inferred type and then to its stored form.
   */
  public static void bind(PreparedStatement ps, ReadPlan plan, List<Object> params)
      throws SQLException {
    bind(ps, plan, params, SessionCounters.NONE);
  }

  /**
   * As {@link #bind(PreparedStatement, ReadPlan, List)}; the placeholders of {@code
   * last_insert_rowid()}, {@code changes()} and {@code total_changes()} take the session's values.
   */
  public static void bind(
      PreparedStatement ps, ReadPlan plan, List<Object> params, SessionCounters session)
      throws SQLException {
    List<ColumnType> types = plan.parameterTypes();
    for (int i = 0; i < plan.placeholderCount(); i++) {
      int p = plan.paramAt(i);
      if (p < 0) {
        ps.setLong(i + 1, session.value(SessionFunctions.counter(p)));
        continue;
      }
      if (params == null || p >= params.size()) {
        throw Errors.of(
            SqlState.INVALID_PARAMETER_NUMBER, "no value specified for parameter " + (p + 1));
      }
      ColumnType type = p < types.size() ? types.get(p) : ColumnType.VARCHAR;
      Object canonical = Values.coerce(params.get(p), type);
      Values.bind(ps, i + 1, canonical, type);
    }
  }

  /** Reads every remaining row, each value canonical for its column's type. */
  public static List<Object[]> readAll(ResultSet rs, List<ColumnMeta> columns) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    while (rs.next()) {
      rows.add(readRow(rs, columns));
    }
    return rows;
  }

  /** The current row; a column whose type is null is read as SQLite returns it. */
  public static Object[] readRow(ResultSet rs, List<ColumnMeta> columns) throws SQLException {
    Object[] row = new Object[columns.size()];
    for (int c = 0; c < row.length; c++) {
      ColumnType t = columns.get(c).type();
      row[c] = t == null ? rs.getObject(c + 1) : Values.read(rs, c + 1, t);
    }
    return row;
  }
}
