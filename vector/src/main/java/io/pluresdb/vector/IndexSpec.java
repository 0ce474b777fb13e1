package io.pluresdb.vector;

/**
 * The shape of an HNSW index.
 *
 * @param metric the distance it orders by
 * @param dimensions the dimension of every vector in it
 * @param m links per node per layer (the paper's M); 16 unless told
 * @param efConstruction candidate list size while inserting; 200 unless told
 */
public record IndexSpec(Metric metric, int dimensions, int m, int efConstruction) {
  public static final int DEFAULT_M = 16;
  public static final int DEFAULT_EF_CONSTRUCTION = 200;

  public IndexSpec {
    if (dimensions < 1 || m < 2 || efConstruction < 1) {
      throw new IllegalArgumentException(
          "bad index shape: dimensions "
              + dimensions
              + ", m "
              + m
              + ", ef_construction "
              + efConstruction);
    }
  }
}
