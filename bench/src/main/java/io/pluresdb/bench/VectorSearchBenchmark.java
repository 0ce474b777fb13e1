package io.pluresdb.bench;

import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Top-10 cosine search over 100,000 clustered 128-d vectors: through SQL ({@code ORDER BY
 * cosine_distance(embedding, ?) LIMIT 10} on an HNSW index) and through hnswlib-core called
 * directly on the same vectors with the same M, ef_construction and ef. Scores are queries per
 * second. Both methods share one {@link VectorFixture}, so {@link Report} runs this class in its
 * own JVM without forking (building the indexes once takes minutes, not once per method).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VectorSearchBenchmark {
  private VectorFixture fixture;
  private PreparedStatement topK;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    fixture = VectorFixture.get();
    topK = fixture.connection.prepareStatement(VectorFixture.TOP_K);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    topK.close();
  }

  private float[] query() {
    next = (next + 1) % VectorFixture.QUERIES;
    return fixture.queries[next];
  }

  @Benchmark
  public long[] sqlTopK() throws Exception {
    return VectorFixture.sql(topK, query());
  }

  @Benchmark
  public long[] directTopK() {
    return fixture.direct(query());
  }
}
