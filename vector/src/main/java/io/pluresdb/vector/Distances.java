package io.pluresdb.vector;

/**
 * Exact distance and similarity functions over float vectors, computed in float like the index
 * does. Every function requires vectors of the same dimension and fails with {@link
 * VectorException} otherwise.
 *
 * <p>Stateless and thread-safe.
 */
public final class Distances {
  private Distances() {}

  /** The dot product Σ aᵢbᵢ. */
  public static float innerProduct(float[] a, float[] b) {
    sameDimensions(a, b);
    float dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  /** The Euclidean distance √Σ(aᵢ − bᵢ)². */
  public static float l2Distance(float[] a, float[] b) {
    sameDimensions(a, b);
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      float d = a[i] - b[i];
      sum += d * d;
    }
    return (float) Math.sqrt(sum);
  }

  /**
   * 1 − cos(a, b), in [0, 2]. A zero vector has no direction: its distance to anything is 1 (as if
   * orthogonal), so it neither wins nor breaks a search.
   */
  public static float cosineDistance(float[] a, float[] b) {
    sameDimensions(a, b);
    float dot = 0;
    float na = 0;
    float nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    if (na == 0 || nb == 0) {
      return 1f;
    }
    return 1f - (float) (dot / Math.sqrt((double) na * nb));
  }

  /** Cosine similarity clamped to [0, 1]: 1 for the same direction, 0 for orthogonal or opposed. */
  public static float similarity(float[] a, float[] b) {
    float s = 1f - cosineDistance(a, b);
    return Math.max(0f, Math.min(1f, s));
  }

  private static void sameDimensions(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new VectorException(
          VectorException.Reason.DIMENSIONS,
          "vectors have different dimensions: " + a.length + " and " + b.length);
    }
  }
}
