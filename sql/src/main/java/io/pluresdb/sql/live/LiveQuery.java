package io.pluresdb.sql.live;

import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.ReadPlan;
import java.util.List;
import java.util.Set;

/**
 * A compiled {@code SUBSCRIBE}: the query (with hidden key columns appended when it reads one table
 * by key), how its rows are identified, and what the reactor needs to match changes against it
 * cheaply. Immutable; cached with the plan.
 *
 * @param read the query; its rows hold the visible columns, then the hidden key columns
 * @param visible how many leading columns the subscriber sees
 * @param identity positions of the columns that identify a row of the result: the hidden entity key
 *     when {@link #keyed}, else the plain (non-expression) columns
 * @param keyed true when each row is one entity of {@link #table}, identified by its key
 * @param probe the query restricted to one entity ({@code AND key = ?} after the user's
 *     parameters), or null when a change must re-run the whole query (LIMIT/OFFSET windows, joins,
 *     aggregates)
 * @param image the probe reading a one-row image of the table instead of the table, or null when
 *     the query reads its table more than once: it checks a change's own row image, so each
 *     transaction's effect is seen even when later commits already changed the row
 * @param table the one table read in the FROM clause, or null for joins and views
 * @param tables every table the query reads (subqueries included)
 * @param anyTable true when the query reads a view: every change may affect it
 * @param filter a top-level predicate on {@link #table} every result row satisfies, or null
 */
public record LiveQuery(
    ReadPlan read,
    int visible,
    int[] identity,
    boolean keyed,
    ReadPlan probe,
    ReadPlan image,
    String table,
    Set<String> tables,
    boolean anyTable,
    Filter filter) {

  /** The label of the column that says how a row changed ({@code INITIAL}, {@code INSERT}, …). */
  public static final String CHANGE = "_change";

  /** The label of the column holding the log position a row reflects. */
  public static final String VERSION = "_version";

  public LiveQuery {
    identity = identity.clone();
    tables = Set.copyOf(tables);
  }

  @Override
  public int[] identity() {
    return identity.clone();
  }

  /** The columns the subscriber sees. */
  public List<ColumnMeta> columns() {
    return read.columns().subList(0, visible);
  }

  /** The number of user parameters. */
  public int parameterCount() {
    return read.parameterTypes().size();
  }
}
