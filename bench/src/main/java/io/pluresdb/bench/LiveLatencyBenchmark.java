package io.pluresdb.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Commit-to-delivery latency of a live query: one auto-commit INSERT, measured from the call until
 * the subscription's listener has received the row (so the write itself is included), with 1 and
 * with 10,000 active subscriptions. Sampled, so the report shows the percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LiveLatencyBenchmark extends LiveState {
  @Param({"1", "10000"})
  public int subscriptions;

  @Override
  int subscriptionCount() {
    return subscriptions;
  }

  @Benchmark
  public void commitToDelivery() throws Exception {
    fixture.insertOne(true);
    fixture.awaitDelivery();
  }
}
