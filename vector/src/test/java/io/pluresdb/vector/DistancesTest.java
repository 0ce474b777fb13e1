package io.pluresdb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistancesTest {
  private static final float[] A = {1, 0, 0};
  private static final float[] B = {0, 2, 0};
  private static final float[] C = {3, 4, 0};

  @Test
  void l2IsTheEuclideanDistance() {
    assertThat(Distances.l2Distance(A, C)).isCloseTo((float) Math.sqrt(4 + 16), within(1e-6f));
    assertThat(Distances.l2Distance(C, C)).isZero();
  }

  @Test
  void innerProductIsTheDotProduct() {
    assertThat(Distances.innerProduct(A, C)).isEqualTo(3f);
    assertThat(Distances.innerProduct(B, C)).isEqualTo(8f);
  }

  @Test
  void cosineDistanceIgnoresLength() {
    assertThat(Distances.cosineDistance(A, new float[] {5, 0, 0})).isCloseTo(0f, within(1e-6f));
    assertThat(Distances.cosineDistance(A, B)).isCloseTo(1f, within(1e-6f));
    assertThat(Distances.cosineDistance(A, new float[] {-1, 0, 0})).isCloseTo(2f, within(1e-6f));
    assertThat(Distances.cosineDistance(A, C)).isCloseTo(1f - 3f / 5f, within(1e-6f));
  }

  @Test
  void similarityIsCosineClampedToZeroOne() {
    assertThat(Distances.similarity(A, C)).isCloseTo(0.6f, within(1e-6f));
    assertThat(Distances.similarity(A, new float[] {-1, 0, 0})).isZero();
    assertThat(Distances.similarity(C, C)).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void aZeroVectorIsAtDistanceOneFromEverything() {
    assertThat(Distances.cosineDistance(new float[3], A)).isEqualTo(1f);
  }

  @Test
  void differentDimensionsAreRefused() {
    assertThatThrownBy(() -> Distances.l2Distance(A, new float[] {1, 2}))
        .isInstanceOf(VectorException.class)
        .hasMessageContaining("3 and 2")
        .extracting(e -> ((VectorException) e).reason())
        .isEqualTo(VectorException.Reason.DIMENSIONS);
  }

  @Test
  void metricsOrderLikeTheirFunctions() {
    assertThat(Metric.parse("COSINE")).isEqualTo(Metric.COSINE);
    assertThat(Metric.parse("euclidean")).isEqualTo(Metric.L2);
    assertThat(Metric.parse("ip")).isEqualTo(Metric.INNER_PRODUCT);
    assertThat(Metric.parse("manhattan")).isNull();
    assertThat(Metric.INNER_PRODUCT.distance(A, C)).isEqualTo(-3f);
  }
}
