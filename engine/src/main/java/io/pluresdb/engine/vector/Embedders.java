package io.pluresdb.engine.vector;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.vector.TextEmbedder;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The text embedding model of {@code embed(text)}: the first {@link TextEmbedder} on the class path
 * (the optional module {@code io.pluresdb:pluresdb-embed}), looked up once per class loader when a
 * statement first embeds. Without one, {@code embed()} fails with 0A000 naming the module, while
 * vectors already computed (written by another node, or inserted as values) still replicate and are
 * searched as usual.
 */
public final class Embedders {
  /** What an error says when the model is missing. */
  public static final String MISSING =
      "embed: no text embedding model on the class path; add the module"
          + " io.pluresdb:pluresdb-embed (pluresdb-embed and its dependencies) beside the driver";

  private Embedders() {}

  private static final class Found {
    static final @Nullable TextEmbedder INSTANCE = load();

    private static @Nullable TextEmbedder load() {
      Iterator<TextEmbedder> it =
          ServiceLoader.load(TextEmbedder.class, Embedders.class.getClassLoader()).iterator();
      return it.hasNext() ? it.next() : null;
    }
  }

  /** The model, or null when no module provides one. */
  public static @Nullable TextEmbedder find() {
    return Found.INSTANCE;
  }

  /** The model; 0A000 when no module provides one. */
  public static TextEmbedder require() throws SQLException {
    TextEmbedder e = find();
    if (e == null) {
      throw Errors.of(SqlState.FEATURE_NOT_SUPPORTED, MISSING);
    }
    return e;
  }

  /** The text's vector, computed by the model. */
  public static float[] embed(String text) throws SQLException {
    TextEmbedder e = require();
    try {
      return e.embed(text);
    } catch (RuntimeException failure) {
      throw Errors.of(
          SqlState.DATA_EXCEPTION, "embed: the model " + e.name() + " failed: " + failure, failure);
    }
  }
}
