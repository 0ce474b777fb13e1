package io.pluresdb.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnIndexTest {
  private static final IndexSpec SPEC = new IndexSpec(Metric.COSINE, 16, 16, 100);

  @TempDir Path tmp;

  /** Points around 20 centres; queries use another seed, so they come from other clusters too. */
  static float[][] clustered(int n, int dims, long seed) {
    return new SyntheticVectors(seed, 20, dims, 0.3f).next(n);
  }

  static List<Long> exact(float[][] data, float[] q, int k, Metric m) {
    return IntStream.range(0, data.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> m.distance(data[i], q)))
        .limit(k)
        .map(Integer::longValue)
        .toList();
  }

  private static AnnIndex filled(float[][] data) {
    AnnIndex index = AnnIndex.create(SPEC, 10);
    for (int i = 0; i < data.length; i++) {
      index.put(i, data[i]);
    }
    return index;
  }

  @Test
  void searchFindsTheExactNeighboursOfClusteredData() {
    float[][] data = clustered(3000, 16, 1);
    AnnIndex index = filled(data);
    assertThat(index.size()).isEqualTo(3000);
    float[][] queries = clustered(50, 16, 2);
    int hits = 0;
    for (float[] q : queries) {
      List<Long> found =
          index.search(q, 10, 128).stream().limit(10).map(AnnIndex.Neighbor::id).toList();
      List<Long> truth = exact(data, q, 10, Metric.COSINE);
      hits += (int) found.stream().filter(truth::contains).count();
    }
    assertThat(hits / 500.0).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void searchReturnsTheWholeCandidateListNearestFirst() {
    AnnIndex index = filled(clustered(500, 16, 3));
    List<AnnIndex.Neighbor> found = index.search(clustered(1, 16, 4)[0], 5, 40);
    assertThat(found).hasSize(40);
    assertThat(found).isSortedAccordingTo(Comparator.comparingDouble(AnnIndex.Neighbor::distance));
  }

  @Test
  void replacedAndRemovedVectorsAreFoundAccordingly() {
    float[][] data = clustered(200, 16, 5);
    AnnIndex index = filled(data);
    float[] far = new float[16];
    far[0] = 100;
    index.put(7, far);
    assertThat(index.search(far, 1, 10).get(0).id()).isEqualTo(7L);
    assertThat(index.remove(7)).isTrue();
    assertThat(index.contains(7)).isFalse();
    assertThat(index.search(far, 10, 10)).extracting(AnnIndex.Neighbor::id).doesNotContain(7L);
    index.put(7, far);
    assertThat(index.search(far, 1, 10).get(0).id()).isEqualTo(7L);
    assertThat(index.size()).isEqualTo(200);
  }

  @Test
  void theIndexGrowsPastItsInitialCapacity() throws InterruptedException {
    float[][] data = clustered(2500, 16, 6);
    AnnIndex index = AnnIndex.create(SPEC, 1);
    List<Long> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      ids.add((long) i);
      vectors.add(data[i]);
    }
    index.putAll(ids, vectors, 2);
    for (int i = 1500; i < data.length; i++) {
      index.put(i, data[i]);
    }
    assertThat(index.size()).isEqualTo(2500);
    assertThat(index.ids()).hasSize(2500).contains(0L, 2499L);
  }

  @Test
  void wrongDimensionsAreRefused() {
    AnnIndex index = AnnIndex.create(SPEC, 10);
    assertThatThrownBy(() -> index.put(1, new float[3]))
        .isInstanceOf(VectorException.class)
        .hasMessageContaining("16 dimensions, got 3");
  }

  @Test
  void aSavedIndexLoadsWithItsPosition() throws IOException {
    float[][] data = clustered(300, 16, 7);
    AnnIndex index = filled(data);
    Path file = tmp.resolve("ix.bin");
    IndexFile.save(index, 42, file);
    IndexFile.Loaded loaded = IndexFile.load(file, SPEC);
    assertThat(loaded.position()).isEqualTo(42);
    assertThat(loaded.index().size()).isEqualTo(300);
    assertThat(loaded.index().search(data[5], 1, 20).get(0).id()).isEqualTo(5L);
    loaded.index().put(1000, data[0]);
    assertThat(loaded.index().size()).isEqualTo(301);
  }

  @Test
  void aTornOrForeignFileIsRefused() throws IOException {
    AnnIndex index = filled(clustered(100, 16, 8));
    Path file = tmp.resolve("ix.bin");
    IndexFile.save(index, 1, file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> IndexFile.load(file, SPEC)).isInstanceOf(IOException.class);
    IndexFile.save(index, 1, file);
    IndexSpec other = new IndexSpec(Metric.L2, 16, 16, 100);
    assertThatThrownBy(() -> IndexFile.load(file, other))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("shape");
    bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> IndexFile.load(file, SPEC))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("checksum");
  }
}
