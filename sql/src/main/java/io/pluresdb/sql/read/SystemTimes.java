package io.pluresdb.sql.read;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.LogHistory;
import io.pluresdb.sql.calcite.PlanningContext;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.util.TimestampString;

/**
 * SQL:2011's {@code table FOR SYSTEM_TIME AS OF TIMESTAMP '…'}: the table's rows as they were at
 * that time (UTC, as {@code sys_history} shows times), rebuilt from the log. Before validation each
 * such reference becomes the plain table, so the query is checked against the table's columns as
 * usual; after it, the table becomes a derived table of the same name and columns over the SQL
 * function {@code pl_as_of}, which folds the table's log records up to that time ({@link
 * io.pluresdb.crdt.store.PastRows}) and refuses a time before what the log still holds ({@link
 * LogHistory}).
 *
 * <p>Not thread-safe: one per compilation.
 */
final class SystemTimes {
  private final Map<SqlNode, Long> at = new IdentityHashMap<>();

  private SystemTimes() {}

  /** Replaces each {@code t FOR SYSTEM_TIME AS OF x} under {@code query} by {@code t}. */
  static SystemTimes detach(SqlNode query) throws SQLException {
    SystemTimes s = new SystemTimes();
    Trees.replace(
        query,
        (parent, child) -> {
          if (!(child instanceof SqlSnapshot snap)) {
            return null;
          }
          SqlNode table = snap.getTableRef();
          if (!(table instanceof SqlIdentifier)) {
            throw Errors.of(
                SqlState.FEATURE_NOT_SUPPORTED, "FOR SYSTEM_TIME AS OF follows a table name");
          }
          s.at.put(table, millis(snap.getPeriod()));
          return table;
        });
    return s;
  }

  /** Makes each table detached from a period read its past rows, in the validated tree. */
  void reattach(SqlNode validated, PlanningContext context) throws SQLException {
    if (at.isEmpty()) {
      return;
    }
    Trees.replace(
        validated,
        (parent, child) -> {
          Long millis = at.get(child);
          if (millis == null) {
            return null;
          }
          SqlIdentifier id = (SqlIdentifier) child;
          String name = id.names.get(id.names.size() - 1);
          TableDef t = context.catalog().table(name);
          if (t == null) {
            throw Errors.of(
                SqlState.WRONG_OBJECT_TYPE,
                "FOR SYSTEM_TIME AS OF reads a table; '" + name + "' is not one");
          }
          boolean aliased = parent instanceof SqlCall c && c.getKind() == SqlKind.AS;
          return RawSql.of(past(t, millis) + (aliased ? "" : " AS " + quoted(t.name())));
        });
  }

  /** The derived table of {@code t}'s rows at {@code millis}. */
  private static String past(TableDef t, long millis) {
    StringBuilder cols = new StringBuilder();
    StringBuilder spec = new StringBuilder("[");
    List<ColumnDef> columns = t.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDef c = columns.get(i);
      String path = "'$[" + i + "]'";
      cols.append(i == 0 ? "" : ", ")
          .append("CASE json_type(j.value, ")
          .append(path)
          .append(") WHEN 'object' THEN unhex(json_extract(j.value, '$[")
          .append(i)
          .append("].x')) ELSE json_extract(j.value, ")
          .append(path)
          .append(") END AS ")
          .append(quoted(c.name()));
      spec.append(i == 0 ? "" : ",")
          .append("[\"")
          .append(json(c.name()))
          .append("\",\"")
          .append(c.type().name())
          .append("\"]");
    }
    String table = literal(t.name());
    return "(SELECT "
        + cols
        + " FROM json_each(pl_as_of_check("
        + millis
        + ", ("
        + LogHistory.horizonSql()
        + "), (SELECT pl_as_of(r.data, "
        + table
        + ", "
        + millis
        + ", "
        + literal(spec.append(']').toString())
        + ") FROM ("
        + LogHistory.tableRecords(table)
        + ") AS r))) AS j)";
  }

  /** The time a period names, in milliseconds since the epoch (UTC without a zone). */
  private static long millis(SqlNode period) throws SQLException {
    if (period instanceof SqlTimestampLiteral ts) {
      return ts.getValueAs(TimestampString.class).getMillisSinceEpoch();
    }
    if (!(period instanceof SqlLiteral lit) || lit.toValue() == null) {
      throw Errors.of(
          SqlState.FEATURE_NOT_SUPPORTED,
          "FOR SYSTEM_TIME AS OF takes a TIMESTAMP literal, not "
              + period.toString().toLowerCase(Locale.ROOT));
    }
    // TIMESTAMP '…' and '…' alike: the parser leaves a typed literal's text for the validator
    String written = lit.toValue();
    String text = written.trim().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw Errors.of(
            SqlState.INVALID_DATETIME_FORMAT,
            "FOR SYSTEM_TIME AS OF '" + written + "' is not a timestamp");
      }
    }
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
