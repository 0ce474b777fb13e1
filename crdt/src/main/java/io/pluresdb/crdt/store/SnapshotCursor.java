package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.SchemaJson;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of row states read a batch at a time (see {@link RowStates.Snapshot}), inside one read
 * transaction on its own connection: WAL keeps that transaction at the committed point where its
 * first read (the version vector) ran, however long the reading takes and whatever writers commit
 * meanwhile. It reads each table's materialized rows (values and {@code _clk}, see {@link
 * LiveRows}), then the kept states of entities that are not materialized ({@code _pl_tomb}, see
 * {@link Tombs}); one result set is open at a time, so memory stays one batch. A JSON field carries
 * its document's merge state ({@code _pl_json}, see {@link JsonColumns}) rather than its text, so
 * that merging the row state with operations on that document converges.
 *
 * <p>Not thread-safe: one reader at a time (a session reads it from its serial executor).
 */
final class SnapshotCursor implements RowStates.Snapshot {
  private final Connection c;
  private final Statement st;
  private final PreparedStatement byField; // a JSON field's merge state (see JsonColumns)
  private final Catalog cat;
  private final long node;
  private final Coverage coverage;
  private final List<Long> schemaSeqs = new ArrayList<>();
  private final List<OpId> schemaTxs = new ArrayList<>();
  private final ArrayDeque<TableSql> tables = new ArrayDeque<>();
  private @Nullable TableSql table; // the table whose rows rs reads; null while reading tombs
  private @Nullable ResultSet rs;
  private boolean tombsRead;

  /** Opens a snapshot of the store in {@code files}; {@code node} is the store's own. */
  static SnapshotCursor open(StoreFiles files, long node) throws SQLException {
    Connection c = files.connect();
    try {
      c.setAutoCommit(false);
      return new SnapshotCursor(c, node);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private SnapshotCursor(Connection c, long node) throws SQLException {
    this.c = c;
    this.node = node;
    this.st = c.createStatement();
    this.byField = c.prepareStatement(JsonColumns.SELECT);
    List<Coverage.Held> held = new ArrayList<>();
    try (ResultSet v = st.executeQuery("SELECT last, tx FROM _pl_vv ORDER BY node")) {
      while (v.next()) {
        held.add(new Coverage.Held(OpId.fromBytes(v.getBytes(2)), OpId.fromBytes(v.getBytes(1))));
      }
    }
    try (ResultSet m = st.executeQuery("SELECT v FROM _pl_meta WHERE k='catalog'")) {
      this.cat = m.next() ? SchemaJson.readCatalog(m.getString(1)) : Catalog.empty();
    }
    for (TableDef def : cat.tables().values()) {
      tables.add(new TableSql(def));
    }
    List<Coverage.Key> keys = new ArrayList<>();
    KeyTable.load(c).forEach((n, p) -> keys.add(new Coverage.Key(n, p.key(), p.retiredAfter())));
    this.coverage = new Coverage(held, keys);
    // a transaction that wrote no row has no entry in the log's entity index (schema changes are
    // few, so their positions are kept)
    try (ResultSet m =
        st.executeQuery(
            "SELECT seq, tx FROM _pl_log WHERE seq IN (SELECT seq FROM _pl_log EXCEPT SELECT seq"
                + " FROM "
                + LogHistory.ENTITY_INDEX
                + ") ORDER BY seq")) {
      while (m.next()) {
        schemaSeqs.add(m.getLong(1));
        schemaTxs.add(OpId.fromBytes(m.getBytes(2)));
      }
    }
  }

  @Override
  public long schemaSeq(VersionVector peerHolds) {
    for (int i = schemaSeqs.size() - 1; i >= 0; i--) {
      if (!peerHolds.covers(schemaTxs.get(i))) {
        return schemaSeqs.get(i);
      }
    }
    return 0;
  }

  @Override
  public Coverage coverage() {
    return coverage;
  }

  @Override
  public List<RowState> next(int maxRows) throws SQLException {
    List<RowState> out = new ArrayList<>(Math.min(maxRows, 4096));
    while (out.size() < maxRows) {
      ResultSet r = rs;
      if (r == null && (r = advance()) == null) {
        break;
      }
      if (!r.next()) {
        r.close();
        rs = null;
        continue;
      }
      TableSql t = table;
      out.add(t == null ? tomb(r) : SnapshotRows.row(r, t, node, byField));
    }
    return out;
  }

  /** Opens the next result set: the next table's rows, then the tombs; null when all are read. */
  private @Nullable ResultSet advance() throws SQLException {
    table = tables.pollFirst();
    if (table != null) {
      rs = st.executeQuery(SnapshotRows.select(table));
    } else if (!tombsRead) {
      tombsRead = true;
      rs = st.executeQuery("SELECT tbl, key, state FROM _pl_tomb ORDER BY tbl");
    }
    return rs;
  }

  private RowState tomb(ResultSet r) throws SQLException {
    String name = r.getString(1);
    Object[] key = Keys.decode(r.getBytes(2));
    EntityState s = EntityState.decode(r.getBytes(3));
    TableDef def = cat.table(name);
    if (def != null) {
      SnapshotRows.docs(byField, new TableSql(def), key, s);
    }
    return RowStateForm.of(name, key, s);
  }

  /** Ends the read transaction and closes the connection. */
  @Override
  public void close() throws SQLException {
    try (c;
        st;
        byField) {
      if (rs != null) {
        rs.close();
      }
      c.rollback();
    }
  }
}
