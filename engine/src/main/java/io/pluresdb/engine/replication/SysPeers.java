package io.pluresdb.engine.replication;

import io.pluresdb.crdt.schema.ColumnDef;
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
  private static final String VIEW_SQL = viewSql();

  private volatile Supplier<List<PeerRow>> source = List::of;

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
    try (Statement s = c.createStatement()) {
      s.execute(VIEW_SQL);
    }
  }

  /** Rows come from {@code rows} from now on (null: none). */
  void source(@Nullable Supplier<List<PeerRow>> rows) {
    source = rows == null ? List::of : rows;
  }

  private static String viewSql() {
    StringBuilder b = new StringBuilder("CREATE TEMP VIEW IF NOT EXISTS ");
    b.append(SystemTables.SYS_PEERS).append(" AS SELECT ");
    List<ColumnDef> cols = SystemTables.SYS_PEERS_COLUMNS;
    for (int i = 0; i < cols.size(); i++) {
      String name = cols.get(i).name();
      b.append(i == 0 ? "" : ", ")
          .append("json_extract(value, '$.")
          .append(name)
          .append("') AS \"")
          .append(name)
          .append('"');
    }
    return b.append(" FROM json_each(").append(FUNCTION).append("())").toString();
  }
}
