package io.pluresdb.vector;

import com.github.jelmerk.hnswlib.core.DistanceFunction;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How an index measures distance between vectors: the same function the exact SQL functions
 * compute, so an index search and the exact re-ranking of its candidates agree on the order.
 */
public enum Metric {
  /** {@link Distances#cosineDistance}: 1 − cosine similarity. */
  COSINE("cosine", "cosine_distance"),
  /** {@link Distances#l2Distance}: the Euclidean distance. */
  L2("l2", "l2_distance"),
  /** The negative inner product: smaller is more similar, as pgvector's {@code <#>}. */
  INNER_PRODUCT("ip", "inner_product");

  private final String optionName;
  private final String function;

  Metric(String optionName, String function) {
    this.optionName = optionName;
    this.function = function;
  }

  /** The name used in {@code WITH (metric = '…')}. */
  public String optionName() {
    return optionName;
  }

  /** The SQL function computing this metric (for inner product, its negation orders the same). */
  public String function() {
    return function;
  }

  /** The distance of two vectors of equal dimension under this metric (smaller is nearer). */
  public float distance(float[] a, float[] b) {
    return switch (this) {
      case COSINE -> Distances.cosineDistance(a, b);
      case L2 -> Distances.l2Distance(a, b);
      case INNER_PRODUCT -> -Distances.innerProduct(a, b);
    };
  }

  /**
   * The metric of an option value: {@code cosine}, {@code l2} (or {@code euclidean}), {@code ip}
   * (or {@code inner_product}), case-insensitive; null when unknown.
   */
  public static @Nullable Metric parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "cosine" -> COSINE;
      case "l2", "euclidean" -> L2;
      case "ip", "inner_product" -> INNER_PRODUCT;
      default -> null;
    };
  }

  /** This metric as an hnswlib-core distance function (serializable, as index files need). */
  DistanceFunction<float[], Float> hnswFunction() {
    return new HnswDistance(this);
  }

  /** Adapts a metric to hnswlib-core; written into index files by Java serialization. */
  private record HnswDistance(Metric metric) implements DistanceFunction<float[], Float> {
    private static final long serialVersionUID = 1L;

    @Override
    public Float distance(float[] u, float[] v) {
      return metric.distance(u, v);
    }
  }
}
