package io.pluresdb.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Write throughput under live queries: auto-commit single-row INSERTs with no subscription, and
 * with 10,000 (each insert matching one). An operation is 100 inserts and, with subscriptions,
 * waiting until all 100 have been delivered, so matching and delivery are paid inside the score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LiveThroughputBenchmark extends LiveState {
  static final int WRITES = 100;

  @Param({"0", "10000"})
  public int subscriptions;

  @Override
  int subscriptionCount() {
    return subscriptions;
  }

  @Benchmark
  @OperationsPerInvocation(WRITES)
  public void insertsUnderSubscriptions() throws Exception {
    for (int i = 0; i < WRITES; i++) {
      fixture.insertOne(subscriptions > 0);
    }
    fixture.awaitDelivery();
  }
}
