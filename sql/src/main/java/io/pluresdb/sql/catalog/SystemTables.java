package io.pluresdb.sql.catalog;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Table;

/**
 * Read-only system views that every node has but that do not replicate: they are not in the
 * catalog. Each is known to the validator at the root of the schema tree, so a query names it
 * unqualified and the SQL sent to SQLite does too; SQLite then finds the TEMP view of that name
 * that the driver creates on every store connection.
 */
public final class SystemTables {
  /** Each replication connection of this node: one row per peer. */
  public static final String SYS_PEERS = "sys_peers";

  /**
   * The columns of {@code sys_peers}, in order; their values come from the replicator. A peer's lag
   * is the column {@code behind} (transactions this node holds that the peer is not yet known to
   * hold): {@code LAG} is a reserved word of SQL. {@code parked} counts the peer node's
   * transactions this node holds but cannot apply yet, {@code parked_since} and {@code
   * parked_reason} say since when the oldest waits and for what. {@code bytes_in_flight} counts
   * bytes written to the connection that its socket has not taken yet, {@code
   * deliveries_per_second} the transactions sent to the peer in the last whole second. {@code
   * acked_at} is when the peer's node last acknowledged what it holds, {@code holds_back} how many
   * transactions older than the history retention it has not, which compaction keeps for it; a
   * known node with no session that holds some back is listed with state {@code OFFLINE}.
   */
  public static final List<ColumnDef> SYS_PEERS_COLUMNS =
      List.of(
          ColumnDef.of("node", ColumnType.VARCHAR),
          ColumnDef.of("address", ColumnType.VARCHAR),
          ColumnDef.of("role", ColumnType.VARCHAR),
          ColumnDef.of("state", ColumnType.VARCHAR),
          ColumnDef.of("last_heard", ColumnType.TIMESTAMP_WITH_TIME_ZONE),
          ColumnDef.of("sent", ColumnType.BIGINT),
          ColumnDef.of("received", ColumnType.BIGINT),
          ColumnDef.of("behind", ColumnType.BIGINT),
          ColumnDef.of("bytes_sent", ColumnType.BIGINT),
          ColumnDef.of("bytes_received", ColumnType.BIGINT),
          ColumnDef.of("close_reason", ColumnType.VARCHAR),
          ColumnDef.of("parked", ColumnType.BIGINT),
          ColumnDef.of("parked_since", ColumnType.TIMESTAMP_WITH_TIME_ZONE),
          ColumnDef.of("parked_reason", ColumnType.VARCHAR),
          ColumnDef.of("bytes_in_flight", ColumnType.BIGINT),
          ColumnDef.of("deliveries_per_second", ColumnType.BIGINT),
          ColumnDef.of("acked_at", ColumnType.TIMESTAMP_WITH_TIME_ZONE),
          ColumnDef.of("holds_back", ColumnType.BIGINT));

  /** Every field change the log of this node holds: one row per field an operation set. */
  public static final String SYS_HISTORY = "sys_history";

  /**
   * The columns of {@code sys_history}, in log order: the table, the entity's key as text (a
   * one-column key as its value's text, a composite key as a JSON array), the operation kind
   * ({@code INSERT}, {@code UPDATE}, {@code DELETE}), the field and its new value as text (both
   * NULL for a delete), the operation's time (UTC), the node that wrote it, the transaction and the
   * operation id. {@code column}, {@code value} and {@code time} are reserved words of SQL.
   */
  public static final List<ColumnDef> SYS_HISTORY_COLUMNS =
      List.of(
          ColumnDef.of("tbl", ColumnType.VARCHAR),
          ColumnDef.of("entity", ColumnType.VARCHAR),
          ColumnDef.of("op", ColumnType.VARCHAR),
          ColumnDef.of("field", ColumnType.VARCHAR),
          ColumnDef.of("value", ColumnType.VARCHAR),
          ColumnDef.of("changed_at", ColumnType.TIMESTAMP),
          ColumnDef.of("node", ColumnType.VARCHAR),
          ColumnDef.of("tx", ColumnType.VARCHAR),
          ColumnDef.of("op_id", ColumnType.VARCHAR));

  /** The values that lost a last-writer-wins race to a concurrent write, with the winner. */
  public static final String SYS_CONFLICTS = "sys_conflicts";

  /**
   * The columns of {@code sys_conflicts}: the table, the entity's key as text (as in {@code
   * sys_history}), the field, and for each side ({@code lost_}, {@code won_}) the value as text,
   * the node that wrote it, when (UTC) and the operation id, and the winner's kind ({@code won_by}:
   * {@code UPDATE}, or {@code DELETE} when a delete discarded a concurrent update's values).
   */
  public static final List<ColumnDef> SYS_CONFLICTS_COLUMNS =
      List.of(
          ColumnDef.of("tbl", ColumnType.VARCHAR),
          ColumnDef.of("entity", ColumnType.VARCHAR),
          ColumnDef.of("field", ColumnType.VARCHAR),
          ColumnDef.of("lost_value", ColumnType.VARCHAR),
          ColumnDef.of("lost_node", ColumnType.VARCHAR),
          ColumnDef.of("lost_at", ColumnType.TIMESTAMP_WITH_TIME_ZONE),
          ColumnDef.of("lost_op", ColumnType.VARCHAR),
          ColumnDef.of("won_value", ColumnType.VARCHAR),
          ColumnDef.of("won_node", ColumnType.VARCHAR),
          ColumnDef.of("won_at", ColumnType.TIMESTAMP_WITH_TIME_ZONE),
          ColumnDef.of("won_op", ColumnType.VARCHAR),
          ColumnDef.of("won_by", ColumnType.VARCHAR));

  /** The row-level policies of the database's tables, one row per policy. */
  public static final String SYS_POLICIES = "sys_policies";

  /**
   * The columns of {@code sys_policies}, as PostgreSQL's {@code pg_policies} names them: the table,
   * the policy, its command ({@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code
   * DELETE}), its USING and WITH CHECK expressions (NULL when absent).
   */
  public static final List<ColumnDef> SYS_POLICIES_COLUMNS =
      List.of(
          ColumnDef.of("tablename", ColumnType.VARCHAR),
          ColumnDef.of("policyname", ColumnType.VARCHAR),
          ColumnDef.of("cmd", ColumnType.VARCHAR),
          ColumnDef.of("qual", ColumnType.VARCHAR),
          ColumnDef.of("with_check", ColumnType.VARCHAR));

  private static final Map<String, Table> TABLES =
      Map.of(
          SYS_PEERS,
          CollectionTable.of(new ViewDef(SYS_PEERS, null, SYS_PEERS_COLUMNS)),
          SYS_HISTORY,
          CollectionTable.of(new ViewDef(SYS_HISTORY, null, SYS_HISTORY_COLUMNS)),
          SYS_CONFLICTS,
          CollectionTable.of(new ViewDef(SYS_CONFLICTS, null, SYS_CONFLICTS_COLUMNS)),
          SYS_POLICIES,
          CollectionTable.of(new ViewDef(SYS_POLICIES, null, SYS_POLICIES_COLUMNS)));

  private SystemTables() {}

  /** The names of the system views (each also a TEMP view on every store connection). */
  public static Set<String> names() {
    return TABLES.keySet();
  }

  /** The system views by name. */
  static Map<String, Table> all() {
    return TABLES;
  }
}
