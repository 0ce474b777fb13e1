package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.json.JsonDoc;
import io.pluresdb.crdt.op.Operation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The documents of {@code JSON MERGEABLE} fields, which merge per path ({@link JsonDoc}). The row's
 * column holds the merged document as minified JSON text (so reads, {@code ->>} and indexes on
 * paths cost what a text column costs); operations carry the structural edit from the field's
 * previous value; {@code _pl_json} keeps each field's merge state, which row states carry.
 *
 * <p>An operation's value for a JSON field is its edit (bytes), or a whole JSON text or NULL
 * (written before JSON merged per path), which replaces the document as of the operation.
 *
 * <p>Not thread-safe: used by the holder of the writer permit.
 */
final class JsonColumns {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_json (tbl TEXT COLLATE NOCASE NOT NULL, key BLOB NOT NULL,"
          + " col TEXT COLLATE NOCASE NOT NULL, state BLOB NOT NULL,"
          + " PRIMARY KEY (tbl, key, col)) WITHOUT ROWID";

  /** The edit of a write that changes nothing: an empty fragment (no clocks, no flags, no kids). */
  private static final byte[] UNCHANGED = {0, 0, 0};

  private record Pending(String tbl, byte[] key, String col, JsonDoc doc) {}

  private final Writer w;
  private final List<Pending> pending = new ArrayList<>();

  JsonColumns(Writer w) {
    this.w = w;
  }

  /**
   * The documents of an inserted row, before the row is written: each JSON value in {@code row}
   * becomes its merged text and its edit goes into {@code opValues}; {@link #keep} saves the
   * documents once the row is in.
   */
  void prepare(TableSql t, Object[] key, Object[] row, Object[] opValues, OpId at)
      throws SQLException {
    pending.clear();
    byte[] k = Keys.bytes(key);
    for (int i = 0; i < row.length; i++) {
      if (t.jsons.contains(t.names[i])) {
        JsonDoc doc = load(t.def.name(), k, t.names[i]);
        opValues[i] = edit(doc, at, row[i], t.names[i]);
        row[i] = doc.text();
        pending.add(new Pending(t.def.name(), k, t.names[i], doc));
      }
    }
  }

  /** Saves the documents {@link #prepare} made. */
  void keep() throws SQLException {
    for (Pending p : pending) {
      save(p.tbl(), p.key(), p.col(), p.doc());
    }
    pending.clear();
  }

  /**
   * A local write of {@code json} to a field at {@code at}: returns the edit; {@code text[0]}
   * receives the merged text the row holds.
   */
  byte[] write(TableSql t, Object[] key, String col, OpId at, @Nullable Object json, Object[] text)
      throws SQLException {
    byte[] k = Keys.bytes(key);
    JsonDoc doc = load(t.def.name(), k, col);
    byte[] edit = edit(doc, at, json, col);
    save(t.def.name(), k, col, doc);
    text[0] = doc.text();
    return edit;
  }

  private static byte[] edit(JsonDoc doc, OpId at, @Nullable Object json, String col)
      throws SQLException {
    try {
      byte[] e = doc.write(at, json == null ? null : json.toString());
      return e == null ? UNCHANGED : e;
    } catch (IllegalArgumentException e) {
      throw Errors.of(
          SqlState.INVALID_TEXT_REPRESENTATION,
          "column '" + col + "' is JSON, got invalid JSON '" + json + "'",
          e);
    }
  }

  /**
   * The operation with the edits of its JSON fields merged and replaced by the fields' merged
   * texts, which the entity's registers then take whatever the operation's id.
   */
  Operation merge(TableSql t, Operation op, Object[] key) throws SQLException {
    String[] cols = op.columns();
    Object[] values = null;
    byte[] k = Keys.bytes(key);
    for (int i = 0; i < cols.length; i++) {
      if (t.jsons.contains(cols[i])) {
        values = values == null ? op.values().clone() : values;
        JsonDoc doc = load(t.def.name(), k, cols[i]);
        Object v = op.values()[i];
        try {
          if (v == null) {
            doc.replace(op.id(), null);
          } else {
            doc.apply(op.id(), v);
          }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          // a value no JSON document reads: kept in the log, the field left as it was
          values[i] = doc.text();
          continue;
        }
        save(t.def.name(), k, cols[i], doc);
        values[i] = doc.text();
      }
    }
    if (values == null) {
      return op;
    }
    return new Operation(
        op.id(), op.kind(), op.table(), op.key(), cols, values, op.precursors(), op.schema());
  }

  /**
   * Merges a row state's value of a JSON field (a document's state, or a whole text as of the
   * field's clock) into the field's document; returns the merged text.
   */
  @Nullable Object join(String table, Object[] key, String col, OpId clock, @Nullable Object value)
      throws SQLException {
    byte[] k = Keys.bytes(key);
    JsonDoc doc = load(table, k, col);
    try {
      if (value instanceof byte[] state) {
        doc.join(state);
      } else if (value != null) {
        doc.replace(clock, value.toString());
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return doc.text();
    }
    save(table, k, col, doc);
    return doc.text();
  }

  /** A field's merge state as stored, or null if it has none. */
  static byte @Nullable [] state(PreparedStatement byField, String table, byte[] key, String col)
      throws SQLException {
    byField.setString(1, table.toLowerCase(Locale.ROOT));
    byField.setBytes(2, key);
    byField.setString(3, col.toLowerCase(Locale.ROOT));
    try (ResultSet rs = byField.executeQuery()) {
      return rs.next() ? rs.getBytes(1) : null;
    }
  }

  static final String SELECT = "SELECT state FROM _pl_json WHERE tbl=? AND key=? AND col=?";

  private JsonDoc load(String table, byte[] key, String col) throws SQLException {
    byte[] state = state(w.prepare(SELECT), table, key, col);
    return state == null ? new JsonDoc() : JsonDoc.of(state);
  }

  private void save(String table, byte[] key, String col, JsonDoc doc) throws SQLException {
    PreparedStatement ps =
        w.prepare("INSERT OR REPLACE INTO _pl_json(tbl, key, col, state) VALUES (?,?,?,?)");
    ps.setString(1, table.toLowerCase(Locale.ROOT));
    ps.setBytes(2, key);
    ps.setString(3, col.toLowerCase(Locale.ROOT));
    ps.setBytes(4, doc.state());
    ps.executeUpdate();
  }
}
