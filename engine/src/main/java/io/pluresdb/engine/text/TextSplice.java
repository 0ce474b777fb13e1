package io.pluresdb.engine.text;

import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.sql.vector.FunctionErrors;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;
import org.sqlite.core.Codes;

/**
 * {@code text_splice(text, pos, delete, insert)}: the text with {@code delete} characters at the
 * 0-based {@code pos} replaced by {@code insert}, as Automerge's and Yjs's splice. On a {@code TEXT
 * MERGEABLE} column, {@code UPDATE note SET body = text_splice(body, 5, 0, ' brave')} becomes that
 * one edit of the column's sequence CRDT (the write takes the difference of old and new text), so
 * it merges with concurrent edits elsewhere. A NULL text is the empty text; a position or count
 * outside the text fails with 22003.
 */
public final class TextSplice extends Function {
  private TextSplice() {}

  /** The config with the function registered on each connection, after its own setup. */
  public static StoreConfig configure(StoreConfig config) {
    return config.alsoInitializing(TextSplice::register);
  }

  static void register(Connection sqlite) throws SQLException {
    Function.create(sqlite, "text_splice", new TextSplice(), 4, Function.FLAG_DETERMINISTIC);
  }

  @Override
  protected void xFunc() throws SQLException {
    if (value_type(1) == Codes.SQLITE_NULL || value_type(2) == Codes.SQLITE_NULL) {
      result();
      return;
    }
    String text = value_text(0);
    String s = text == null ? "" : text;
    long pos = value_long(1);
    long delete = value_long(2);
    String insert = value_text(3);
    if (pos < 0 || pos > s.length() || delete < 0 || delete > s.length() - pos) {
      SqlState state = SqlState.NUMERIC_VALUE_OUT_OF_RANGE;
      throw new SQLException(
          FunctionErrors.encode(
              state,
              "text_splice: deleting "
                  + delete
                  + " at position "
                  + pos
                  + " is outside a text of length "
                  + s.length()),
          state.code());
    }
    int at = (int) pos;
    result(s.substring(0, at) + (insert == null ? "" : insert) + s.substring(at + (int) delete));
  }
}
