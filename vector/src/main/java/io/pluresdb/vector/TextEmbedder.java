package io.pluresdb.vector;

/**
 * A model that turns text into a vector, for the SQL function {@code embed(text)}. An optional
 * module provides one (found with {@link java.util.ServiceLoader}), so that a database without it
 * carries no model: it still stores, receives and searches vectors, and only {@code embed()} fails.
 *
 * <p>Implementations are thread-safe: every connection of a node calls the same instance.
 */
public interface TextEmbedder {
  /** The model's name, as error messages and EXPLAIN show it. */
  String name();

  /** The length of every vector {@link #embed} returns. */
  int dimensions();

  /**
   * The text's vector, of {@link #dimensions()} floats, normalized to unit length so that cosine
   * distance and inner product rank alike. The same text gives the same vector on every call.
   */
  float[] embed(String text);
}
