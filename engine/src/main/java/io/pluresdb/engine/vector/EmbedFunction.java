package io.pluresdb.engine.vector;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.sql.vector.FunctionErrors;
import io.pluresdb.vector.TextEmbedder;
import io.pluresdb.vector.VectorCodec;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.Function;
import org.sqlite.core.Codes;

/**
 * {@code embed(text)} inside SQLite: the text's vector from the bundled model ({@link Embedders})
 * as a {@code VECTOR} value (float32 bytes), so {@code cosine_distance(col, embed('…'))} and a
 * {@code GENERATED ALWAYS AS (embed(…))} column push down as one statement. NULL gives NULL.
 * Deterministic: the same text gives the same vector, so SQLite computes a constant argument once
 * per statement. Not thread-safe (one instance per connection, called on its thread).
 */
final class EmbedFunction extends Function {
  private String lastText = "";
  private byte[] lastVector = new byte[0];

  static void register(Connection sqlite) throws SQLException {
    Function.create(sqlite, "embed", new EmbedFunction(), 1, Function.FLAG_DETERMINISTIC);
  }

  @Override
  protected void xFunc() throws SQLException {
    if (value_type(0) == Codes.SQLITE_NULL) {
      result();
      return;
    }
    String text = value_text(0);
    if (text == null) {
      result();
      return;
    }
    if (!text.equals(lastText) || lastVector.length == 0) {
      TextEmbedder model = Embedders.find();
      if (model == null) {
        throw failure(SqlState.FEATURE_NOT_SUPPORTED, Embedders.MISSING, null);
      }
      try {
        lastVector = VectorCodec.toBytes(model.embed(text));
      } catch (RuntimeException e) {
        throw failure(SqlState.DATA_EXCEPTION, "embed: the model failed: " + e, e);
      }
      lastText = text;
    }
    result(lastVector);
  }

  private static SQLException failure(SqlState state, String message, @Nullable Throwable cause) {
    // the message travels through SQLite, which drops the state: FunctionErrors carries it
    String encoded = FunctionErrors.encode(state, message.replace(')', ']'));
    return Errors.of(state, encoded, cause);
  }
}
