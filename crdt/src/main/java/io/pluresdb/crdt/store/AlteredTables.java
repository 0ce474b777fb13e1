package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.ColumnNames;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableMerge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tables whose columns were ever renamed or dropped ({@code _pl_altered}, which only grows with
 * the schema operations applied) and, for those, which column each field of a data operation
 * belongs to ({@link ColumnNames}, derived from the table's schema operations in the log). Fields
 * of other tables keep their names, so they cost one cached lookup.
 *
 * <p>Not thread-safe: used by the writer only; {@link #forget} after every schema operation.
 */
final class AlteredTables {
  private final Writer w;
  private final Map<String, Optional<ColumnNames>> names = Names.map();

  AlteredTables(Writer w) {
    this.w = w;
  }

  static void mark(Connection conn, String table) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT OR IGNORE INTO _pl_altered(tbl) VALUES (?)")) {
      ps.setString(1, table);
      ps.executeUpdate();
    }
  }

  static boolean altered(Writer w, String table) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT 1 FROM _pl_altered WHERE tbl=?");
    ps.setString(1, table);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  void forget() {
    names.clear();
  }

  /**
   * The operation with each field under the final name of the column it belongs to, and without the
   * fields of dropped columns; unchanged for a table never altered, and for fields of names never
   * declared (left for {@link TypedValues} to find missing).
   */
  Operation resolve(Operation op) throws SQLException {
    Optional<ColumnNames> n = names.get(op.table());
    if (n == null) {
      n = Optional.ofNullable(altered(w, op.table()) ? load(op.table()) : null);
      names.put(op.table(), n);
    }
    if (n.isEmpty() || op.columns().length == 0) {
      return op;
    }
    List<String> cols = new ArrayList<>();
    List<@Nullable Object> values = new ArrayList<>();
    for (int i = 0; i < op.columns().length; i++) {
      String to = n.get().resolve(op.columns()[i], op.id());
      if (to == null) {
        to = op.columns()[i];
      }
      if (!to.equals(ColumnNames.DROPPED) && !cols.contains(to)) {
        cols.add(to);
        values.add(op.values()[i]);
      }
    }
    return new Operation(
        op.id(),
        op.kind(),
        op.table(),
        op.key(),
        cols.toArray(String[]::new),
        values.toArray(),
        op.precursors(),
        null);
  }

  private ColumnNames load(String table) throws SQLException {
    return TableMerge.merge(table, declared(LogReader.transactions(w.conn), table)).names();
  }

  /** The schema operations of the log that name {@code table}, with their ids. */
  static List<TableMerge.Declared> declared(List<Transaction> log, String table) {
    List<TableMerge.Declared> declared = new ArrayList<>();
    for (Transaction tx : log) {
      for (Operation op : tx.ops()) {
        if (op.kind() == OpKind.SCHEMA && names(op.schema(), table)) {
          declared.add(new TableMerge.Declared(op.id(), op.schema()));
        }
      }
    }
    return declared;
  }

  private static boolean names(SchemaChange change, String table) {
    return change instanceof SchemaChange.CreateTable c && Names.same(c.table().name(), table)
        || change instanceof SchemaChange.AddColumn a && Names.same(a.table(), table)
        || change instanceof SchemaChange.DropTable d && Names.same(d.table(), table)
        || change instanceof SchemaChange.RenameColumn r && Names.same(r.table(), table)
        || change instanceof SchemaChange.DropColumn d && Names.same(d.table(), table);
  }
}
