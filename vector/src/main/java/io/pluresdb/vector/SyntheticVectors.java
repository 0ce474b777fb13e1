package io.pluresdb.vector;

import java.util.Random;

/**
 * Synthetic vectors with the shape real embeddings have, for tests and benchmarks: points scattered
 * around random centres (uniform random vectors are a worst case no real embedding is).
 *
 * <p>Not thread-safe: one generator per thread.
 */
public final class SyntheticVectors {
  private final Random random;
  private final float[][] centres;
  private final float spread;

  /**
   * @param seed the random seed (the same seed gives the same centres and points)
   * @param clusters how many centres
   * @param dimensions the vectors' dimension
   * @param spread the standard deviation of a point around its centre (centres have 1)
   */
  public SyntheticVectors(long seed, int clusters, int dimensions, float spread) {
    this.random = new Random(seed);
    this.spread = spread;
    this.centres = new float[clusters][dimensions];
    for (float[] c : centres) {
      for (int d = 0; d < dimensions; d++) {
        c[d] = (float) random.nextGaussian();
      }
    }
  }

  /** The next {@code n} points, each around a randomly chosen centre. */
  public float[][] next(int n) {
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      float[] c = centres[random.nextInt(centres.length)];
      float[] v = new float[c.length];
      for (int d = 0; d < v.length; d++) {
        v[d] = c[d] + spread * (float) random.nextGaussian();
      }
      out[i] = v;
    }
    return out;
  }
}
