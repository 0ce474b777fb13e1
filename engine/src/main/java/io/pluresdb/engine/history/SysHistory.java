package io.pluresdb.engine.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.crdt.store.LogHistory;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.sql.catalog.SystemTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sqlite.Function;

/**
 * The {@code sys_history} view: on every store connection the SQL function {@code pl_history(data,
 * tbl, entity)}, which decodes one log record into a JSON array of its field changes to one entity,
 * and the TEMP view {@code sys_history} over {@code json_each} of it for every entry of the log's
 * entity index ({@link LogHistory#entityRecords}), with the columns the planner declares ({@link
 * SystemTables#SYS_HISTORY_COLUMNS}). A filter on {@code tbl} (and {@code entity}) reads only the
 * records of that table (or entity); a filter on the other columns runs on the decoded changes.
 *
 * <p>The same initializer creates the {@code sys_conflicts} view ({@link SysConflicts}) and the
 * functions of time travel ({@link PastFunctions}).
 *
 * <p>Thread-safe: stateless; SQLite calls the function on whichever thread runs the query.
 */
public final class SysHistory extends Function {
  private static final String FUNCTION = "pl_history";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String VIEW_SQL = viewSql();

  private SysHistory() {}

  /** The config with the function and the view on each connection, after its own setup. */
  public static StoreConfig configure(StoreConfig config) {
    return config.alsoInitializing(SysHistory::install);
  }

  static void install(Connection c) throws SQLException {
    Function.create(c, FUNCTION, new SysHistory(), 3, Function.FLAG_DETERMINISTIC);
    try (Statement s = c.createStatement()) {
      s.execute(VIEW_SQL);
      s.execute(SysConflicts.VIEW_SQL);
    }
    PastFunctions.install(c);
  }

  @Override
  protected void xFunc() throws SQLException {
    byte[] data = value_blob(0);
    String table = value_text(1);
    String entity = value_text(2);
    result(
        data == null || table == null || entity == null
            ? "[]"
            : changes(TxCodec.decode(data), table, entity).toString());
  }

  /**
   * The field changes of {@code tx} to one entity: one per field an insert or update sets, one per
   * delete.
   */
  static ArrayNode changes(Transaction tx, String table, String entity) {
    // the node factory, not a mapper: the function is installed on every new connection, and
    // Jackson's mapper is only needed when a history is read
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    String node = String.format(Locale.ROOT, "%012x", tx.node());
    String txId = tx.id().toString();
    for (Operation op : tx.ops()) {
      if (op.kind() == OpKind.SCHEMA
          || !op.table().equals(table)
          || !LogHistory.entity(op.key()).equals(entity)) {
        continue;
      }
      String at = TIME.format(Instant.ofEpochMilli(op.id().millis()));
      if (op.kind() == OpKind.DELETE) {
        add(a, op, entity, null, null, at, node, txId);
      }
      for (int i = 0; i < op.columns().length; i++) {
        add(a, op, entity, op.columns()[i], LogHistory.text(op.values()[i]), at, node, txId);
      }
    }
    return a;
  }

  private static void add(
      ArrayNode a,
      Operation op,
      String entity,
      @Nullable String field,
      @Nullable String value,
      String at,
      String node,
      String tx) {
    ObjectNode o = a.addObject();
    o.put("tbl", op.table());
    o.put("entity", entity);
    o.put("op", op.kind().name());
    o.put("field", field);
    o.put("value", value);
    o.put("changed_at", at);
    o.put("node", node);
    o.put("tx", tx);
    o.put("op_id", op.id().toString());
  }

  private static String viewSql() {
    StringBuilder b = new StringBuilder("CREATE TEMP VIEW IF NOT EXISTS ");
    b.append(SystemTables.SYS_HISTORY).append(" AS SELECT ");
    List<String> names = SystemTables.SYS_HISTORY_COLUMNS.stream().map(c -> c.name()).toList();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      b.append(i == 0 ? "" : ", ")
          .append(
              name.equals("tbl") || name.equals("entity")
                  ? "e." + name
                  : "json_extract(h.value, '$." + name + "')")
          .append(" AS \"")
          .append(name)
          .append('"');
    }
    // the index's columns are the view's tbl and entity, so SQLite pushes a filter on them into
    // the index and decodes only the records of the entities asked for
    return b.append(" FROM ")
        .append(LogHistory.entityRecords())
        .append(", json_each(")
        .append(FUNCTION)
        .append("(l.data, e.tbl, e.entity)) AS h ORDER BY l.seq, e.tbl, e.entity, h.key")
        .toString();
  }
}
