package io.pluresdb.sql.catalog;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.List;
import java.util.Map;
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
   * deliveries_per_second} the transactions sent to the peer in the last whole second.
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
          ColumnDef.of("deliveries_per_second", ColumnType.BIGINT));

  private static final Map<String, Table> TABLES =
      Map.of(SYS_PEERS, CollectionTable.of(new ViewDef(SYS_PEERS, null, SYS_PEERS_COLUMNS)));

  private SystemTables() {}

  /** The system views by name. */
  static Map<String, Table> all() {
    return TABLES;
  }
}
