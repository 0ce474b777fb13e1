package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.text.TextDoc;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The documents of {@code TEXT MERGEABLE} fields. The row's column holds the merged text (so reads
 * cost what a plain text column costs); operations carry edits ({@link TextDoc}), and {@code
 * _pl_text} keeps each field's edits in the order this node merged them, from which the document is
 * rebuilt. Recently used documents stay decoded in memory; each use first checks the newest edit
 * number in the table, so a rolled-back transaction's edits never linger in the cache.
 *
 * <p>A field with no edit at all holds NULL; writing NULL over text empties it.
 *
 * <p>Not thread-safe: used by the holder of the writer permit.
 */
final class TextColumns {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_text (tbl TEXT COLLATE NOCASE NOT NULL, key BLOB NOT NULL,"
          + " col TEXT COLLATE NOCASE NOT NULL, seq INTEGER NOT NULL, node INTEGER NOT NULL, edit BLOB NOT NULL,"
          + " PRIMARY KEY (tbl, key, col, seq)) WITHOUT ROWID";

  private static final int CACHED = 32;

  private record Field(String tbl, ByteBuffer key, String col) {}

  private static final class Cached {
    final TextDoc doc = new TextDoc();
    long last = -1;
  }

  private final Writer w;

  private final Map<Field, Cached> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Field, Cached> eldest) {
          return size() > CACHED;
        }
      };

  TextColumns(Writer w) {
    this.w = w;
  }

  /**
   * A local write of {@code text} to a field: the edit from the field's text to it, applied and
   * kept; null when the text is unchanged. NULL empties the text.
   */
  byte @Nullable [] write(TableSql t, Object[] key, String col, @Nullable Object text)
      throws SQLException {
    Field f = field(t, key, col);
    Cached c = load(f);
    byte[] edit = c.doc.diff(w.node, text == null ? "" : (String) text);
    if (edit != null) {
      append(f, c, w.node, edit);
    }
    return edit;
  }

  /**
   * The row to insert: a NULL written over a field with text (of a deleted entity of the same key)
   * empties it, so it reads as the empty text, as it will everywhere.
   */
  Object[] nullsOverText(TableSql t, Object[] key, Object[] row) throws SQLException {
    Object[] out = row;
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null && t.texts.contains(t.names[i]) && value(t, key, t.names[i]) != null) {
        out = out == row ? row.clone() : out;
        out[i] = "";
      }
    }
    return out;
  }

  /** The edits of an inserted row's text fields, into the operation's values. */
  void edits(TableSql t, Object[] key, Object[] row, Object[] opValues) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      if (t.texts.contains(t.names[i])) {
        opValues[i] = write(t, key, t.names[i], row[i]);
      }
    }
  }

  /** The materialized value of a field after a local write: its text, or NULL if never written. */
  @Nullable String value(TableSql t, Object[] key, String col) throws SQLException {
    TextDoc d = load(field(t, key, col)).doc;
    return d.blank() ? null : d.text();
  }

  /**
   * The operation with the edits of its mergeable text fields merged and replaced by the fields'
   * merged texts, which the entity's registers then take whatever the operation's id.
   */
  Operation merge(TableSql t, Operation op, Object[] key) throws SQLException {
    String[] cols = op.columns();
    Object[] values = null;
    for (int i = 0; i < cols.length; i++) {
      if (t.texts.contains(cols[i])) {
        values = values == null ? op.values().clone() : values;
        Field f = field(t, key, cols[i]);
        Cached c = load(f);
        if (op.values()[i] instanceof byte[] edit) {
          long author = op.id().node();
          c.doc.apply(author, edit);
          append(f, c, author, edit);
        }
        values[i] = c.doc.blank() ? null : c.doc.text();
      }
    }
    if (values == null) {
      return op;
    }
    return new Operation(
        op.id(), op.kind(), op.table(), op.key(), cols, values, op.precursors(), op.schema());
  }

  private static Field field(TableSql t, Object[] key, String col) {
    return new Field(
        t.def.name().toLowerCase(Locale.ROOT),
        ByteBuffer.wrap(Keys.bytes(key)),
        col.toLowerCase(Locale.ROOT));
  }

  private Cached load(Field f) throws SQLException {
    long last = -1;
    PreparedStatement ps =
        w.prepare("SELECT max(seq) FROM _pl_text WHERE tbl=? AND key=? AND col=?");
    bind(ps, f);
    try (ResultSet rs = ps.executeQuery()) {
      if (rs.next() && rs.getObject(1) != null) {
        last = rs.getLong(1);
      }
    }
    Cached c = cache.get(f);
    if (c != null && c.last == last) {
      return c;
    }
    c = new Cached();
    ps = w.prepare("SELECT node, edit FROM _pl_text WHERE tbl=? AND key=? AND col=? ORDER BY seq");
    bind(ps, f);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        c.doc.apply(rs.getLong(1), rs.getBytes(2));
      }
    }
    c.last = last;
    cache.put(f, c);
    return c;
  }

  private void append(Field f, Cached c, long node, byte[] edit) throws SQLException {
    PreparedStatement ps =
        w.prepare("INSERT INTO _pl_text(tbl, key, col, seq, node, edit) VALUES (?,?,?,?,?,?)");
    bind(ps, f);
    ps.setLong(4, ++c.last);
    ps.setLong(5, node);
    ps.setBytes(6, edit);
    ps.executeUpdate();
  }

  private static void bind(PreparedStatement ps, Field f) throws SQLException {
    ps.setString(1, f.tbl());
    ps.setBytes(2, f.key().array());
    ps.setString(3, f.col());
  }
}
