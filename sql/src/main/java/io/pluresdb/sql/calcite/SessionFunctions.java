package io.pluresdb.sql.calcite;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * SQLite's per-connection counters {@code last_insert_rowid()}, {@code changes()} and {@code
 * total_changes()}. Our writes go through the store's writer, not the connection a query reads
 * with, so SQLite's own functions would answer for the wrong connection: each call unparses as a
 * placeholder bound, when the statement runs, to the session's counter. The placeholder's parameter
 * index is negative ({@link #parameterIndex}), so it never meets a user parameter.
 */
public final class SessionFunctions {
  private SessionFunctions() {}

  /** The counters, in the order of their session values (see {@link #parameterIndex}). */
  public enum Counter {
    LAST_INSERT_ROWID,
    CHANGES,
    TOTAL_CHANGES
  }

  /** The functions, for the operator table. */
  public static final SqlOperatorTable TABLE =
      SqlOperatorTables.of(
          List.of(
              new Call(Counter.LAST_INSERT_ROWID),
              new Call(Counter.CHANGES),
              new Call(Counter.TOTAL_CHANGES)));

  /** The parameter index a counter's placeholder binds: -1, -2, -3. */
  public static int parameterIndex(Counter c) {
    return -1 - c.ordinal();
  }

  /** The counter a negative parameter index stands for. */
  public static Counter counter(int parameterIndex) {
    return Counter.values()[-1 - parameterIndex];
  }

  private static final class Call extends SqlFunction {
    private final Counter counter;

    Call(Counter counter) {
      super(
          counter.name(),
          SqlKind.OTHER_FUNCTION,
          ReturnTypes.BIGINT,
          null,
          OperandTypes.NILADIC,
          SqlFunctionCategory.SYSTEM);
      this.counter = counter;
    }

    @Override
    public boolean isDeterministic() {
      return false;
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      writer.dynamicParam(parameterIndex(counter));
    }
  }
}
