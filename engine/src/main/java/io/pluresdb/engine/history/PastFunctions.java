package io.pluresdb.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.store.LogHistory;
import io.pluresdb.crdt.store.PastRows;
import io.pluresdb.sql.vector.FunctionErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sqlite.Function;

/**
 * The SQL functions a {@code FOR SYSTEM_TIME AS OF} query runs on (see the planner's {@code
 * SystemTimes}): the aggregate {@code pl_as_of(data, table, millis, columns)}, which folds log
 * records into the table's rows at that time ({@link PastRows}; {@code columns} is a JSON array of
 * {@code [name, type]}), and {@code pl_as_of_check(millis, horizon, rows)}, which returns {@code
 * rows} unless the time is before the log's horizon ({@link LogHistory#refusal}), when the query
 * fails with that state.
 *
 * <p>Thread-safe: SQLite makes one aggregate per query; the check is stateless.
 */
final class PastFunctions {
  private PastFunctions() {}

  /**
   * Jackson's mapper, made when a past-rows query first runs: installing the functions on every new
   * connection must not load Jackson before the first row.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  static void install(Connection c) throws SQLException {
    Function.create(c, "pl_as_of", new Fold(), 4);
    Function.create(c, "pl_as_of_check", new Check(), 3, Function.FLAG_DETERMINISTIC);
  }

  /** The rows at a time, folded from the table's records. */
  private static final class Fold extends Function.Aggregate {
    private @Nullable PastRows rows;

    @Override
    protected void xStep() throws SQLException {
      if (rows == null) {
        rows = start(value_text(1), value_long(2), value_text(3));
      }
      byte[] data = value_blob(0);
      if (data != null) {
        rows.add(data);
      }
    }

    @Override
    protected void xFinal() throws SQLException {
      result(rows == null ? "[]" : rows.json());
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
      Fold f = (Fold) super.clone();
      f.rows = null;
      return f;
    }

    private static PastRows start(String table, long millis, String spec) throws SQLException {
      List<String> names = new ArrayList<>();
      List<ColumnType> types = new ArrayList<>();
      try {
        for (JsonNode c : Json.MAPPER.readTree(spec)) {
          names.add(c.get(0).asText());
          types.add(ColumnType.valueOf(c.get(1).asText()));
        }
      } catch (java.io.IOException | IllegalArgumentException e) {
        throw Errors.of(
            SqlState.INVALID_PARAMETER_VALUE, "bad column list " + spec + ": " + e.getMessage());
      }
      return new PastRows(table, millis, names, types);
    }
  }

  /** Refuses a time before the horizon. */
  private static final class Check extends Function {
    @Override
    protected void xFunc() throws SQLException {
      String refused = LogHistory.refusal(value_long(0), value_text(1));
      if (refused != null) {
        error(FunctionErrors.encode(LogHistory.REFUSED, refused));
        return;
      }
      result(value_text(2));
    }
  }
}
