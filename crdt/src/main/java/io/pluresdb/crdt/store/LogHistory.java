package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.SqlState;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * How history reads the log: every reader of past states ({@code sys_history}, {@code FOR
 * SYSTEM_TIME AS OF}) takes its log records through the SQL this class gives and checks the time it
 * reads at against {@link #refusal}, so that how far back history reaches is decided here.
 *
 * <p>Records are found through the log's entity index ({@code _pl_log_entity}, kept by {@link
 * LogIndex}): one row per table, entity and log position of a transaction that wrote the entity, so
 * a query for one entity or one table reads only its records. The SQL runs inside the reader's own
 * query, so the past it reads is the same snapshot as the rest of the query.
 *
 * <p>The horizon is the time before which the log no longer holds every transaction (the {@code
 * _pl_meta} key {@value #HORIZON_KEY}, milliseconds since the epoch; absent while the whole log is
 * kept): the newest time of a folded transaction. Compaction moves it forward in the transaction
 * that folds, beside the horizon as a version vector ({@value #HORIZON_VECTOR_KEY}).
 *
 * <p>Stateless.
 */
public final class LogHistory {
  /** The index of the log by table and entity. */
  public static final String ENTITY_INDEX = "_pl_log_entity";

  /** The {@code _pl_meta} key of the horizon's time. */
  public static final String HORIZON_KEY = "history_horizon_time";

  /**
   * The {@code _pl_meta} key of the horizon as a version vector ({@link
   * io.pluresdb.crdt.op.VersionVector#toText}): per writing node, the last transaction folded away.
   */
  public static final String HORIZON_VECTOR_KEY = "history_horizon";

  private LogHistory() {}

  /**
   * A FROM clause of every index entry {@code e} ({@code tbl}, {@code entity}, {@code seq}) joined
   * to its log record {@code l} ({@code seq}, {@code data}).
   */
  public static String entityRecords() {
    return "main." + ENTITY_INDEX + " AS e JOIN main._pl_log AS l ON l.seq = e.seq";
  }

  /**
   * A query of the states folded from records no longer kept ({@link FoldedStates}), then the
   * records ({@code data}) of the transactions that wrote table {@code tableSql} (a SQL
   * expression), each once, in log order.
   */
  public static String tableRecords(String tableSql) {
    return "SELECT data FROM (SELECT 0 AS o, 0 AS seq, state AS data FROM main._pl_past WHERE tbl = "
        + tableSql
        + " UNION ALL SELECT 1, l.seq, l.data FROM main._pl_log AS l WHERE l.seq IN (SELECT seq"
        + " FROM main."
        + ENTITY_INDEX
        + " WHERE tbl = "
        + tableSql
        + ")) ORDER BY o, seq";
  }

  /** A scalar query of the horizon's text, NULL while the whole log is kept. */
  public static String horizonSql() {
    return "SELECT v FROM main._pl_meta WHERE k = '" + HORIZON_KEY + "'";
  }

  /**
   * Why a read at {@code millis} is refused with a horizon read by {@link #horizonSql} ({@code
   * horizon}, null while the whole log is kept), or null when it may read.
   */
  public static String refusal(long millis, String horizon) {
    if (horizon == null || millis >= Long.parseLong(horizon)) {
      return null;
    }
    return "history before "
        + Instant.ofEpochMilli(Long.parseLong(horizon))
        + " is no longer kept, so no table can be read as of "
        + Instant.ofEpochMilli(millis);
  }

  /** The state of a refused read. */
  public static final SqlState REFUSED = SqlState.INVALID_PARAMETER_VALUE;

  /** An entity's key as history shows it: a one-column key as its value's text, else the list. */
  public static String entity(Object[] key) {
    return key.length == 1 ? String.valueOf(text(key[0])) : Arrays.deepToString(key);
  }

  /** A value as history shows it: binary as upper-case hexadecimal, a vector as its list. */
  public static String text(Object value) {
    if (value instanceof byte[] b) {
      return HexFormat.of().withUpperCase().formatHex(b);
    }
    if (value instanceof float[] v) {
      return Arrays.toString(v);
    }
    return value == null ? null : value.toString();
  }
}
