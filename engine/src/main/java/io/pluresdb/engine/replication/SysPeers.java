package io.pluresdb.engine.replication;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.engine.history.HistoryFunctions;
import io.pluresdb.sql.catalog.SystemTables;
import io.pluresdb.sync.replicator.PeerRow;
import io.pluresdb.sync.replicator.StatusJson;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.sqlite.Function;

/**
 * The {@code sys_peers} view of one engine. On every store connection it registers the SQL function
 * {@code pl_sys_peers()}, which returns the replicator's peers as a JSON array, and the TEMP view
 * {@code sys_peers} over {@code json_each} of it, with the columns the planner declares ({@link
 * SystemTables#SYS_PEERS_COLUMNS}). Without a replicator the view is empty.
 *
 * <p>Thread-safe: the source of rows is a volatile reference, set when the replicator starts and
 * cleared when it stops; SQLite calls the function on whichever thread runs the query.
 */
public final class SysPeers {
  private static final String FUNCTION = "pl_sys_peers";
  private static final List<String> ACKS = List.of("acked_at", "holds_back");
  private static final String VIEW_SQL = viewSql();

  private volatile Supplier<List<PeerRow>> source = List::of;
  private final HistoryFunctions history = new HistoryFunctions();

  /** The functions of bounded history, whose peer acknowledgements this view joins. */
  public HistoryFunctions history() {
    return history;
  }

  /** The connection initializer: the function and the view on a fresh store connection. */
  public void install(Connection c) throws SQLException {
    Function.create(
        c,
        FUNCTION,
        new Function() {
          @Override
          protected void xFunc() throws SQLException {
            result(StatusJson.write(StatusJson.peers(source.get())));
          }
        });
    history.install(c);
    try (Statement s = c.createStatement()) {
      s.execute(VIEW_SQL);
    }
  }

  /** Rows come from {@code rows} from now on (null: none). */
  void source(@Nullable Supplier<List<PeerRow>> rows) {
    source = rows == null ? List::of : rows;
  }

  /**
   * The replicator's rows, each with what its node last acknowledged ({@code acked_at}) and how
   * many transactions past the retention it has not ({@code holds_back}); then the known peers
   * without a session that hold the horizon back, as {@code OFFLINE} rows with those two columns.
   */
  private static String viewSql() {
    StringBuilder b = new StringBuilder("CREATE TEMP VIEW IF NOT EXISTS ");
    b.append(SystemTables.SYS_PEERS)
        .append(" AS WITH p AS (SELECT value AS v, json_extract(value, '$.node') AS node FROM")
        .append(" json_each(")
        .append(FUNCTION)
        .append("())), a AS (SELECT json_extract(value, '$.node') AS node,")
        .append(" json_extract(value, '$.acked_at') AS acked_at,")
        .append(" json_extract(value, '$.holds_back') AS holds_back")
        .append(" FROM json_each(pl_peer_acks())) SELECT ");
    List<ColumnDef> cols = SystemTables.SYS_PEERS_COLUMNS;
    StringBuilder offline = new StringBuilder(" UNION ALL SELECT ");
    for (int i = 0; i < cols.size(); i++) {
      String name = cols.get(i).name();
      String sep = i == 0 ? "" : ", ";
      b.append(sep);
      offline.append(sep);
      if (ACKS.contains(name)) {
        b.append("a.").append(name);
        offline.append("a.").append(name);
      } else {
        b.append("json_extract(p.v, '$.").append(name).append("')");
        offline.append(
            name.equals("node") ? "a.node" : name.equals("state") ? "'OFFLINE'" : "NULL");
      }
      b.append(" AS \"").append(name).append('"');
      offline.append(" AS \"").append(name).append('"');
    }
    b.append(" FROM p LEFT JOIN a ON a.node = p.node");
    offline.append(
        " FROM a WHERE a.holds_back > 0 AND a.node NOT IN (SELECT node FROM p WHERE node IS NOT"
            + " NULL)");
    return b.append(offline).toString();
  }
}
